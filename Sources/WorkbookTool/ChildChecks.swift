import Foundation
import WorkbookCore

/// Runs checks, each in a child process of this same program (see `runCheckCommand`),
/// two at a time.
func runChecks(_ exercises: [Exercise], seed: UInt64, timeLimit: Double) -> [Outcome] {
    let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    let progress = ProgressBar(total: exercises.count, label: localized("checking exercises", zh: "正在检查练习"))
    let results = OutcomeSlots(count: exercises.count)
    DispatchQueue.concurrentPerform(iterations: exercises.count) { index in
        let exercise = exercises[index]
        // The child gets extra seconds to start and to report its own time-out first.
        var child = ChildProcess(executable: executable,
                                 arguments: ["__run-check", exercise.id, "--seed", String(seed),
                                             "--time-limit", String(timeLimit)],
                                 timeLimit: timeLimit + 10)
        child.environment = CrashReport.childEnvironment
        let outcome: Outcome
        do {
            let result = try child.run()
            outcome = IsolatedCheck.outcome(of: result.termination, standardOutput: result.standardOutput,
                                            standardError: result.standardError, exercise: exercise, seed: seed,
                                            timeLimit: timeLimit)
        } catch {
            outcome = Outcome(.crashed, "could not start the check process: \(error)")
        }
        results.set(index, outcome)
        progress.advance()
    }
    progress.finish()
    return results.values
}

/// The hidden command a child runs: call one exercise's learner code and report what
/// it returned. With `--limits` (grading) it first limits its own resources.
func runCheckCommand(_ arguments: Arguments) throws -> Never {
    let exercise = try hiddenCommandExercise(arguments)
    let seed = try arguments.value("--seed", default: 1, what: "a whole number", UInt64.init)
    let timeLimit = try arguments.value("--time-limit", default: IsolatedCheck.defaultTimeLimit,
                                        what: "seconds", Double.init)
    if arguments.has("--limits") { CheckLimits.apply(cpuSeconds: timeLimit + 5) }
    IsolatedCheck.runChild(exercise, seed: seed, timeLimit: timeLimit)
}

/// The hidden command grading runs to judge a check's report (read from standard input)
/// in a process of its own, which runs no learner code: a report that learner code forged
/// to trap or stall the judge costs that exercise, never the grader. Prints the outcome
/// as JSON and exits 0.
func judgeCommand(_ arguments: Arguments) throws -> Int32 {
    let exercise = try hiddenCommandExercise(arguments)
    let seed = try arguments.value("--seed", default: 1, what: "a whole number", UInt64.init)
    let input = FileHandle.standardInput.readDataToEndOfFile()
    guard let report = try? JSONDecoder().decode(CallReport.self, from: input) else {
        throw UsageError("__judge reads a check's report, as JSON, on standard input")
    }
    let outcome = exercise.judge(report, seed: seed)
    print(String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self))
    return 0
}

private func hiddenCommandExercise(_ arguments: Arguments) throws -> Exercise {
    guard arguments.positional.count == 2,
          let exercise = allExercises.first(where: { $0.id == arguments.positional[1] }) else {
        throw UsageError("\(arguments.positional[0]) needs one exercise id")
    }
    return exercise
}

/// One result slot per check, filled from several threads.
private final class OutcomeSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Outcome?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: Outcome) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    var values: [Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
