// Exercise 5.3: the forward pass through every layer, and the backward loop.

import WorkbookCore

// listing: loops-stub
/// The forward pass through every layer for a batch x (m×inputs, one example per
/// row), keeping each layer's z and a in `workspace.caches`.
public func forward(_ network: DeepNetwork, _ x: Matrix, into workspace: inout DeepWorkspace) {
    // TODO(5.3): Run each layer's forward pass (5.2) on the right input. Then delete the next line.
    notStarted("5.3")
}

/// The backward pass: from the last layer's δ (set by the loss) and the caches of
/// the forward pass, every other layer's δ, then every layer's gradients.
public func backward(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
    // TODO(5.3): Fill workspace.deltas (all but the last) and workspace.gradients with 5.2's functions.
    // Then delete the next line.
    notStarted("5.3")
}
// end listing
