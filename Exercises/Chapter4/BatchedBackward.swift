// Exercise 4.3: the backward pass for a batch with one example per row.

import WorkbookCore

// listing: batched-backward-stub
/// Chapter 2's backward pass for a batch with one example per row: from δ²
/// (m×outputs, set by the cost) and the forward pass in `workspace`, δ¹ (m×hidden)
/// and the gradients of the batch's mean loss, each with its parameter's shape.
public func backward(_ network: Network, _ x: Matrix, _ workspace: inout Workspace) {
    // TODO(4.3): Fill delta1 and the four gradients of the workspace. Then delete the next line.
    notStarted("4.3")
}
// end listing
