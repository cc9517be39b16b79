import Chapter1
import Foundation
import WorkbookCore

/// Exercise 1.6: the backward rules of `log` and `relu`, which the learner derives.
///
/// Each is checked at several points, its result scaled by a random factor (the out.grad its
/// rule receives), against a central difference, and inside an expression that uses its
/// result twice; ``Diagnosis`` names what the rule computed instead. relu has a kink at 0, where
/// it has no derivative: a central difference there gives ½ (the mean of the two
/// slopes), and within h of 0 anything between 0 and 1. So relu's points keep at
/// least 0.1 from the kink, where the central difference is exact, and at exactly
/// 0 any slope from 0 to 1 (a subgradient) is accepted, and named.
public func checkNewOperations(log: @escaping (Value) -> Value, relu: @escaping (Value) -> Value,
                               using generator: inout SplitMix64) -> Verdict {
    withDiagnosis {
        // Every problem runs before the first failure is reported, so that the diagnosis sees them all.
        var parts = [Verdict]()
        // log: points above 0, some below 1 (where log is negative) and some above.
        for draw in 0 ..< 4 {
            let x = draw % 2 == 0 ? generator.uniform(0.15, 0.9) : generator.uniform(1.2, 4)
            let c = upstream(&generator)
            parts.append(compareLeafGradient("d/dx \(formatNumber(c)) · log(x) at x = \(formatNumber(x)): x.grad", log,
                                             Foundation.log, at: x, scaledBy: c, slope: .logPrime).verdict.judging("log()"))
        }
        // relu: two points on each side of the kink, in a random order, at least 0.1 from it.
        var sides = [1.0, 1, -1, -1]
        sides.shuffle(using: &generator)
        for side in sides {
            let x = side * generator.uniform(0.1, 2)
            let c = upstream(&generator)
            parts.append(compareLeafGradient("d/dx \(formatNumber(c)) · relu(x) at x = \(formatNumber(x)): x.grad", relu,
                                             { max($0, 0) }, at: x, scaledBy: c, slope: .reluPrime).verdict.judging("relu()"))
        }
        let atKink = ValueGraphCheck.leafGradients(of: { relu($0[0]) }, at: [0]).first ?? .nan
        parts.append((0 ... 1).contains(atKink)
            ? .passed("relu at its kink, x = 0: x.grad = \(formatNumber(atKink)), a slope between 0 and 1")
            : .failed("relu at exactly x = 0 passed back x.grad = \(formatNumber(atKink))\n"
                + "  likely cause: relu has no slope at its kink; any value from 0 (the slope on the left) to 1 (on the "
                + "right) is a valid choice, and 0 is the usual one", judged: "relu()"))
        // Each result used twice, and x once more: every share must accumulate.
        let reluOf: @Sendable (Double) -> Double = { max($0, 0) }
        for (name, operation, reference, slope, x) in [
            ("log(x)", log, Foundation.log, Elementwise.logPrime, generator.uniform(0.3, 2)),
            ("relu(x)", relu, reluOf, .reluPrime, generator.uniform(0.2, 2)),
            ("relu(x)", relu, reluOf, .reluPrime, -generator.uniform(0.2, 2)),
        ] {
            let got = ValueGraphCheck.leafGradients(of: { leaves in
                let y = operation(leaves[0])
                return ValueGraphCheck.sum(ValueGraphCheck.product(y, y), ValueGraphCheck.product(y, leaves[0]))
            }, at: [x]).first ?? .nan
            let y = reference(x)
            let expected = GradientCheck.centralDifference({ x in
                let y = reference(x)
                return y * y + y * x
            }, at: x)
            // y's node receives out.grad = 2y + x; x also receives y from the product y · x.
            let scalar = { (value: Double) in Matrix(rows: 1, columns: 1, repeating: value) }
            let environment = Environment(quantities: ["x": scalar(x), "out.data": scalar(y), "out.grad": scalar(2 * y + x),
                                                       "x.grad from y · x": scalar(y)])
            let formula = Formula.sum(.hadamard(.quantity("out.grad"), .elementwise(slope, .quantity("x"))),
                                      .quantity("x.grad from y · x"))
            parts.append(ScalarComparison(subject: "y · y + y · x with y = \(name), x = \(formatNumber(x)): x.grad", got: got,
                                          expected: expected, computation: Computation(formula, in: environment),
                                          name: "x.grad of y · y + y · x, y = \(name)")
                .verdict.judging(name == "log(x)" ? "log()" : "relu()"))
        }
        return parts.first { if case .failed = $0 { true } else { false } } ?? Verdict.all(parts)
    }
}

/// A factor for the operation's result, from 0.5 to 2 either way: the out.grad its rule receives.
private func upstream(_ generator: inout SplitMix64) -> Double {
    generator.uniform(0.5, 2) * (generator.uniform(0, 1) < 0.5 ? -1 : 1)
}

/// The gradient `operation`'s rule (learner code) sends to a leaf holding `x` when the
/// operation's result is scaled by `c` (so that out.grad = c, not 1, and the upstream factor
/// shows), against a central difference of c · `reference`, the checker's own function.
private func compareLeafGradient(_ subject: String, _ operation: @escaping (Value) -> Value,
                                 _ reference: (Double) -> Double, at x: Double, scaledBy c: Double,
                                 slope: Elementwise) -> ScalarComparison {
    let gradient = ValueGraphCheck.leafGradients(of: { ValueGraphCheck.product(Value(c), operation($0[0])) }, at: [x]).first ?? .nan
    let numeric = GradientCheck.centralDifference({ c * reference($0) }, at: x)
    let scalar = { (value: Double) in Matrix(rows: 1, columns: 1, repeating: value) }
    // What the rule can read: its input (self.data), its output (out.data) and out.grad.
    let environment = Environment(quantities: ["x": scalar(x), "out.data": scalar(reference(x)), "out.grad": scalar(c)])
    return ScalarComparison(subject: subject, got: gradient, expected: numeric,
                            computation: Computation(.hadamard(.quantity("out.grad"), .elementwise(slope, .quantity("x"))),
                                                     in: environment),
                            name: "x.grad of c · \(slope.derivativeOf ?? slope.name)(x), whose rule gets out.grad = c")
}
