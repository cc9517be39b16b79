import Chapter2
import WorkbookCore

/// Exercise 2.1: every value of the forward pass against the reference network.
public func checkForward(_ forward: (Network, Matrix) -> ForwardPass, using generator: inout SplitMix64) -> Verdict {
    checkEveryProblem(using: &generator) { problem, generator in
        let expected = ReferenceNetwork.forward(problem.network, problem.x)
        let pass = learnerCode { forward(problem.network, problem.x) }
        let W1x = problem.network.W1 * problem.x
        var biasOnFirstColumn = W1x
        for row in 0 ..< W1x.rows { biasOnFirstColumn[row, 0] += problem.network.b1[row, 0] }
        return [
            .from(GradientCheck.compareValues(name: "z1", got: pass.z1, expected: expected.z1, mistakes: [
                .values(W1x, "the bias is missing: z¹ = W¹x + b¹, with b¹ added to every column"),
                .values(biasOnFirstColumn, "b¹ was added to the first example (column) only: add it to every column"),
            ])),
            .from(GradientCheck.compareValues(name: "a1", got: pass.a1, expected: expected.a1, mistakes: [
                .values(expected.z1, "a¹ must be σ(z¹), not z¹"),
            ])),
            .from(GradientCheck.compareValues(name: "z2", got: pass.z2, expected: expected.z2, mistakes: [
                .values((problem.network.W2 * expected.z1).addingToEachColumn(problem.network.b2),
                        "z² must be computed from a¹ = σ(z¹), not from z¹"),
                .values(problem.network.W2 * expected.a1, "the bias is missing: z² = W²a¹ + b²"),
            ])),
            .from(GradientCheck.compareValues(name: "a2", got: pass.a2, expected: expected.a2, mistakes: [
                .values(expected.z2, "ŷ = a² must be σ(z²), not z²"),
            ])),
        ]
    }
}
