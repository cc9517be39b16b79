import Foundation

/// What a check recorded about one named result on one problem: what the learner's
/// code returned, and the right computation with the problem's values.
public struct Observation: Sendable {
    public let name: String
    public let got: Matrix
    public let formula: Formula
    /// Other ways of writing the same computation, whose mistakes differ (∂ℓ/∂ŷ ⊙ σ′(z²) for ŷ − t).
    public var forms: [Formula] = []
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
        // Another form of the computation, computed as written, that is not finite where the right value is.
        let overflowing = first.forms.filter { form in observations.allSatisfy { fits(form, $0) == true } }
        if let form = overflowing.first, observations.contains(where: { !$0.got.elements.allSatisfy(\.isFinite) }) {
            return [Cause(kind: .overflow, quantities: [], computed: form.text,
                          text: "it is \(form.text) computed as written, which is NaN or ∞ where a probability rounds to 0 "
                              + "or 1 (0/0, or ∞·0): simplify it before computing it")]
        }
        let single = candidates(([formula] + first.forms).flatMap { form in
            // A number fitted to one problem explains that problem by construction: it needs another to be tested on.
            form.edits(in: environment) + form.outerEdits(in: environment) + form.everywhereEdits(in: environment)
                + (observations.count > 1 ? form.fixedNumberEdits(fittedTo: first, among: observations) : [])
        })
        if let found = explaining(single, observations, first: first) { return found }
        // Two edits: each single edit, edited once more; tried on the first failing problem first.
        // First the edits that cannot be computed alone (a shape that only a second edit mends),
        // then, when those explain nothing, every other (two substitutions, say, neither of which
        // fits alone), for computations small enough that the square of their edits stays quick:
        // Chapter 5's loops have about 280 edits, and the search doubled their check's time.
        let tiers = [{ (fit: Bool?) in fit == nil }] + (single.count <= Self.pairedEditLimit ? [{ $0 == false }] : [])
        for tier in tiers {
            var pairs = [Edit]()
            for edit in single where tier(fits(edit.formula, first)) {
                for second in edit.formula.edits(in: environment) where fits(second.formula, first) == true {
                    let words = edit.words, secondWords = second.words
                    pairs.append(Edit(formula: second.formula, kind: second.kind, quantities: edit.quantities + second.quantities,
                                      words: { "\(words($0)); and \(secondWords($0))" }))
                }
            }
            if let found = explaining(pairs, observations, first: first) { return found }
        }
        return []
    }

    /// The most single edits whose every pair is tried when no pair mending a shape explains.
    static let pairedEditLimit = 100

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

extension Formula {
    /// Each size replaced by the one fixed number that would give the learner's result on
    /// `observation` (a hard-coded learning rate, say), solved from the formula's value with
    /// the size at 0 and at 1; the search then keeps it only if that number fits every problem.
    func fixedNumberEdits(fittedTo observation: Observation, among observations: [Observation]) -> [Edit] {
        sizeNames.compactMap { name -> Edit? in
            guard let size = observation.environment.sizes[name],
                  let value = solve(size: name, from: size.value, toGive: observation),
                  abs(value - size.value) > 1e-6 * max(1, abs(size.value)) else { return nil }
            let written = formatNumber(value)
            let varies = Set(observations.compactMap { $0.environment.sizes[name]?.value }).count > 1
            return Edit(formula: replacing(size: name, with: .constant(value, written)), kind: .wrongConstant,
                        quantities: [name],
                        words: { _ in varies
                            ? "it uses the fixed number \(written) where \(size.meaning) \(name) belongs (it differs "
                                + "from problem to problem): use the one passed in"
                            : "it uses \(written) where \(size.meaning), \(formatNumber(size.value)), belongs" })
        }
    }

    /// The number that, in place of the size `name`, makes the formula give the learner's
    /// value at its most sensitive entry: secant steps from the size's own value, on the
    /// number itself and, where that does not converge (a size that divides, such as a step h),
    /// on its reciprocal.
    private func solve(size name: String, from start: Double, toGive observation: Observation) -> Double? {
        if let number = solve(size: name, from: start, toGive: observation, through: { $0 }) { return number }
        guard start != 0 else { return nil }
        return solve(size: name, from: 1 / start, toGive: observation, through: { 1 / $0 }).map { 1 / $0 }
    }

