// Exercise 2.1: the forward pass of a two-layer sigmoid network.

import WorkbookCore

// listing: forward
/// Runs the batch `x` (inputs×batch, one example per column) through `network`.
public func forward(_ network: Network, _ x: Matrix) -> ForwardPass {
    precondition(x.rows == network.W1.columns, "x must have one row per input (\(network.W1.columns))")
    let z1 = (network.W1 * x).addingToEachColumn(network.b1)
    let a1 = sigmoid(z1)
    let z2 = (network.W2 * a1).addingToEachColumn(network.b2)
    let a2 = sigmoid(z2)
    return ForwardPass(z1: z1, a1: a1, z2: z2, a2: a2)
}
// end listing
