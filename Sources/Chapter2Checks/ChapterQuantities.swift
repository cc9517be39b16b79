import WorkbookCore

/// Chapter 2's named quantities for one problem, as ``Diagnosis`` reads them: the
/// network, the batch, the forward pass and the deltas, by the chapter's symbols,
/// and the sizes m (examples), n₀, n₁, n₂ (units per layer).
func chapterQuantities(_ problem: Problem) -> Environment {
    let network = problem.network
    let pass = ReferenceNetwork.forward(network, problem.x)
    let (delta2, delta1) = ReferenceNetwork.deltas(network, pass, problem.t)
    let (inputs, hidden, outputs) = network.sizes
    return Environment(
        quantities: ["x": problem.x, "t": problem.t, "W¹": network.W1, "b¹": network.b1, "W²": network.W2,
                     "b²": network.b2, "z¹": pass.z1, "a¹": pass.a1, "z²": pass.z2, "ŷ": pass.a2,
                     "δ²": delta2, "δ¹": delta1],
        sizes: ["m": (Double(problem.x.columns), "the number of examples"),
                "n₀": (Double(inputs), "the number of inputs"),
                "n₁": (Double(hidden), "the number of hidden units"),
                "n₂": (Double(outputs), "the number of outputs")])
}

/// The computations of Chapter 2, in its symbols (one example per column).
enum ChapterFormulas {
    static let z1 = Formula.addColumn(.product(.quantity("W¹"), .quantity("x")), .quantity("b¹"))
    static let a1 = Formula.elementwise(.sigmoid, .quantity("z¹"))
    static let z2 = Formula.addColumn(.product(.quantity("W²"), .quantity("a¹")), .quantity("b²"))
    static let yHat = Formula.elementwise(.sigmoid, .quantity("z²"))
    /// L = (1/m) Σ ½‖ŷ − t‖².
    static let loss = Formula.scaled(.constant(0.5, "½"),
                                     .quotient(.total(.elementwise(.square, .difference(.quantity("ŷ"), .quantity("t")))),
                                               .size("m")))
    /// δ² = (ŷ − t) ⊙ σ′(z²).
    static let delta2 = Formula.hadamard(.difference(.quantity("ŷ"), .quantity("t")), .elementwise(.sigmoidPrime, .quantity("z²")))
    /// δ¹ = ((W²)ᵀδ²) ⊙ σ′(z¹).
    static let delta1 = Formula.hadamard(.product(.transpose(.quantity("W²")), .quantity("δ²")),
                                         .elementwise(.sigmoidPrime, .quantity("z¹")))
    /// dW² = (1/m) δ²(a¹)ᵀ, and so on for each parameter.
    static let gradients: [String: Formula] = [
        "dW2": .quotient(.product(.quantity("δ²"), .transpose(.quantity("a¹"))), .size("m")),
        "dB2": .quotient(.rowSums(.quantity("δ²")), .size("m")),
        "dW1": .quotient(.product(.quantity("δ¹"), .transpose(.quantity("x"))), .size("m")),
        "dB1": .quotient(.rowSums(.quantity("δ¹")), .size("m")),
    ]
}
