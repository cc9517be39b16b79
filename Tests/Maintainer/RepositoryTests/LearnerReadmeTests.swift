import Foundation
import Testing
@testable import WorkbookTool

@Suite("The README of a learner's copy")
struct LearnerReadmeTests {
    @Test("leaves out a marked section with its subsections, up to the next heading of its level")
    func leavesOutSections() {
        let full = """
            # Title

            ## Kept
            text
            ## Left out
            \(LearnerReadme.leaveOut)
            secret
            ```
            # not a heading: inside code
            ```
            ### Its subsection
            more secret
            ## Kept too
            end
            """
        #expect(LearnerReadme.learnersEdition(of: full) == "# Title\n\n## Kept\ntext\n## Kept too\nend")
    }

    @Test("keeps a learner's block, which the full README hides, in place of a left-out section")
    func learnersBlock() {
        let full = """
            ## Layout
            \(LearnerReadme.leaveOut)
            Solutions/

            \(LearnerReadme.learnersBlock)
            ## Layout
            Exercises/
            -->

            ## For maintainers
            \(LearnerReadme.leaveOut)
            .ci/
            """
        #expect(LearnerReadme.learnersEdition(of: full) == "## Layout\nExercises/\n")
    }

    @Test("the learner's edition of each README keeps its learner's sections and drops everything else",
          arguments: LearnerReadme.files.sorted())
    func repositoryReadmes(_ file: String) throws {
        let full = try RepositoryFiles.read(file)
        let learners = LearnerReadme.learnersEdition(of: full)
        for gone in ["Solutions/", "Tests/Maintainer", ".ci/", "workbook grade", "autograder", "xcodebuild", "benchmarks/"] {
            #expect(!learners.contains(gone), "the learner's edition of \(file) still mentions \(gone)")
        }
        #expect(!learners.contains("<!--"), "the learner's edition of \(file) keeps a marker")
        let headings = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("## ") } }
        #expect(Set(headings(learners)).isSubset(of: Set(headings(full))),
                "the learner's edition of \(file) has a section the full README does not")
        #expect(headings(learners).count >= 5, "the learner's edition of \(file) lost the learner's sections")
        for command in ["swift run workbook", "swift test"] {
            #expect(learners.contains(command), "the learner's edition of \(file) lost \(command)")
        }
    }
}
