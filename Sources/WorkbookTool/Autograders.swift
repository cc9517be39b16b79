import Foundation
import WorkbookCore

/// `workbook autograder gradescope --out DIR` and `workbook autograder classroom --out FILE`:
/// what the two platforms classes use need to grade with this workbook's checks.
func autograderCommand(_ arguments: Arguments, style: Style) throws -> Int32 {
    guard arguments.positional.count == 2 else {
        throw UsageError("autograder needs a platform: gradescope or classroom")
    }
    guard let out = try arguments.value("--out", what: "a path", { $0 }) else {
        throw UsageError("autograder \(arguments.positional[1]) needs --out")
    }
    let destination = URL(fileURLWithPath: out)
    switch arguments.positional[1] {
    case "gradescope":
        let given = try arguments.value("--seed", what: "a whole number", UInt64.init)
        let seed = given ?? UInt64.random(in: 2 ... 999_999)
        try writeGradescopeAutograder(to: destination, seed: seed)
        print(style.bold("Wrote Gradescope's autograder") + " to \(destination.path): setup.sh, run_autograder and workbook/.")
        print("It grades with seed \(seed)" + (given == nil ? ", drawn now (--seed N chooses one)" : "")
            + ": learners see seed 1 at home, so answers written for those shapes and values score nothing here.")
        print("Zip the folder's contents (cd \(out) && zip -r ../autograder.zip .) and upload the zip to Gradescope.")
    case "classroom":
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(classroomWorkflow().utf8).write(to: destination)
        print(style.bold("Wrote GitHub Classroom's workflow") + " to \(destination.path): one step per exercise, "
            + "\(curriculum.reduce(0) { $0 + $1.points }) points in all.")
        print("Put it at .github/workflows/classroom.yml in the assignment's template repository (see the README).")
    default:
        throw UsageError("autograder knows gradescope and classroom, not '\(arguments.positional[1])'")
    }
    return 0
}

/// The Gradescope autograder: `setup.sh` (run once when Gradescope builds the image),
/// `run_autograder` (run for each submission) and `workbook/`, the package without
/// answers (``LearnerCopy``). Paths default to Gradescope's `/autograder` and follow
/// `AUTOGRADER_ROOT` when set, so the autograder can be tried on any machine.
func writeGradescopeAutograder(to folder: URL, seed: UInt64) throws {
    try LearnerCopy.writeCommitted(to: folder.appendingPathComponent("workbook"))
    let run = gradescopeRun.replacingOccurrences(of: "@SEED@", with: String(seed))
    for (name, text) in [("setup.sh", gradescopeSetup), ("run_autograder", run)] {
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
    }
}

