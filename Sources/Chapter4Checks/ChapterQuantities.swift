import Chapter2Checks
import WorkbookCore

extension RowProblem {
    /// Chapter 4's named quantities for this problem, one example per row, as
    /// ``Diagnosis`` reads them, and the sizes m (examples), n₀, n₁, n₂ (units per layer).
    /// `extra` adds quantities a check has, such as what a workspace held before.
    func quantities(_ extra: [String: Matrix] = [:]) -> Environment {
        let (z1, a1, z2, a2) = reference
        let columns = ReferenceNetwork.forward(network, x.transposed)
        let (delta2, delta1) = ReferenceNetwork.deltas(network, columns, t.transposed)
        let (inputs, hidden, outputs) = network.sizes
        return Environment(
            quantities: ["x": x, "t": t, "W¹": network.W1, "b¹": network.b1, "W²": network.W2, "b²": network.b2,
                         "z¹": z1, "a¹": a1, "z²": z2, "ŷ": a2, "δ²": delta2.transposed, "δ¹": delta1.transposed]
                .merging(extra) { $1 },
            sizes: ["m": (Double(x.rows), "the number of examples"), "n₀": (Double(inputs), "the number of inputs"),
                    "n₁": (Double(hidden), "the number of hidden units"), "n₂": (Double(outputs), "the number of outputs")])
    }
}

/// The computations of Chapter 4, in its symbols (one example per row).
enum RowFormulas {
    static let z1 = Formula.addRow(.product(.quantity("x"), .transpose(.quantity("W¹"))), .quantity("b¹"))
    static let a1 = Formula.elementwise(.sigmoid, .quantity("z¹"))
    static let z2 = Formula.addRow(.product(.quantity("a¹"), .transpose(.quantity("W²"))), .quantity("b²"))
    static let yHat = Formula.elementwise(.sigmoid, .quantity("z²"))
    /// δ¹ = (δ²W²) ⊙ σ′(z¹).
    static let delta1 = Formula.hadamard(.product(.quantity("δ²"), .quantity("W²")), .elementwise(.sigmoidPrime, .quantity("z¹")))
    /// dW² = (1/m) (δ²)ᵀa¹, and so on; a bias gradient is a column, as the bias is.
    static let gradients: [String: Formula] = [
        "dW2": .quotient(.product(.transpose(.quantity("δ²")), .quantity("a¹")), .size("m")),
        "dB2": .quotient(.transpose(.columnSums(.quantity("δ²"))), .size("m")),
        "dW1": .quotient(.product(.transpose(.quantity("δ¹")), .quantity("x")), .size("m")),
        "dB1": .quotient(.transpose(.columnSums(.quantity("δ¹"))), .size("m")),
    ]
}
