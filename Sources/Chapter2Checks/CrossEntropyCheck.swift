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
        let error = reference.a2 - problem.t
        let m = Double(problem.x.columns)
        let delta2 = learnerCode { crossEntropyOutputDelta(pass, problem.t) }
        let slope = reference.a2.map { $0 * (1 - $0) }
        return [.from(GradientCheck.compare(name: "δ² (cross-entropy)", analytic: delta2, parameter: reference.z2,
                                            mistakes: [
            .values(error.hadamard(slope),
                    "this is the quadratic loss's δ², (ŷ − t) ⊙ σ′(z²); the cross-entropy's ∂ℓ/∂ŷ is another "
                        + "function of ŷ and t — work it out, then multiply by σ′(z²) and simplify"),
            .values(error.hadamard(slope.map { 1 / $0 }),
                    "this is ∂ℓ/∂ŷ; δ² is the gradient with respect to z², so the chain rule multiplies by σ′(z²)"),
            .values(-1 * error, "the sign is flipped: the loss falls as ŷ moves toward t, so δ² points from t to ŷ"),
            .values((1 / m) * error, "δ² is per example, so no 1/m here; the mean comes in with the gradients (2.5)"),
        ]) { z2 in
            summedCrossEntropy(z2, problem.t)
        })]
    }
}
