/// What the forward pass computes, kept for the backward pass. Every matrix has
/// one column per example.
public struct ForwardPass: Sendable, Codable {
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