    /// ``solve(size:from:toGive:)`` on `through(number)` in place of the size.
    private func solve(size name: String, from start: Double, toGive observation: Observation,
                       through number: (Double) -> Double) -> Double? {
        func value(_ unknown: Double) -> Matrix? {
            replacing(size: name, with: .constant(number(unknown), "")).evaluate(in: observation.environment)
        }
        let nudge = start == 0 ? 1 : start * 0.1
        guard let base = value(start), let moved = value(start + nudge), base.shape == observation.got.shape,
              moved.shape == base.shape,
              let entry = base.elements.indices.max(by: {
                  abs(moved.elements[$0] - base.elements[$0]) < abs(moved.elements[$1] - base.elements[$1])
              }), abs(moved.elements[entry] - base.elements[entry]) > 1e-12, observation.got.elements[entry].isFinite
        else { return nil }
        let target = observation.got.elements[entry]
        var (a, b) = (start, start + nudge)
        var (fa, fb) = (base.elements[entry] - target, moved.elements[entry] - target)
        for _ in 0 ..< 60 {
            guard fb != fa else { break }
            let next = b - fb * (b - a) / (fb - fa)
            guard next.isFinite, let result = value(next)?.elements[entry], result.isFinite else { return nil }
            (a, fa) = (b, fb)
            (b, fb) = (next, result - target)
            if abs(fb) <= 1e-12 * max(1, abs(target)) { return b }
        }
        return abs(fb) <= 1e-9 * max(1, abs(target)) ? b : nil
    }

    /// The names of the sizes the formula uses, in order.
    var sizeNames: [String] {
        if case .size(let name) = self { return [name] }
        var names = [String]()
        for child in children { for name in child.sizeNames where !names.contains(name) { names.append(name) } }
        return names
    }

    /// This formula with every use of the size `name` replaced by `replacement`.
    func replacing(size name: String, with replacement: Formula) -> Formula {
        if case .size(name) = self { return replacement }
        return with(children: children.map { $0.replacing(size: name, with: replacement) })
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

    /// The cause lines, one per cause, for the end of a failure's text; `nil` when none was found.
    /// The causes, as data, go to the ``FoundCauses`` being collected, if any.
    public func causeText() -> String? {
        let found = causeLines()
        FoundCauses.current?.add(found.flatMap { name, causes in causes.map { cause in
            var named = cause
            named.result = name
            return named
        } })
        let lines = found.flatMap { name, causes in causes.map { Computation.line(name: name, cause: $0) } }
        var seen = Set<String>()
        let unique = lines.filter { seen.insert($0).inserted }
        return unique.isEmpty ? nil : unique.map { "  " + $0 }.joined(separator: "\n")
    }

    /// Runs `body` with a log current (the one already current, if any), and returns its
    /// result and the log.
    public static func collecting<T>(_ body: () -> T) -> (T, DiagnosisLog, owned: Bool) {
        if let current { return (body(), current, false) }
        let log = DiagnosisLog()
        return ($current.withValue(log) { body() }, log, true)
    }
}

/// The causes the diagnosis named while a check ran, as data, for ``Outcome/causes``: what
/// grading counts across a class.
public final class FoundCauses: @unchecked Sendable {
    @TaskLocal public static var current: FoundCauses?

    private let lock = NSLock()
    private var found = [Cause]()

    public init() {}

    func add(_ causes: [Cause]) {
        lock.lock()
        for cause in causes where !found.contains(cause) { found.append(cause) }
        lock.unlock()
    }

    /// Runs `body` and returns its result with the causes named while it ran.
    public static func collecting<T>(_ body: () -> T) -> (T, [Cause]) {
        let log = FoundCauses()
        let result = $current.withValue(log) { body() }
        log.lock.lock()
        defer { log.lock.unlock() }
        return (result, log.found)
    }
}

/// Runs a check's `body` with a ``DiagnosisLog`` and, when it fails, adds the causes the
/// log's observations show to its text. Checks that run their problems through
/// `checkEach` get this already; others wrap their body in it.
public func withDiagnosis(_ body: () -> Verdict) -> Verdict {
    let (verdict, log, owned) = DiagnosisLog.collecting(body)
    guard owned, case .failed(let text, let judged) = verdict, let causes = log.causeText() else { return verdict }
    return .failed(text + "\n" + causes, judged: judged)
}

/// A result and the computation it should be, for ``GradientCheck`` and ``Diagnosis``.
public struct Computation: Sendable {
    public let formula: Formula
    public let environment: Environment
    /// Other ways of writing it, each edited too.
    public let forms: [Formula]

    public init(_ formula: Formula, in environment: Environment, or forms: [Formula] = []) {
        self.formula = formula
        self.environment = environment
        self.forms = forms
    }

    /// What was observed of a result that should be this computation.
    func observation(name: String, got: Matrix, passed: Bool) -> Observation {
        var observation = Observation(name: name, got: got, formula: formula, environment: environment, passed: passed)
        observation.forms = forms
        return observation
    }

    /// The cause line of a result named `name`: "likely cause: δ¹: … (yours is (W²)ᵀδ² on every problem)".
    public static func line(name: String, cause: Cause) -> String {
        "likely cause: \(name): \(cause.text) (yours is \(cause.computed) on every problem checked)"
    }
}
