import Foundation
import WorkbookCore

/// Runs checks, each in a child process of this same program (see `runCheckCommand`),
/// two at a time.
func runChecks(_ exercises: [Exercise], seed: UInt64, timeLimit: Double) -> [Outcome] {
    let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    let frame = "@@workbook-\(UInt64.random(in: 1 ... .max))@@"  // Unknown to the learner's code.
    let progress = ProgressBar(total: exercises.count, label: "checking exercises")
    let results = OutcomeSlots(count: exercises.count)
    DispatchQueue.concurrentPerform(iterations: exercises.count) { index in
        let exercise = exercises[index]
        // The child gets extra seconds to start and to report its own time-out first.
        let child = ChildProcess(executable: executable,
                                 arguments: ["__run-check", exercise.id, "--seed", String(seed),
                                             "--time-limit", String(timeLimit), "--frame", frame],
                                 timeLimit: timeLimit + 10)
        let outcome: Outcome
        do {
            let result = try child.run()
            outcome = IsolatedCheck.outcome(of: result.termination, standardOutput: result.standardOutput,
                                            standardError: result.standardError, exercise: exercise, seed: seed,
                                            frame: frame)
        } catch {
            outcome = Outcome(.crashed, "could not start the check process: \(error)")
        }
        results.set(index, outcome)
        progress.advance()
    }
    progress.finish()
    return results.values
}

/// The hidden command a child runs: evaluate one exercise and report.
func runCheckCommand(_ arguments: Arguments) throws -> Never {
    guard arguments.positional.count == 2,
          let exercise = allExercises.first(where: { $0.id == arguments.positional[1] }) else {
        throw UsageError("__run-check needs one exercise id")
    }
    let seed = try arguments.value("--seed", default: 1, what: "a whole number", UInt64.init)
    let timeLimit = try arguments.value("--time-limit", default: IsolatedCheck.defaultTimeLimit,
                                        what: "seconds", Double.init)
    // Grading passes the frame on standard input, where the learner's code (which runs later) cannot see it.
    let frame = arguments.has("--frame-from-stdin")
        ? readLine() ?? IsolatedCheck.defaultFrame
        : try arguments.value("--frame", default: IsolatedCheck.defaultFrame, what: "a frame") { $0 }
    IsolatedCheck.runChild(exercise, seed: seed, timeLimit: timeLimit, frame: frame)
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
