// Shared by every ChapterNTests target (each links this file); the target
// provides `chapterExercises`.

import Foundation
import Testing
import WorkbookCore

/// Runs the check of exercise `id` in a child process and reports the outcome to
/// Swift Testing: a pass passes, *not started* is a cancelled (skipped) test with
/// directions, and anything else is a failure carrying the diagnosis.
func checkExercise(_ id: String) async throws {
    let exercise = try #require(chapterExercises.first { $0.id == id }, "no exercise \(id)")
    // The child always exits with a non-zero code: 86 after reporting, or whatever
    // killed it. Exiting 0 means learner code called exit(0) mid-check.
    let result = await #expect(processExitsWith: .failure,
                               observing: [\.standardOutputContent, \.standardErrorContent],
                               "the check process exited with code 0: does your code call exit()?") { [id] in
        IsolatedCheck.runChild(chapterExercises.first { $0.id == id }!, seed: Exercise.seedFromEnvironment)
    }
    guard let result else { return }
    let termination: IsolatedCheck.Termination = switch result.exitStatus {
    case .exitCode(let code): .exited(code)
    case .signal(let number): .signal(number)
    @unknown default: .signal(-1)
    }
    let outcome = IsolatedCheck.outcome(of: termination, standardOutput: result.standardOutputContent,
                                        standardError: result.standardErrorContent)
    switch outcome.status {
    case .passed:
        return
    case .notStarted:
        try Test.cancel(Comment(rawValue: outcome.message))
    case .failed, .crashed, .timedOut:
        Issue.record(Comment(rawValue: "Exercise \(id) \(outcome.status.rawValue) — \(exercise.whereToEdit)\n"
            + outcome.message + "\nhint: swift run workbook hint \(id)"))
    }
}
