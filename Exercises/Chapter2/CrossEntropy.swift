// Exercise 2.8: the output delta of sigmoid outputs with the binary cross-entropy loss.

import WorkbookCore

// listing: cross-entropy-delta-stub
/// δ² (outputs×batch) when the loss is the binary cross-entropy of the sigmoid
/// outputs ŷ = σ(z²) (chapters/02-two-layer-net.md defines it) instead of ½‖ŷ − t‖²:
/// column j is the gradient of example j's loss with respect to its z², given the
/// forward pass and the targets t (outputs×batch, each in [0, 1]).
public func crossEntropyOutputDelta(_ pass: ForwardPass, _ t: Matrix) -> Matrix {
    // TODO(2.8): Compute δ² for the cross-entropy loss. Then delete the next line.
    notStarted("2.8", returning: pass.a2.map { _ in 0 })
}
// end listing
