// The memory a Chapter 4 training step works in, allocated once and reused for every batch.

/// Every matrix one training step writes, sized for one network and one batch
/// size, with **one example per row**: the batch X is m×784.
public struct Workspace: Sendable, Codable {
    /// z¹ = X(W¹)ᵀ + b¹ and a¹ = σ(z¹), m×hidden.
    public var z1, a1: Matrix
    /// z² = a¹(W²)ᵀ + b² and the output a² = ŷ, m×outputs.
    public var z2, a2: Matrix
    /// δ² (m×outputs) and δ¹ (m×hidden): the gradient of each example's loss with respect to its z.
    public var delta2, delta1: Matrix
    /// The gradients of the batch's mean loss, each with its parameter's shape.
    public var gradients: Gradients

    public init(network: Network, batchSize m: Int) {
        let (_, hidden, outputs) = network.sizes
        z1 = Matrix(rows: m, columns: hidden)
        a1 = z1
        delta1 = z1
        z2 = Matrix(rows: m, columns: outputs)
        a2 = z2
        delta2 = z2
        gradients = Gradients(zeroFor: network)
    }
}
