import Foundation
import WorkbookCore

/// Exercise 2.7: δ¹ of a tanh hidden layer against finite differences of the summed
/// loss with respect to z¹, given the true δ², on the checker's own tanh network.
public func checkTanhHiddenDelta(_ tanhHiddenDelta: (Matrix, Network, ForwardPass) -> Matrix,
                                 using generator: inout SplitMix64) -> Verdict {
    checkEveryProblem(using: &generator) { problem, generator in
        let network = problem.network
        let z1 = (network.W1 * problem.x).addingToEachColumn(network.b1)
        let a1 = z1.map(tanh)
        let z2 = (network.W2 * a1).addingToEachColumn(network.b2)
        let a2 = sigmoid(z2)
        let pass = ForwardPass(z1: z1, a1: a1, z2: z2, a2: a2)
        let delta2 = (a2 - problem.t).hadamard(sigmoidPrime(z2))
        let delta1 = learnerCode { tanhHiddenDelta(delta2, network, pass) }
        let backpropagated = network.W2.transposed * delta2
        var mistakes: [KnownMistake] = [
            .values(backpropagated.hadamard(sigmoidPrime(z1)),
                    "this is σ′(z¹), the sigmoid's slope; this hidden layer is tanh, whose slope is another function"),
            .values(backpropagated.hadamard(a1.map { 1 - $0 }),
                    "1 − tanh(z¹) is not tanh′(z¹): differentiate tanh(z) = sinh(z)/cosh(z) again — the tanh is squared"),
            .values(backpropagated.hadamard(z1.map { 1 - $0 * $0 }),
                    "1 − (z¹)² squares z¹; tanh′(z) is 1 minus the square of tanh(z), which the pass holds as a¹"),
            .values(backpropagated.hadamard(a1.map { 1 - tanh($0) * tanh($0) }),
                    "tanh′ was taken at a¹ = tanh(z¹) instead of at z¹: 1 − tanh²(z¹) is 1 − (a¹)²"),
            .values(backpropagated, "the factor tanh′(z¹) is missing: a¹ depends on z¹ through tanh"),
            .values(backpropagated.hadamard(a1), "tanh(z¹) was used where its derivative belongs"),
        ]
        if network.W2.rows == network.W2.columns {
            mistakes.append(.values((network.W2 * delta2).hadamard(a1.map { 1 - $0 * $0 }),
                                    "W² must be transposed, as in 2.4. W²δ² runs only because W² is square"))
        }
        return [.from(GradientCheck.compare(name: "δ¹ (tanh layer)", analytic: delta1, parameter: z1,
                                            mistakes: mistakes) { z1 in
            let z2 = (network.W2 * z1.map(tanh)).addingToEachColumn(network.b2)
            return ReferenceNetwork.summedLoss(sigmoid(z2), problem.t)
        })]
    }
}
