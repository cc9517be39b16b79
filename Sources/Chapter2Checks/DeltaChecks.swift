import Chapter2
import WorkbookCore

/// Exercise 2.3: δ² against finite differences of Σⱼ ½‖σ(z²ⱼ) − tⱼ‖² with respect to z².
public func checkOutputDelta(_ outputDelta: (ForwardPass, Matrix) -> Matrix,
                             using generator: inout SplitMix64) -> Verdict {
    checkEveryProblem(using: &generator) { problem, generator in
        let reference = ReferenceNetwork.forward(problem.network, problem.x)
        let pass = ForwardPass(z1: reference.z1, a1: reference.a1, z2: reference.z2, a2: reference.a2)
        let delta2 = learnerCode { outputDelta(pass, problem.t) }
        return [.from(GradientCheck.compare(name: "δ²", analytic: delta2, parameter: reference.z2,
                                            computation: Computation(ChapterFormulas.delta2, in: chapterQuantities(problem))) { z2 in
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
        return [.from(GradientCheck.compare(name: "δ¹", analytic: delta1, parameter: reference.z1,
                                            computation: Computation(ChapterFormulas.delta1, in: chapterQuantities(problem))) { z1 in
            let z2 = (network.W2 * sigmoid(z1)).addingToEachColumn(network.b2)
            return ReferenceNetwork.summedLoss(sigmoid(z2), problem.t)
        })]
    }
}
