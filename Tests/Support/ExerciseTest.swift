// Shared by every ChapterNTests target (each links this file); the target
// provides `chapterExercises`. These targets are the learner's: they hold one
// test per exercise and nothing else.

import Foundation
import Testing
import WorkbookCore

// The package root: two folders above this file (Tests/ChapterNTests/).
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

// The folder the chapter modules were built from.
#if WORKBOOK_SOLUTIONS
private let codeFolder = "Solutions"
#else
private let codeFolder = "Exercises"
#endif

private func chapterExercise(_ id: String) -> Exercise? { chapterExercises.first { $0.id == id } }

/// The file an exercise's code was built from.
private func codeFile(of exercise: Exercise) -> ExerciseSource {
    ExerciseSource(exercise, root: packageRoot,
                   path: exercise.file.replacingOccurrences(of: "Exercises/", with: codeFolder + "/"))
}

/// Where Xcode, VS Code and the terminal mark a failure: `line` of the file at `path`.
private func location(_ path: String, line: Int) -> SourceLocation {
    let url = packageRoot.appendingPathComponent(path)
    let module = url.deletingLastPathComponent().lastPathComponent
    return SourceLocation(fileID: module + "/" + url.lastPathComponent, filePath: url.path, line: line, column: 1)
}

extension ExerciseSource {
    /// The exercise in its file, at the function a check judged when it said which.
    func sourceLocation(judging function: String? = nil) -> SourceLocation {
        location(url.path.replacingOccurrences(of: packageRoot.path + "/", with: ""), line: line(judging: function))
    }
}

/// Check processes start with the backtracer on, so that a crash is placed at the learner's
/// line (Swift Testing turns it off in exit tests on Linux unless it is set). Set once,
/// before the first check process starts.
private let backtracerOn: Void = {
    for (name, value) in CrashReport.childEnvironment { setenv(name, value, 1) }
}()

extension Trait where Self == ConditionTrait {
    /// Skips the test while exercise `id` is not started: its file still calls
    /// `notStarted("id")`. A skip, unlike a cancelled or passed test, reads as
    /// "not done" in the terminal, Xcode and VS Code alike.
    static func exercise(_ id: String) -> Self {
        let directions = chapterExercise(id).map { "Exercise \(id) not started — \($0.whereToEdit)" } ?? "no exercise \(id)"
        return .enabled(Comment(rawValue: directions)) {
            guard let exercise = chapterExercise(id) else { return true }  // The test then fails, naming the id.
            return !codeFile(of: exercise).callsNotStarted
        }
    }
}

/// Runs the check of exercise `id` in a child process and reports the outcome to
/// Swift Testing: a pass passes, and anything else is a failure carrying the
/// diagnosis, recorded at the exercise in the learner's file.
func checkExercise(_ id: String) async throws {
    let exercise = try #require(chapterExercise(id), "no exercise \(id)")
    let source = codeFile(of: exercise)
    _ = backtracerOn
    // The child always exits with a non-zero code: 86 after reporting, or whatever
    // killed it. Exiting 0 means learner code called exit(0) mid-check.
    let result = await #expect(processExitsWith: .failure,
                               observing: [\.standardOutputContent, \.standardErrorContent],
                               "Exercise \(id): the check process exited with code 0: does your code call exit()?",
                               sourceLocation: source.sourceLocation()) { [id] in
        IsolatedCheck.runChild(chapterExercises.first { $0.id == id }!, seed: Exercise.seedFromEnvironment)
    }
    guard let result else { return }
    let termination: IsolatedCheck.Termination = switch result.exitStatus {
    case .exitCode(let code): .exited(code)
    case .signal(let number): .signal(number)
    @unknown default: .signal(-1)
    }
    // The child only ran your code; the verdict is judged here, from what it returned.
    let outcome = IsolatedCheck.outcome(of: termination, standardOutput: result.standardOutputContent,
                                        standardError: result.standardErrorContent, exercise: exercise,
                                        seed: Exercise.seedFromEnvironment)
    // At the learner's line of a crash, else at the function whose result was wrong.
    let place = outcome.site.map { location($0.file, line: $0.line) } ?? source.sourceLocation(judging: outcome.judged)
    switch outcome.status {
    case .passed:
        return
    case .notStarted:
        // The file no longer calls notStarted, yet the check reached a call: one was moved elsewhere.
        Issue.record(Comment(rawValue: outcome.message + "\nDelete that call, wherever it now is."),
                     sourceLocation: place)
    case .failed, .crashed, .timedOut:
        Issue.record(Comment(rawValue: "Exercise \(id) \(outcome.status.rawValue) — \(exercise.whereToEdit)\n"
            + outcome.message + "\nhint: swift run workbook hint \(id)"), sourceLocation: place)
    }
}
