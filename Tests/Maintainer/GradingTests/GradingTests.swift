import Foundation
@testable import Grading
import Testing
import WorkbookCore

@Suite("Grading")
struct GradingTests {
    @Test("compiler errors are attributed to the chapters whose files (or checks) they name")
    func errorAttribution() {
        let output = """
            /tmp/job0/package/Exercises/Chapter2/Loss.swift:11:5: error: expected expression after operator
            /tmp/job0/package/Sources/Chapter3Checks/TrainingChecks.swift:9:1: error: cannot find 'train' in scope
            /tmp/job0/package/Exercises/Chapter1/Value.swift:3:1: warning: unused variable
            """
        #expect(Sandbox.chaptersWithErrors(in: output) == [2, 3])
    }

    @Test("an Exercises folder is found directly or a few levels down, and folders without one have none")
    func findsExercises() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("submissions-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["alice/Exercises/Chapter1", "bob/repo/Exercises/Chapter2", "carol/notes"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        try Data().write(to: root.appendingPathComponent("README.txt"))
        let submissions = try Submission.all(in: root)
        #expect(submissions.map(\.learner) == ["alice", "bob", "carol"])
        #expect(submissions[0].exercises?.path.hasSuffix("alice/Exercises") == true)
        #expect(submissions[1].exercises?.path.hasSuffix("bob/repo/Exercises") == true)
        #expect(submissions[2].exercises == nil)
    }

