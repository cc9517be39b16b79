// Exercise 2.8: the output delta of sigmoid outputs with the binary cross-entropy loss.

import WorkbookCore

/// δ² for the binary cross-entropy: ŷ − t, since ∂ℓ/∂ŷ = (ŷ − t)/(ŷ(1 − ŷ)) and σ′(z²) = ŷ(1 − ŷ) cancel.
public func crossEntropyOutputDelta(_ pass: ForwardPass, _ t: Matrix) -> Matrix {
    pass.a2 - t
}
