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
        var quantities = chapterQuantities(problem)
        quantities.quantities.merge(["z¹": z1, "a¹": a1, "z²": z2, "ŷ": a2, "δ²": delta2]) { $1 }
        quantities.quantities["δ¹"] = nil
        let formula = Formula.hadamard(.product(.transpose(.quantity("W²")), .quantity("δ²")), .elementwise(.tanhPrime, .quantity("z¹")))
        return [.from(GradientCheck.compare(name: "δ¹ (tanh layer)", analytic: delta1, parameter: z1,
                                            computation: Computation(formula, in: quantities)) { z1 in
            let z2 = (network.W2 * z1.map(tanh)).addingToEachColumn(network.b2)
            return ReferenceNetwork.summedLoss(sigmoid(z2), problem.t)
        })]
    }
}
