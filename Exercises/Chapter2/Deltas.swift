// Exercises 2.3 and 2.4: the deltas, ∂(loss of one example)/∂z, layer by layer.

import WorkbookCore

// listing: deltas-stub
/// δ² (outputs×batch): column j is the gradient of example j's loss ½‖ŷⱼ − tⱼ‖²
/// with respect to its z², given the forward pass and the targets t.
public func outputDelta(_ pass: ForwardPass, _ t: Matrix) -> Matrix {
    // TODO(2.3): Compute δ². Then delete the next line.
    notStarted("2.3", returning: pass.a2.map { _ in 0 })
}

/// δ¹ (hidden×batch): the same gradient with respect to z¹, given δ², the network
/// and the forward pass.
public func hiddenDelta(_ delta2: Matrix, _ network: Network, _ pass: ForwardPass) -> Matrix {
    // TODO(2.4): Compute δ¹. Then delete the next line.
    notStarted("2.4", returning: pass.z1.map { _ in 0 })
}
// end listing
