/// A number the learner computed, a number it should be, and the numbers the
/// classic mistakes would give.
public struct ScalarComparison: Sendable {
    /// A mistake recognisable by the value it produces.
    public struct Mistake: Sendable {
        public let value: Double
        public let explanation: String

        public init(_ value: Double, _ explanation: String) {
            self.value = value
            self.explanation = explanation
        }
    }

    /// What is being compared, such as "centralDifference(sin, at: 0.3, step: 0.01)".
    public let subject: String
    public let got: Double
    public let expected: Double
    public let mistakes: [Mistake]
    /// What the number is, in the chapter's quantities; with it, ``Diagnosis`` names the cause.
    public let computation: Computation?

    public init(subject: String, got: Double, expected: Double, mistakes: [Mistake] = [],
                computation: Computation? = nil, name: String = "the result") {
        self.subject = subject
        self.got = got
        self.expected = expected
        self.mistakes = mistakes
        self.computation = computation
        if let computation {
            DiagnosisLog.current?.record(computation.observation(
                name: name, got: Matrix(rows: 1, columns: 1, repeating: got),
                passed: GradientCheck.relativeError(got, expected) <= GradientCheck.tolerance))
        }
    }

    /// The relative error of `got`; see ``GradientCheck/relativeError(_:_:)``.
    public var relativeError: Double { GradientCheck.relativeError(got, expected) }

    /// Whether `got` agrees with `expected` within ``GradientCheck/tolerance``.
    public var agrees: Bool { relativeError <= GradientCheck.tolerance }

    /// A pass, or a failure naming both values, the error, and the likely mistake.
    public var verdict: Verdict {
        if agrees { return .passed("\(subject) = \(formatNumber(got)) (relative error \(formatNumber(relativeError)))") }
        var text = "\(subject) returned \(formatNumber(got)), expected \(formatNumber(expected)) "
            + "(relative error \(formatNumber(relativeError)))"
        if computation != nil {
            // The cause comes from Diagnosis, across every problem.
        } else if let mistake = mistakes.first(where: { GradientCheck.relativeError(got, $0.value) <= GradientCheck.tolerance }) {
            text += "\n  likely cause: \(mistake.explanation)"
        } else if GradientCheck.relativeError(-got, expected) <= GradientCheck.tolerance {
            text += "\n  likely cause: the sign is flipped"
        } else if got == 0 {
            text += "\n  likely cause: it returns 0, as if nothing were computed"
        }
        return .failed(text)
    }
}
