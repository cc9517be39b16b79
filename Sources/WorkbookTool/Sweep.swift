import Foundation
import WorkbookCore

/// `workbook sweep N` (maintainers): every exercise's check against the reference
/// solutions for seeds 1 … N, in this process, two at a time. A right answer must
/// pass on every seed a learner or an instructor may use.
///
/// In-process, unlike every other command, because the code is the reference's
/// own: it cannot crash or loop the way a learner's can.
func sweep(seeds: Int, style: Style) -> Int32 {
    #if WORKBOOK_SOLUTIONS
    let jobs = allExercises.flatMap { exercise in (1 ... seeds).map { (exercise, UInt64($0)) } }
    let failures = FailureList()
    let progress = ProgressBar(total: jobs.count, label: "\(allExercises.count) checks × \(seeds) seeds")
    let started = Date()
    DispatchQueue.concurrentPerform(iterations: 2) { worker in
        for index in stride(from: worker, to: jobs.count, by: 2) {
            let (exercise, seed) = jobs[index]
            let outcome = exercise.evaluate(seed: seed)
            if outcome.status != .passed { failures.add("\(exercise.id), seed \(seed): \(outcome.status.rawValue)\n"
                + outcome.message) }
            progress.advance()
        }
    }
    progress.finish()
    let seconds = formatNumber((Date().timeIntervalSince(started) * 10).rounded() / 10)
    guard failures.items.isEmpty else {
        print(style.red("✘ The reference failed \(failures.items.count) of \(jobs.count) checks") + " (\(seconds) s):")
        for failure in failures.items.sorted().prefix(20) { print(failure + "\n") }
        return 1
    }
    print(style.green("✔ The reference passed every check for seeds 1–\(seeds)")
        + ": \(jobs.count) checks in \(seconds) s")
    return 0
    #else
    print(style.red(PackageRoot.hasReferenceSolutions
        ? "sweep checks the reference solutions: run WORKBOOK_SOLUTIONS=1 swift run -c release workbook sweep N"
        : "sweep checks the reference solutions, and this learner's copy of the workbook has none"))
    return 2
    #endif
}

/// Failures found by several threads.
private final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var list = [String]()

    func add(_ failure: String) {
        lock.lock()
        list.append(failure)
        lock.unlock()
    }

    var items: [String] {
        lock.lock()
        defer { lock.unlock() }
        return list
    }
}
