import Foundation

/// What a check recorded about one named result on one problem: what the learner's
/// code returned, and the right computation with the problem's values.
public struct Observation: Sendable {
    public let name: String
    public let got: Matrix
    public let formula: Formula
    public let environment: Environment
    public let passed: Bool
}

/// Works out what the learner's code computed: the smallest edit of the exercise's
/// computation (one, then two, from the catalogue in ``MistakeKind``) that reproduces
/// the learner's results on every problem of the check.
///
/// A cause is never a guess: an edit that explains only some problems gives none,
/// and when edits that give different numbers explain them equally well, the
/// diagnosis names both (two) or none (more).
public enum Diagnosis {
    /// The causes that explain `observations` (one result on every problem), or none.
    public static func causes(of observations: [Observation]) -> [Cause] {
        guard let first = observations.first(where: { !$0.passed }) else { return [] }
        let formula = first.formula
        let environment = first.environment
        let single = candidates(formula.edits(in: environment) + formula.outerEdits(in: environment))
        if let found = explaining(single, observations, first: first) { return found }
        // Two edits: each single edit, edited once more; tried on the first failing problem first.
        var pairs = [Edit]()
        for edit in single where fits(edit.formula, first) == nil {
            for second in edit.formula.edits(in: environment) where fits(second.formula, first) == true {
                let words = edit.words, secondWords = second.words
                pairs.append(Edit(formula: second.formula, kind: second.kind, quantities: edit.quantities + second.quantities,
                                  words: { "\(words($0)); and \(secondWords($0))" }))
            }
        }
        return explaining(pairs, observations, first: first) ?? []
    }

    /// The edits that give a formula, without repeats.
    private static func candidates(_ edits: [Edit]) -> [Edit] {
        var seen = Set<Formula>()
        return edits.filter { seen.insert($0.formula).inserted }
    }

    /// The causes of the edits that reproduce every observation, grouped by the numbers
    /// they give: one group is the cause; two are both named; more say nothing.
    private static func explaining(_ edits: [Edit], _ observations: [Observation], first: Observation) -> [Cause]? {
        var groups = [(values: [Matrix], edit: Edit)]()
        for edit in edits where fits(edit.formula, first) == true {
            guard observations.allSatisfy({ fits(edit.formula, $0) == true }) else { continue }
            let values = observations.compactMap { edit.formula.evaluate(in: $0.environment) }
            // An edit that changes nothing on these problems is no mistake.
            guard zip(values, observations).contains(where: { value, observation in
                guard let right = observation.formula.evaluate(in: observation.environment) else { return true }
                return !agree(value, right)
            }) else { continue }
            if !groups.contains(where: { zip($0.values, values).allSatisfy { agree($0, $1) } }) {
                groups.append((values, edit))
            }
        }
        guard !groups.isEmpty else { return nil }
        guard groups.count <= 2 else { return [] }
        return groups.map { $0.edit.cause(in: first.environment) }
    }

    /// Whether `formula` gives what the learner returned on `observation`: `nil` when it
    /// cannot be evaluated there.
    private static func fits(_ formula: Formula, _ observation: Observation) -> Bool? {
        guard let value = formula.evaluate(in: observation.environment) else { return nil }
        return agree(value, observation.got)
    }

    /// Whether two results agree entry by entry: within the tolerance, or both not finite
    /// (an overflow gives NaN or ∞ by the form of the formula, not by its value).
    static func agree(_ lhs: Matrix, _ rhs: Matrix) -> Bool {
        lhs.shape == rhs.shape && zip(lhs.elements, rhs.elements).allSatisfy { a, b in
            a.isFinite && b.isFinite ? GradientCheck.relativeError(a, b) <= GradientCheck.tolerance : !a.isFinite && !b.isFinite
        }
    }
}

/// The observations of the check running on this task, collected across its problems
/// so that a cause must explain all of them.
public final class DiagnosisLog: @unchecked Sendable {
    @TaskLocal public static var current: DiagnosisLog?

    private let lock = NSLock()
    private var observations = [Observation]()

    public init() {}

    /// Records one result of one problem.
    public func record(_ observation: Observation) {
        lock.lock()
        observations.append(observation)
        lock.unlock()
    }

    /// One line per result that failed somewhere and whose cause the search found.
    public func causeLines() -> [(name: String, causes: [Cause])] {
        lock.lock()
        let all = observations
        lock.unlock()
        var names = [String]()
        for observation in all where !observation.passed && !names.contains(observation.name) { names.append(observation.name) }
        return names.compactMap { name in
            let causes = Diagnosis.causes(of: all.filter { $0.name == name })
            return causes.isEmpty ? nil : (name, causes)
        }
    }

    /// The "likely cause:" lines of every result that failed and whose cause the search found,
    /// each on its own line, indented as a verdict's cause is.
    public func causeText() -> String {
        causeLines().flatMap { name, causes in causes.map { "\n  " + Computation.line(name: name, cause: $0) } }.joined()
    }

    /// Runs `body` with a log current (the one already current, if any), and returns its
    /// result and the log.
    public static func collecting<T>(_ body: () -> T) -> (T, DiagnosisLog, owned: Bool) {
        if let current { return (body(), current, false) }
        let log = DiagnosisLog()
        return ($current.withValue(log) { body() }, log, true)
    }
}

/// A result and the computation it should be, for ``GradientCheck`` and ``Diagnosis``.
public struct Computation: Sendable {
    public let formula: Formula
    public let environment: Environment

    public init(_ formula: Formula, in environment: Environment) {
        self.formula = formula
        self.environment = environment
    }

    /// The cause line of a result named `name`: "likely cause: δ¹: … (yours is (W²)ᵀδ² on every problem)".
    public static func line(name: String, cause: Cause) -> String {
        "likely cause: \(name): \(cause.text) (yours is \(cause.computed) on every problem checked)"
    }
}