private let gradescopeSetup = #"""
    #!/usr/bin/env bash
    # Gradescope runs this once, as root, on its Ubuntu image: it installs Swift 6.3 (from
    # swift.org, its signature verified as swift.org's install guide says), zlib and
    # bubblewrap (from Ubuntu), then builds the grader.
    set -euo pipefail
    root=${AUTOGRADER_ROOT:-/autograder}
    # No package may stop to ask a question (tzdata asks for a time zone otherwise).
    export DEBIAN_FRONTEND=noninteractive
    if ! command -v swift > /dev/null; then
        . /etc/os-release
        version=${VERSION_ID:-22.04}
        case $(uname -m) in aarch64) arch=-aarch64 ;; *) arch= ;; esac
        gcc=12; [ "$version" = 24.04 ] && gcc=13
        apt-get update
        apt-get install -y binutils curl git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 "libgcc-$gcc-dev" \
            libpython3-dev libsqlite3-0 "libstdc++-$gcc-dev" libxml2-dev libz3-dev pkg-config tzdata unzip zlib1g-dev
        platform="ubuntu${version/./}$arch"
        name="swift-6.3.1-RELEASE-ubuntu$version$arch"
        url="https://download.swift.org/swift-6.3.1-release/$platform/swift-6.3.1-RELEASE/$name.tar.gz"
        curl -fsSL "$url" -o /tmp/swift.tar.gz
        curl -fsSL "$url.sig" -o /tmp/swift.tar.gz.sig
        curl -fsSL https://www.swift.org/keys/all-keys.asc | gpg --batch --import -
        gpg --batch --verify /tmp/swift.tar.gz.sig /tmp/swift.tar.gz \
            || { echo "setup.sh: the Swift download's signature does not verify: not installing it" >&2; exit 1; }
        mkdir -p /opt/swift
        tar -xzf /tmp/swift.tar.gz -C /opt/swift --strip-components 1
        ln -sf /opt/swift/usr/bin/* /usr/local/bin/
    fi
    if [ "$root" = /autograder ] && ! command -v bwrap > /dev/null; then
        apt-get install -y bubblewrap || echo "bubblewrap not installed: grading will try unshare, or run unisolated"
    fi
    cd "$root/source/workbook"
    # One compile job: setup may run within the same memory as grading (Gradescope: 768 MiB by default).
    swift build --product workbook -j 1
    """#

private let gradescopeRun = #"""
    #!/usr/bin/env bash
    # Gradescope runs this for each submission: it grades the one learner in
    # $root/submission (their Exercises/ folder, its chapter folders, the exercises' files
    # loose, or a copy of their whole repository) and
    # writes $root/results/results.json. Learner code is isolated inside Gradescope's
    # container too: in namespaces where the container allows them, else as a user of its
    # own that cannot write the results (Gradescope's containers run this as root); the
    # results say which. WORKBOOK_ISOLATION=KIND chooses (as `workbook grade --isolation`).
    set -euo pipefail
    root=${AUTOGRADER_ROOT:-/autograder}
    workbook="$root/source/workbook"
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mkdir -p "$work/class" "$root/results"
    # The submission, copied by content: links are not followed (grading skips them anyway).
    cp -RP "$root/submission" "$work/class/learner"
    isolation=
    "$workbook/.build/debug/workbook" isolation > /dev/null || isolation=--no-isolation
    if [ -n "${WORKBOOK_ISOLATION:-}" ]; then isolation="--isolation $WORKBOOK_ISOLATION"; fi
    cd "$workbook"
    # The seed chosen when this autograder was written: not seed 1, which every learner sees at home.
    "$workbook/.build/debug/workbook" grade "$work/class" --out "$work/grades" --timeout "${WORKBOOK_TIME_LIMIT:-20}" \
        --seed @SEED@ --no-color $isolation
    cp "$work/grades/gradescope/learner/results.json" "$root/results/results.json"
    """#

/// A GitHub Classroom workflow: one step per exercise, each running
/// `workbook check ID --require-pass` worth the exercise's points, and the reporter.
func classroomWorkflow() -> String {
    let exercises = curriculum.flatMap(\.exercises)
    /// A YAML string in double quotes (titles hold colons).
    func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    func step(_ exercise: Exercise) -> String {
        let id = "exercise-" + exercise.id.replacingOccurrences(of: ".", with: "-")
        return """
              - name: \(quoted(exercise.id + " " + exercise.title))
                id: \(id)
                uses: classroom-resources/autograding-command-grader@v1
                with:
                  test-name: \(quoted(exercise.id + " " + exercise.title))
                  setup-command: swift build --product workbook
                  command: swift run workbook check \(exercise.id) --require-pass --no-color
                  timeout: 10
                  max-score: \(exercise.points)

        """
    }
    let ids = exercises.map { "exercise-" + $0.id.replacingOccurrences(of: ".", with: "-") }
    return """
        # GitHub Classroom autograding for the Backprop Workbook, written by
        # `swift run workbook autograder classroom --out .github/workflows/classroom.yml`.
        # Each step checks one exercise (`workbook check ID --require-pass` exits 0 only when it
        # passed) and is worth its points: \(exercises.reduce(0) { $0 + $1.points }) in all.
        # The workflow and job names are those of Classroom's own template: Classroom finds the
        # scores by them.
        name: Autograding Tests

        on:
          push:
          repository_dispatch:

        permissions:
          checks: write
          actions: read
          contents: read

        jobs:
          run-autograding-tests:
            runs-on: ubuntu-24.04
            container: swift:6.3-noble
            if: github.actor != 'github-classroom[bot]'
            timeout-minutes: 60
            steps:
              - uses: actions/checkout@v6

        """ + exercises.map(step).joined() + """
              - name: Report
                uses: classroom-resources/autograding-grading-reporter@v1
                env:
        \(ids.map { "          \($0.uppercased())_RESULTS: \"${{ steps.\($0).outputs.result }}\"" }.joined(separator: "\n"))
                with:
                  runners: \(ids.joined(separator: ","))

        """
}
