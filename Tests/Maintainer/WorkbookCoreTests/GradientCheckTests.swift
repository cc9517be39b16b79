import Foundation
import Testing
import WorkbookCore

@Suite("Gradient checker")
struct GradientCheckTests {
    /// f(W) = Σ A ⊙ sin(W) for a fixed, non-symmetric A, whose gradient is A ⊙ cos(W).
    let a = Matrix([[0.5, -1.2, 2.0], [0.3, 0.9, -0.7], [1.5, -0.4, 0.8]])
    let w = Matrix([[0.1, 0.7, -0.3], [1.1, -0.5, 0.2], [0.4, 0.9, -1.3]])

    func f(_ point: [Double]) -> Double {
        zip(a.elements, point).reduce(0) { $0 + $1.0 * sin($1.1) }
    }

    var trueGradient: Matrix { a.hadamard(w.map(cos)) }

    func check(_ analytic: Matrix) -> GradientReport {
        GradientCheck.compare(name: "dW", shape: w.shape, analytic: analytic.elements, at: w.elements, of: f)
    }

    @Test("a correct gradient passes with a relative error near 1e-10")
    func correctPasses() {
        let report = check(trueGradient)
        #expect(report.passed)
        #expect(report.maxRelativeError < 1e-8)
    }

    @Test("known-wrong gradients fail with the right diagnosis", arguments: [
        ("zeros", "all zeros"), ("negated", "sign is flipped"), ("doubled", "factor"),
        ("transposed", "transposed"), ("one entry", "1 of 9"),
    ])
    func wrongFails(_ mistake: (String, String)) {
        let wrong: Matrix = switch mistake.0 {
        case "zeros": Matrix(rows: 3, columns: 3)
        case "negated": -1 * trueGradient
        case "doubled": 2 * trueGradient
        case "transposed": trueGradient.transposed
        default: { var g = trueGradient; g[1, 2] += 0.01; return g }()
        }
        let report = check(wrong)
        #expect(!report.passed)
        #expect(report.description.contains(mistake.1), "\(report)")
    }

    @Test("a gradient of the wrong size fails and says so")
    func wrongShape() {
        let report = GradientCheck.compare(name: "dW", shape: w.shape, analytic: [1, 2], at: w.elements, of: f)
        #expect(!report.passed)
        #expect(report.description.contains("check its shape"))
    }

    @Test("large parameters are checked on a sample of entries, the same for the same seed")
    func sampling() {
        var first = SplitMix64(seed: 5), second = SplitMix64(seed: 5)
        let sample = GradientCheck.entriesToCheck(count: 1000, using: &first)
        #expect(sample.count == GradientCheck.sampleLimit)
        #expect(Set(sample).count == sample.count && sample.allSatisfy { (0 ..< 1000).contains($0) })
        #expect(sample == GradientCheck.entriesToCheck(count: 1000, using: &second))
        #expect(GradientCheck.entriesToCheck(count: 10, using: &first) == Array(0 ..< 10))
    }

    @Test("the central difference's error shrinks like h², the forward one's like h")
    func errorOrders() {
        let x = 0.6
        func forward(_ h: Double) -> Double { abs((exp(x + h) - exp(x)) / h - exp(x)) }
        func central(_ h: Double) -> Double { abs(GradientCheck.centralDifference(exp, at: x, step: h) - exp(x)) }
        #expect(abs(forward(1e-2) / forward(5e-3) - 2) < 0.05)
        #expect(abs(central(1e-2) / central(5e-3) - 4) < 0.05)
    }

    @Test("relative error is symmetric, floors tiny denominators, and is infinite for NaN")
    func relativeError() {
        #expect(GradientCheck.relativeError(1.0, 1.1) == GradientCheck.relativeError(1.1, 1.0))
        #expect(GradientCheck.relativeError(1e-12, 2e-12) < 1e-7)
        #expect(GradientCheck.relativeError(.nan, 1) == .infinity)
    }

    @Test("a scalar comparison names a recognised mistake")
    func scalarMistake() {
        let comparison = ScalarComparison(subject: "f′(1)", got: 4, expected: 2,
                                          mistakes: [.init(4, "doubled somewhere")])
        guard case .failed(let text, _) = comparison.verdict else { Issue.record("should fail"); return }
        #expect(text.contains("doubled somewhere"))
        #expect(ScalarComparison(subject: "f′(1)", got: -2, expected: 2).verdict != .passed(""))
    }
}
