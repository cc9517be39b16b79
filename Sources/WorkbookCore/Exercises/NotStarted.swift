import Foundation

/// Marks a stub as not started.
///
/// Every stub in `Exercises/` calls this with its exercise id. When a check runs
/// code that reaches the call, the exercise is reported as *not started* instead
/// of failed. Delete the call when you start the exercise.
public func notStarted(_ exercise: String) {
    StubLog.current.record(exercise)
}

/// Marks a stub as not started and returns `placeholder`, so that the stub
/// compiles and never traps.
public func notStarted<T>(_ exercise: String, returning placeholder: T) -> T {
    StubLog.current.record(exercise)
    return placeholder
}

/// The exercises whose stubs have run: in the log bound to the running check
/// (``record(_:)`` from learner code goes there), so that checks running at once
/// on several threads keep their own.
final class StubLog: @unchecked Sendable {
    @TaskLocal static var current = StubLog()

    private let lock = NSLock()
    private var reached = Set<String>()

    func record(_ exercise: String) {
        lock.lock()
        reached.insert(exercise)
        lock.unlock()
    }


    var exercises: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return reached
    }
}

/// Runs `body` and returns its result with the ids of the exercises whose stubs
/// it reached, so a program can say which exercises its output depends on.
public func withStubsReached<T>(_ body: () throws -> T) rethrows -> (result: T, stubs: Set<String>) {
    let log = StubLog()
    let result = try StubLog.$current.withValue(log) { try body() }
    return (result, log.exercises)
}

/// The note a program prints under output that ran the stubs of `stubs`.
public func unfinishedExercisesNote(_ stubs: Set<String>, program: String, style: Style) -> String {
    let ids = stubs.sorted()
    let which = ids.count == 1 ? "exercise \(ids[0]), which is" : "exercises \(ids.joined(separator: ", ")), which are"
    return style.yellow("These numbers use \(which) not started yet, so they are placeholders.")
        + "\nFinish \(ids.count == 1 ? "it" : "them") (swift run workbook)"
        + PackageRoot.orTheReference("see the reference", "WORKBOOK_SOLUTIONS=1 swift run \(program)")
}
