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

/// The exercises a program's output depends on, checked before it prints anything:
/// a program that would run stubs names every one of them first and does not run.
public struct ProgramNeeds {
    public let program: String
    public let exercises: [Exercise]
    /// How to run the reference instead, such as `swift run -c release mnist`.
    public let reference: String

    public init(_ program: String, _ exercises: [Exercise], reference: String? = nil) {
        self.program = program
        self.exercises = exercises
        self.reference = "WORKBOOK_SOLUTIONS=1 " + (reference ?? "swift run \(program)")
    }

    /// The needed exercises not started yet: their files still call `notStarted`, as the
    /// learner's tests see them. None when the program was built from the reference.
    public func notStarted(builtFromSolutions: Bool) -> [Exercise] {
        builtFromSolutions ? [] : exercises.filter { ExerciseSource($0, root: PackageRoot.url).callsNotStarted }
    }

    /// Whether every needed exercise is started; if not, prints which are not, and how to go on.
    public func met(builtFromSolutions: Bool, style: Style) -> Bool {
        let missing = notStarted(builtFromSolutions: builtFromSolutions)
        guard !missing.isEmpty else { return true }
        let ids = exercises.map(\.id)
        let needed = ids.count == 1 ? "Exercise \(ids[0])" : "Exercises \(ids.dropLast().joined(separator: ", ")) and \(ids.last!)"
        let which = missing.count == ids.count ? (ids.count == 1 ? "it is not" : "none of them is")
            : missing.count == 1 ? "this one is not" : "these \(missing.count) are not"
        var lines = [style.yellow("\(program) needs \(needed), and \(which) started yet:")]
        lines += missing.map { "  \($0.id)  \($0.title) — \($0.whereToEdit)" }
        lines.append("Finish \(missing.count == 1 ? "it" : "them") (swift run workbook shows what is left)"
            + PackageRoot.orTheReference("see the reference", reference))
        print(lines.joined(separator: "\n"))
        return false
    }
}
