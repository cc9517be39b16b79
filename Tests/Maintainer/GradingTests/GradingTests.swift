import Foundation
import Grading
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

    @Test("the gradebook has a column per exercise and chapter, and quotes fields that need it")
    func gradebook() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grades-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let exercise = Exercise(id: "1.1", title: "One", points: 2, file: "f", symbol: "s", hints: ["h"]) { _ in .passed("") }
        let chapter = Chapter(number: 1, title: "C", text: "t", program: "p", exercises: [exercise])
        let reports = GradeReports(folder: folder, chapters: [chapter])
        try reports.save(LearnerResult(learner: "zoë", exercises: [
            .init(id: "1.1", status: .crashed, points: 0, maxPoints: 2, message: "boom"),
        ], problems: ["chapter 2 missing, and more"], compilerMessages: [:]))
        #expect(reports.gradebook() == """
            learner,1.1 (2),chapter 1 (2),total (2),status
            zoë,0,0,0,"chapter 2 missing, and more; 1.1 crashed"

            """)
        #expect(reports.gradedLearners() == ["zoë"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("gradescope/zoë/results.json")))
        #expect((json as? [String: Any])?["max_score"] as? Double == 2)
    }
}
