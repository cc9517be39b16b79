import Chapter2
import WorkbookCore

/// Exercise 2.5: each of dW1, dB1, dW2, dB2 against finite differences of the
/// batch's mean loss, given the true deltas (so 2.3 and 2.4 cannot fail 2.5).
public func checkParameterGradients(_ parameterGradients: (Matrix, Matrix, Matrix, ForwardPass) -> Gradients,
                                    using generator: inout SplitMix64) -> Verdict {
    checkEveryProblem(using: &generator) { problem, generator in
        let network = problem.network, x = problem.x, t = problem.t
        let reference = ReferenceNetwork.forward(network, x)
        let pass = ForwardPass(z1: reference.z1, a1: reference.a1, z2: reference.z2, a2: reference.a2)
        let (delta2, delta1) = ReferenceNetwork.deltas(network, reference, t)
        let gradients = learnerCode { parameterGradients(delta1, delta2, x, pass) }
        let m = Double(x.columns)
        let batch = x.columns
        func mistakes(_ name: String, sum: Matrix, bias: Bool) -> [KnownMistake] {
            var known: [KnownMistake] = [
                .values(sum, "\(name) is the sum over the batch; L is the mean, so divide by m = \(batch)"),
            ]
            if bias {
                known.append(.shape(Shape(rows: sum.rows, columns: batch),
                                    "a bias gradient is summed over the batch into one column: (1/m) Σⱼ δⱼ"))
                for wrongAxis in [Shape(rows: 1, columns: batch), Shape(rows: batch, columns: 1)] where batch != sum.rows {
                    known.append(.shape(wrongAxis, "δ was summed along the wrong axis: \(name) has one entry per unit, "
                        + "the sum of each row of δ over the examples (its columns)"))
                }
            } else {
                known.append(.shape(Shape(rows: sum.columns, columns: sum.rows),
                                    "\(name) is transposed: the gradient is δ times the layer's input transposed"))
            }
            return known
        }
        let reports = checkNetworkGradients(network, x, t, loss: ReferenceNetwork.loss, backprop: { _, _, _ in gradients },
                                            mistakes: [
                                                "dW2": mistakes("dW2", sum: delta2 * reference.a1.transposed, bias: false),
                                                "dB2": mistakes("dB2", sum: delta2.rowSums(), bias: true),
                                                "dW1": mistakes("dW1", sum: delta1 * x.transposed, bias: false) + [
                                                    .values((1 / m) * (delta1 * reference.a1.transposed),
                                                            "dW1 uses a¹; the first layer's input is x"),
                                                ],
                                                "dB1": mistakes("dB1", sum: delta1.rowSums(), bias: true),
                                            ], using: &generator)
        return reports.map(Verdict.from)
    }
}
