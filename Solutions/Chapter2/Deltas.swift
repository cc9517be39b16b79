// Exercises 2.3 and 2.4: the deltas, ∂(loss of one example)/∂z, layer by layer.

import WorkbookCore

// listing: deltas
/// δ² = (ŷ − t) ⊙ σ′(z²) (outputs×batch): column j is the gradient of example j's
/// loss ½‖ŷⱼ − tⱼ‖² with respect to its z².
public func outputDelta(_ pass: ForwardPass, _ t: Matrix) -> Matrix {
    (pass.a2 - t).hadamard(sigmoidPrime(pass.z2))
}

/// δ¹ = ((W²)ᵀ δ²) ⊙ σ′(z¹) (hidden×batch): the same gradient with respect to z¹.
public func hiddenDelta(_ delta2: Matrix, _ network: Network, _ pass: ForwardPass) -> Matrix {
    (network.W2.transposed * delta2).hadamard(sigmoidPrime(pass.z1))
}
// end listing
