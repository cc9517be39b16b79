// What a learner's copy (`workbook export-learner`) was asked for and does not have.
// Package.swift sets these conditions; the compiler then says the one sentence, once.
// (C, because a Swift #error is reported by every compile job of its module, and a manifest
// that stops is reported by SwiftPM with a kilobyte of its own command line, twice.)

#ifdef WORKBOOK_SOLUTIONS_IN_A_LEARNERS_COPY
#error "WORKBOOK_SOLUTIONS=1, but this is a learner's copy of the workbook: it has no reference solutions. Unset WORKBOOK_SOLUTIONS to build your own code."
#endif

#ifdef WORKBOOK_MAINTAINER_IN_A_LEARNERS_COPY
#error "WORKBOOK_MAINTAINER=1, but this is a learner's copy of the workbook: it has no maintainers' tests. Unset WORKBOOK_MAINTAINER to run your exercises."
#endif
