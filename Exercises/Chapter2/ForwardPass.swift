// Exercise 2.1: the forward pass of a two-layer sigmoid network.

import WorkbookCore

/// What the forward pass computes, kept for the backward pass. Every matrix has
/// one column per example.
public struct ForwardPass: Sendable {
    /// z¹ = W¹x + b¹ (hidden×batch).
    public var z1: Matrix
    /// a¹ = σ(z¹) (hidden×batch).
    public var a1: Matrix
    /// z² = W²a¹ + b² (outputs×batch).
    public var z2: Matrix
    /// ŷ = a² = σ(z²) (outputs×batch).
    public var a2: Matrix

    public init(z1: Matrix, a1: Matrix, z2: Matrix, a2: Matrix) {
        self.z1 = z1
        self.a1 = a1
        self.z2 = z2
        self.a2 = a2
    }
}

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
