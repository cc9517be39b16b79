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
        let quantities = chapterQuantities(problem)
        let reports = checkNetworkGradients(network, x, t, loss: ReferenceNetwork.loss, backprop: { _, _, _ in gradients },
                                            computations: ChapterFormulas.gradients.mapValues { Computation($0, in: quantities) },
                                            using: &generator)
        return reports.map(Verdict.from)
    }
}
