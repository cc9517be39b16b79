import Chapter2
import WorkbookCore

/// Exercise 2.3: δ² against finite differences of Σⱼ ½‖σ(z²ⱼ) − tⱼ‖² with respect to z².
public func checkOutputDelta(_ outputDelta: (ForwardPass, Matrix) -> Matrix,
                             using generator: inout SplitMix64) -> Verdict {
    checkEveryProblem(using: &generator) { problem, generator in
        let reference = ReferenceNetwork.forward(problem.network, problem.x)
        let pass = ForwardPass(z1: reference.z1, a1: reference.a1, z2: reference.z2, a2: reference.a2)
        let error = reference.a2 - problem.t
        let m = Double(problem.x.columns)
        let delta2 = learnerCode { outputDelta(pass, problem.t) }
        let correct = error.hadamard(sigmoidPrime(reference.z2))
        return [.from(GradientCheck.compare(name: "δ²", analytic: delta2, parameter: reference.z2, mistakes: [
            .values(error.hadamard(sigmoidPrime(reference.a2)),
                    "σ′ was applied to ŷ = σ(z²) instead of z²: sigmoidPrime takes z, the sigmoid's input"),
            .values(error.hadamard(reference.z2.map { $0 * (1 - $0) }),
                    "z(1 − z) is not σ′(z); σ′(z) = σ(z)(1 − σ(z)), which is ŷ(1 − ŷ) here"),
            .values(error, "the factor σ′(z²) is missing: ŷ depends on z² through the sigmoid"),
            .values(error.hadamard(reference.a2), "σ(z²) was used where its derivative σ′(z²) = σ(z²)(1 − σ(z²)) belongs"),
            .values((1 / m) * correct, "δ² is per example, so no 1/m here; the mean comes in with the gradients (2.5)"),
        ]) { z2 in
            ReferenceNetwork.summedLoss(sigmoid(z2), problem.t)
        })]
    }
}

/// Exercise 2.4: δ¹ against finite differences of the summed loss with respect
/// to z¹, given the true δ² (so a wrong 2.3 cannot fail 2.4).
public func checkHiddenDelta(_ hiddenDelta: (Matrix, Network, ForwardPass) -> Matrix,
                             using generator: inout SplitMix64) -> Verdict {
    checkEveryProblem(using: &generator) { problem, generator in
        let network = problem.network
        let reference = ReferenceNetwork.forward(network, problem.x)
        let pass = ForwardPass(z1: reference.z1, a1: reference.a1, z2: reference.z2, a2: reference.a2)
        let delta2 = ReferenceNetwork.deltas(network, reference, problem.t).delta2
        let delta1 = learnerCode { hiddenDelta(delta2, network, pass) }
        var mistakes: [KnownMistake] = [
            .values((network.W2.transposed * delta2).hadamard(sigmoidPrime(reference.a1)),
                    "σ′ was applied to a¹ = σ(z¹) instead of z¹: sigmoidPrime takes z"),
            .values(network.W2.transposed * delta2,
                    "the factor σ′(z¹) is missing: a¹ depends on z¹ through the sigmoid"),
            .values((network.W2.transposed * delta2).hadamard(reference.a1),
                    "σ(z¹) was used where its derivative σ′(z¹) = σ(z¹)(1 − σ(z¹)) belongs"),
            .values((network.W2.transposed * delta2).hadamard(reference.z1.map { $0 * (1 - $0) }),
                    "z(1 − z) is not σ′(z); σ′(z¹) = σ(z¹)(1 − σ(z¹)), which is a¹(1 − a¹) here"),
        ]
        if network.W2.rows == network.W2.columns {
            mistakes.append(.values((network.W2 * delta2).hadamard(sigmoidPrime(reference.z1)),
                                    "W² must be transposed: δ¹ = ((W²)ᵀδ²) ⊙ σ′(z¹). W²δ² runs only because W² is square"))
        }
        return [.from(GradientCheck.compare(name: "δ¹", analytic: delta1, parameter: reference.z1,
                                            mistakes: mistakes) { z1 in
            let z2 = (network.W2 * sigmoid(z1)).addingToEachColumn(network.b2)
            return ReferenceNetwork.summedLoss(sigmoid(z2), problem.t)
        })]
    }
}