    @Test("only regular .swift files with plain names are taken in; links, FIFOs, dot-files and odd names are named")
    func intake() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("intake-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let chapter = root.appendingPathComponent("Chapter1")
        try FileManager.default.createDirectory(at: chapter, withIntermediateDirectories: true)
        try Data("let a = 1\n".utf8).write(to: chapter.appendingPathComponent("Good.swift"))
        try Data("secret".utf8).write(to: root.appendingPathComponent("outside.txt"))
        try FileManager.default.createSymbolicLink(atPath: chapter.appendingPathComponent("Link.swift").path,
                                                   withDestinationPath: root.appendingPathComponent("outside.txt").path)
        #expect(mkfifo(chapter.appendingPathComponent("Pipe.swift").path, 0o600) == 0)
        try Data().write(to: chapter.appendingPathComponent(".Hidden.swift"))
        try Data().write(to: chapter.appendingPathComponent("New\nLine.swift"))
        try Data().write(to: chapter.appendingPathComponent("notes.md"))
        try FileManager.default.createDirectory(at: chapter.appendingPathComponent("Folder.swift"), withIntermediateDirectories: true)
        let taken = SubmittedFiles(in: chapter)
        #expect(taken.files.map(\.name) == ["Good.swift"])
        #expect(taken.files.first?.contents == Data("let a = 1\n".utf8))
        #expect(taken.skipped.sorted() == [".Hidden.swift (a dot-file)", "Folder.swift (a folder)",
                                           "Link.swift (a symbolic link)", "New?Line.swift (its name has control characters)",
                                           "Pipe.swift (not a regular file)", "notes.md (not a .swift file)"])
    }

    @Test("a file the submission lacks is the instructor's stub, so an older clone still builds")
    func missingFileIsTheStub() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let package = root.appendingPathComponent("package")
        for folder in ["Sources", "Tests", "Exercises/Chapter1"] {
            try FileManager.default.createDirectory(at: package.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data().write(to: package.appendingPathComponent("Package.swift"))
        try Data("stub A".utf8).write(to: package.appendingPathComponent("Exercises/Chapter1/A.swift"))
        try Data("stub B".utf8).write(to: package.appendingPathComponent("Exercises/Chapter1/B.swift"))
        let submission = root.appendingPathComponent("alice/Exercises")
        try FileManager.default.createDirectory(at: submission.appendingPathComponent("Chapter1"), withIntermediateDirectories: true)
        try Data("alice's A".utf8).write(to: submission.appendingPathComponent("Chapter1/A.swift"))
        let sandbox = try Sandbox(copying: package, into: root.appendingPathComponent("job"))
        let installed = try sandbox.install(chapter: 1, from: submission, stubbed: false)
        #expect(installed.hadChapter && installed.skipped.isEmpty)
        let chapter = sandbox.root.appendingPathComponent("Exercises/Chapter1")
        #expect(try String(contentsOf: chapter.appendingPathComponent("A.swift"), encoding: .utf8) == "alice's A")
        #expect(try String(contentsOf: chapter.appendingPathComponent("B.swift"), encoding: .utf8) == "stub B")
    }

    @Test("an Exercises folder or a chapter that is a symbolic link is not the learner's")
    func linkedExercises() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("linked-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let elsewhere = root.appendingPathComponent("elsewhere/Chapter1")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("submissions/mallory"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("submissions/mallory/Exercises").path,
                                                   withDestinationPath: root.appendingPathComponent("elsewhere").path)
        let submissions = try Submission.all(in: root.appendingPathComponent("submissions"))
        #expect(submissions.map(\.learner) == ["mallory"])
        #expect(submissions[0].exercises == nil)
    }

    @Test("the gradebook holds the class's learners only, each from its own result file")
    func rosterOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let exercise = Exercise(id: "1.1", title: "One", points: 2, file: "f", symbol: "s", hints: ["h"]) { _ in .passed("") }
        let chapter = Chapter(number: 1, title: "C", text: "t", program: "p", exercises: [exercise])
        let reports = try GradeReports(folder: folder, chapters: [chapter], roster: ["alice", "bob"])
        func result(_ learner: String, points: Int) -> LearnerResult {
            LearnerResult(learner: learner, exercises: [.init(id: "1.1", status: .passed, points: points, maxPoints: 2,
                                                              message: "")], problems: [], compilerMessages: [:])
        }
        try reports.save(result("alice", points: 2))
        try reports.save(result("zz-ghost", points: 2))  // Not in the class.
        // A file of bob's that claims to be someone else's is not bob's result.
        try JSONEncoder().encode(result("alice", points: 2)).write(to: folder.appendingPathComponent("results/bob.json"))
        #expect(reports.savedResults().map(\.learner) == ["alice"])
        #expect(reports.gradedLearners() == ["alice"], "bob is graded again on the next run")
        #expect(!reports.gradebook().contains("zz-ghost"))
    }

    @Test("mistakes.md counts, per exercise, the learners each named cause explains, and those with none; not what no check ran")
    func classMistakes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mistakes-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let exercise = Exercise(id: "2.4", title: "δ¹", points: 2, file: "f", symbol: "s", hints: ["h"]) { _ in .passed("") }
        let chapter = Chapter(number: 2, title: "C", text: "t", program: "p", exercises: [exercise])
        let reports = try GradeReports(folder: folder, chapters: [chapter])
        func cause(_ computed: String, _ words: String) -> Cause {
            Cause(kind: .missingFactor, quantities: [], computed: computed, text: words, result: "δ¹")
        }
        // The same computation in other words (another problem's numbers) is the same mistake.
        let causes: [String: [Cause]] = ["ann": [cause("(W²)ᵀδ²", "σ′(z¹) is missing")],
                                         "ben": [cause("(W²)ᵀδ²", "σ′(z¹) is missing (5×3)")],
                                         "cy": [cause("δ² ⊙ σ′(z¹)", "W² is missing")], "dot": [], "eve": [], "fay": []]
        for (learner, found) in causes {
            // eve passed; fay's chapter did not compile, so no check ran: neither is a mistake.
            let status: Outcome.Status = learner == "eve" ? .passed : .failed
            try reports.save(LearnerResult(learner: learner, exercises: [.init(id: "2.4", status: status, points: 0, maxPoints: 2,
                                                                               message: "", causes: found,
                                                                               checked: learner != "fay")],
                                           problems: [], compilerMessages: [:]))
        }
        let (graded, exercises) = reports.classMistakes()
        #expect(graded == 6)
        #expect(exercises.map(\.failed) == [4])
        #expect(exercises.first?.causes.map(\.learners) == [2, 1])
        #expect(exercises.first?.unexplained == 1)
        let text = try String(contentsOf: reports.mistakesFile, encoding: .utf8)
        #expect(text.contains("## 2.4 δ¹: 4 of 6 failed"))
        #expect(text.contains("- 2 of 6: δ¹: σ′(z¹) is missing\n- 1 of 6: δ¹: W² is missing\n- 1 of 6: no cause named"))
    }

    @Test("a result is believed only with the grader's seal: one changed or written by anything else is graded again")
    func sealedResults() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sealed-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let exercise = Exercise(id: "1.1", title: "One", points: 2, file: "f", symbol: "s", hints: ["h"]) { _ in .passed("") }
        let chapter = Chapter(number: 1, title: "C", text: "t", program: "p", exercises: [exercise])
        let reports = try GradeReports(folder: folder, chapters: [chapter], roster: ["alice", "bob", "carol"])
        func result(_ learner: String, points: Int) -> LearnerResult {
            LearnerResult(learner: learner, exercises: [.init(id: "1.1", status: .passed, points: points, maxPoints: 2,
                                                              message: "")], problems: [], compilerMessages: [:])
        }
        for learner in ["alice", "bob", "carol"] { try reports.save(result(learner, points: 0)) }
        let results = folder.appendingPathComponent("results")
        // bob's result rewritten with full marks, his seal kept; carol's with a seal made from another key.
        try JSONEncoder().encode(result("bob", points: 2)).write(to: results.appendingPathComponent("bob.json"))
        try JSONEncoder().encode(result("carol", points: 2)).write(to: results.appendingPathComponent("carol.json"))
        try Data(String(repeating: "0", count: 64).utf8).write(to: results.appendingPathComponent("carol.seal"))
        #expect(reports.gradedLearners() == ["alice"])
        #expect(try GradeReports(folder: folder, chapters: [chapter]).gradedLearners() == ["alice"], "the key is kept")
        let key = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(".grader-key").path)
        #expect((key[.posixPermissions] as? Int) == 0o600)
    }

    @Test("HMAC-SHA256 gives RFC 4231's test vector")
    func hmacVector() {
        let mac = ResultSeal.hmac(key: [UInt8](repeating: 0x0B, count: 20), message: Array("Hi There".utf8))
        #expect(mac.map { String(format: "%02x", $0) }.joined()
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test("feedback shows learner output in a code block it cannot close, without control characters")
    func feedbackEscapes() throws {
        let exercise = Exercise(id: "1.1", title: "One", points: 2, file: "f", symbol: "s", hints: ["h"]) { _ in .passed("") }
        let chapter = Chapter(number: 1, title: "C", text: "t", program: "p", exercises: [exercise])
        let reports = try GradeReports(folder: FileManager.default.temporaryDirectory, chapters: [chapter])
        var result = LearnerResult(learner: "eve", exercises: [
            .init(id: "1.1", status: .crashed, points: 0, maxPoints: 2,
                  message: "\u{1B}[31mred\u{1B}[0m\n```\n# Score: 43 / 43\n````"),
        ], problems: [], compilerMessages: [:])
        result.skippedFiles = ["Chapter1/Pipe.swift (not a regular file)"]
        let feedback = reports.feedback(for: result)
        #expect(!feedback.contains("\u{1B}"))
        #expect(feedback.contains("`````\n?[31mred?[0m\n```\n# Score: 43 / 43\n````\n`````"))
        #expect(feedback.contains("Not graded (only regular `.swift` files with plain names are): "
            + "`Chapter1/Pipe.swift (not a regular file)`."))
    }

    @Test("the gradebook has a column per exercise and chapter, and quotes fields that need it")
    func gradebook() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grades-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let exercise = Exercise(id: "1.1", title: "One", points: 2, file: "f", symbol: "s", hints: ["h"]) { _ in .passed("") }
        let chapter = Chapter(number: 1, title: "C", text: "t", program: "p", exercises: [exercise])
        let reports = try GradeReports(folder: folder, chapters: [chapter])
        try reports.save(LearnerResult(learner: "zoë", exercises: [
            .init(id: "1.1", status: .crashed, points: 0, maxPoints: 2, message: "boom"),
        ], problems: ["chapter 2 missing, and more"], compilerMessages: [:]))
        #expect(reports.gradebook() == """
            learner,1.1 (2),chapter 1 (2),total (2),status,isolation
            zoë,0,0,0,"chapter 2 missing, and more; 1.1 crashed",none

            """)
        #expect(reports.gradedLearners() == ["zoë"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("gradescope/zoë/results.json")))
        #expect((json as? [String: Any])?["max_score"] as? Double == 2)
    }
}
