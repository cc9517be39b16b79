import Chapter1
import Foundation
import WorkbookCore

/// Exercise 1.4: the backward rules of `pow`, `exp`, `tanh` and `sigmoid`, each
/// alone at several points and inside an expression that uses its result twice.
public func checkFunctions(pow: @escaping (Value, Double) -> Value, exp: @escaping (Value) -> Value,
                           tanh: @escaping (Value) -> Value, sigmoid: @escaping (Value) -> Value,
                           using generator: inout SplitMix64) -> Verdict {
    // One exponent of each kind a rule can get wrong while the others pass: even and odd,
    // negative, and fractional (whose x must be positive).
    let exponents = [[2, 4], [3, 5], [-1, -2, -3], [0.5, 1.5]].map { $0[generator.integer(in: 0 ... $0.count - 1)] }
    // Each function in learner code, with the checker's own for its value.
    typealias Function = (name: String, apply: (Value) -> Value, reference: (Double) -> Double,
                          mistakes: (Double) -> [ScalarComparison.Mistake])
    let powers: [Function] =
        exponents.map { exponent in
            ("x^\(formatNumber(exponent))", { pow($0, exponent) }, { Foundation.pow($0, exponent) }, { x in [
                .init(exponent * Foundation.pow(x, exponent), "the exponent was not lowered by one: d(xⁿ)/dx = n·xⁿ⁻¹"),
                .init(Foundation.pow(x, exponent - 1), "the factor n is missing: d(xⁿ)/dx = n·xⁿ⁻¹"),
                .init(exponent * Foundation.pow(abs(x), exponent - 1), "n·|x|ⁿ⁻¹ is right only for x > 0: "
                    + "use x itself, whose sign matters when n − 1 is odd"),
                .init(2 * x, "this is 2x, the derivative of x² alone: the rule must use the exponent n"),
            ] })
        }
    let functions: [Function] = powers + [
        ("exp(x)", exp, Foundation.exp, { x in [.init(x, "used x where eˣ was meant: d(eˣ)/dx = eˣ, which is out.data")] }),
        ("tanh(x)", tanh, Foundation.tanh, { x in [
            .init(1 - x * x, "used 1 − x² instead of 1 − tanh²(x): the derivative needs out.data, not self.data"),
            .init(1 - Foundation.tanh(x), "used 1 − tanh(x) instead of 1 − tanh²(x)"),
        ] }),
        ("σ(x)", sigmoid, { 1 / (1 + Foundation.exp(-$0)) }, { x in [
            .init(x * (1 - x), "used x(1 − x) instead of σ(x)(1 − σ(x)): the derivative needs out.data, "
                + "the sigmoid's output, not its input self.data"),
            .init(1 / (1 + Foundation.exp(-x)), "used σ(x) instead of σ(x)(1 − σ(x))"),
        ] }),
    ]
    /// The exercise's function that `name` is computed by.
    func judged(_ name: String) -> String {
        name.hasPrefix("x^") ? "pow(_:)" : ["exp(x)": "exp()", "tanh(x)": "tanh()"][name] ?? "sigmoid()"
    }
    var parts = [Verdict]()
    for function in functions {
        for draw in 0 ..< 3 {
            // x of both signs (the first positive, the second negative), but positive for a fractional power.
            let fractional = function.name.contains(".")
            let negative = !fractional && (draw == 1 || draw == 2 && generator.uniform(0, 1) < 0.5)
            let x = generator.uniform(0.2, 2) * (negative ? -1 : 1)
            let gradient = ValueGraphCheck.leafGradients(of: { function.apply($0[0]) }, at: [x]).first ?? .nan
            let numeric = GradientCheck.centralDifference(function.reference, at: x)
            let comparison = ScalarComparison(subject: "d/dx \(function.name) at x = \(formatNumber(x)): x.grad",
                                              got: gradient, expected: numeric, mistakes: function.mistakes(x))
            if !comparison.agrees { return comparison.verdict.judging(judged(function.name)) }
        }
        // The result is used twice, and x once more: every share must accumulate.
        let x = generator.uniform(0.2, 1.5)
        let report = ValueGraphCheck.check("∂/∂x", { leaves in
            let y = function.apply(leaves[0])
            return ValueGraphCheck.sum(ValueGraphCheck.product(y, y), ValueGraphCheck.product(y, leaves[0]))
        }, reference: { point in
            let y = function.reference(point[0])
            return y * y + y * point[0]
        }, at: [x])
        parts.append(Verdict.from(report, context: "y · y + y · x with y = \(function.name), x = \(formatNumber(x))")
            .judging(judged(function.name)))
    }
    return Verdict.all(parts)
}
