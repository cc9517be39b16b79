// Exercise 2.1: the forward pass of a two-layer sigmoid network.

import WorkbookCore

// listing: forward-stub
/// Runs the batch `x` (inputs×batch, one example per column) through `network`.
public func forward(_ network: Network, _ x: Matrix) -> ForwardPass {
    precondition(x.rows == network.W1.columns, "x must have one row per input (\(network.W1.columns))")
    // TODO(2.1): Compute z¹, a¹, z², a² for every column of x. Then delete the next lines.
    let hidden = Matrix(rows: network.W1.rows, columns: x.columns)
    let output = Matrix(rows: network.W2.rows, columns: x.columns)
    return notStarted("2.1", returning: ForwardPass(z1: hidden, a1: hidden, z2: output, a2: output))
}
// end listing
