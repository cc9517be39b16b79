import Chapter1Checks
import Chapter2Checks
import Chapter3Checks
import Chapter4Checks
import Chapter5Checks
import Testing
import WorkbookCore

// Each exercise's check runs in two halves, the caller (learner code, in a child) and the
// judge (the verdict, in a process that runs no learner code): see LearnerCalls.

@Suite("The two halves of every check")
struct CheckHalvesTests {
    static let exercises = [chapter1, chapter2, chapter3, chapter4, chapter5].flatMap(\.exercises)

    @Test("judging an exercise runs no learner code and agrees with its check run in one piece",
          arguments: exercises.map(\.id))
    func halvesAgree(_ id: String) throws {
        let exercise = try #require(Self.exercises.first { $0.id == id })
        for seed: UInt64 in 1 ... 3 {
            let whole = exercise.evaluate(seed: seed)
            let report = exercise.call(seed: seed)
            // On the stubs, learner code that ran in the judge would reach a notStarted call.
            let (judged, stubs) = withStubsReached { exercise.judge(report, seed: seed) }
            #expect(stubs.isEmpty, "judging \(id) ran learner code: it reached the stubs of \(stubs.sorted())")
            #expect(judged == whole, "seed \(seed): judged \(judged.status), in one piece \(whole.status)")
        }
    }
}
