import Foundation
import WorkbookCore

/// The binary cross-entropy of σ(z) against t, summed over every entry: for each,
/// −[t log σ(z) + (1 − t) log(1 − σ(z))], computed as log(1 + eᶻ) − t·z, which
/// neither overflows nor takes the log of 0.
func summedCrossEntropy(_ z: Matrix, _ t: Matrix) -> Double {
    zip(z.elements, t.elements).reduce(0) { sum, pair in
        let (z, t) = pair
        return sum + max(z, 0) + log1p(exp(-abs(z))) - t * z
    }
}

/// Exercise 2.8: δ² for the binary cross-entropy against finite differences of the
/// summed loss with respect to z².
public func checkCrossEntropyOutputDelta(_ crossEntropyOutputDelta: (ForwardPass, Matrix) -> Matrix,
                                         using generator: inout SplitMix64) -> Verdict {
    checkEveryProblem(using: &generator) { problem, generator in
        let reference = ReferenceNetwork.forward(problem.network, problem.x)
        let pass = ForwardPass(z1: reference.z1, a1: reference.a1, z2: reference.z2, a2: reference.a2)
        let delta2 = learnerCode { crossEntropyOutputDelta(pass, problem.t) }
        let yHat = Formula.quantity("ŷ"), t = Formula.quantity("t")
        // Chapter 2's deltas are the quadratic loss's: here they are a quantity a learner may confuse with this δ².
        var quantities = chapterQuantities(problem)
        quantities.quantities["the quadratic loss's δ²"] = quantities.quantities.removeValue(forKey: "δ²")
        quantities.quantities["δ¹"] = nil
        // ∂ℓ/∂ŷ ⊙ σ′(z²), before it simplifies to ŷ − t.
        let chained = Formula.hadamard(.sum(.scaled(.constant(-1, "−1"), .ratio(t, yHat)), .ratio(.oneMinus(t), .oneMinus(yHat))),
                                       .elementwise(.sigmoidPrime, .quantity("z²")))
        return [.from(GradientCheck.compare(name: "δ² (cross-entropy)", analytic: delta2, parameter: reference.z2,
                                            computation: Computation(.difference(yHat, t), in: quantities,
                                                                     or: [chained])) { z2 in
            summedCrossEntropy(z2, problem.t)
        })]
    }
}
