import Chapter1
import Foundation
import WorkbookCore

/// Exercise 1.6: the backward rules of `log` and `relu`, which the learner derives.
///
/// Each is checked alone at several points against a central difference, and
/// inside an expression that uses its result twice. relu has a kink at 0, where
/// it has no derivative: a central difference there gives ½ (the mean of the two
/// slopes), and within h of 0 anything between 0 and 1. So relu's points keep at
/// least 0.1 from the kink, where the central difference is exact, and at exactly
/// 0 any slope from 0 to 1 (a subgradient) is accepted, and named.
public func checkNewOperations(log: @escaping (Value) -> Value, relu: @escaping (Value) -> Value,
                               using generator: inout SplitMix64) -> Verdict {
    var parts = [Verdict]()
    // log: points above 0, some below 1 (where log is negative) and some above.
    for draw in 0 ..< 4 {
        let x = draw % 2 == 0 ? generator.uniform(0.15, 0.9) : generator.uniform(1.2, 4)
        let comparison = compareLeafGradient("d/dx log(x) at x = \(formatNumber(x)): x.grad", log, Foundation.log, at: x,
                                             mistakes: [
            .init(1 / Foundation.log(x), "this is 1 / log(x): the slope of log at x is 1/x, the input, self.data"),
            .init(Foundation.log(x), "this is log(x) itself, out.data; its slope is 1/x"),
            .init(x, "this is x; the slope of log at x is 1/x"),
        ])
        if !comparison.agrees { return comparison.verdict.judging("log()") }
    }
    // relu: two points on each side of the kink, in a random order, at least 0.1 from it.
    var sides = [1.0, 1, -1, -1]
    sides.shuffle(using: &generator)
    for side in sides {
        let x = side * generator.uniform(0.1, 2)
        let comparison = compareLeafGradient("d/dx relu(x) at x = \(formatNumber(x)): x.grad", relu, { max($0, 0) },
                                             at: x, mistakes: x < 0
            ? [.init(1, "relu passes no gradient where x < 0: it is flat there, so its slope is 0"),
               .init(x, "this is x; below 0, relu is flat: slope 0")]
            : [.init(x, "this is relu(x) itself, out.data; its slope above 0 is 1"),
               .init(0, "relu's slope above 0 is 1, not 0: is the comparison the right way round?")])
        if !comparison.agrees { return comparison.verdict.judging("relu()") }
    }
    let atKink = ValueGraphCheck.leafGradients(of: { relu($0[0]) }, at: [0]).first ?? .nan
    guard (0 ... 1).contains(atKink) else {
        return .failed("relu at exactly x = 0 passed back x.grad = \(formatNumber(atKink))\n"
            + "  likely cause: relu has no slope at its kink; any value from 0 (the slope on the left) to 1 (on the "
            + "right) is a valid choice, and 0 is the usual one", judged: "relu()")
    }
    parts.append(.passed("relu at its kink, x = 0: x.grad = \(formatNumber(atKink)), a slope between 0 and 1"))
    // Each result used twice, and x once more: every share must accumulate.
    let reluOf: (Double) -> Double = { max($0, 0) }
    for (name, operation, reference, x) in [("log(x)", log, Foundation.log, generator.uniform(0.3, 2)),
                                            ("relu(x)", relu, reluOf, generator.uniform(0.2, 2)),
                                            ("relu(x)", relu, reluOf, -generator.uniform(0.2, 2))] {
        let report = ValueGraphCheck.check("∂/∂x", { leaves in
            let y = operation(leaves[0])
            return ValueGraphCheck.sum(ValueGraphCheck.product(y, y), ValueGraphCheck.product(y, leaves[0]))
        }, reference: { point in
            let y = reference(point[0])
            return y * y + y * point[0]
        }, at: [x])
        parts.append(Verdict.from(report, context: "y · y + y · x with y = \(name), x = \(formatNumber(x))")
            .judging(name == "log(x)" ? "log()" : "relu()"))
        if case .failed = parts.last! { return parts.last! }
    }
    return Verdict.all(parts)
}

/// The gradient `operation`'s rule (learner code) sends to a leaf holding `x`,
/// against a central difference of `reference`, the checker's own function.
private func compareLeafGradient(_ subject: String, _ operation: @escaping (Value) -> Value,
                                 _ reference: (Double) -> Double, at x: Double,
                                 mistakes: [ScalarComparison.Mistake]) -> ScalarComparison {
    let gradient = ValueGraphCheck.leafGradients(of: { operation($0[0]) }, at: [x]).first ?? .nan
    let numeric = GradientCheck.centralDifference(reference, at: x)
    return ScalarComparison(subject: subject, got: gradient, expected: numeric, mistakes: mistakes)
}
