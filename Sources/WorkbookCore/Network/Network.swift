/// The parameters of a two-layer network: inputs → hidden → outputs.
///
/// Weights are out×in, so `W1 * x` maps an input column to a hidden column,
/// and biases are columns: W1 is hidden×inputs, b1 hidden×1, W2 outputs×hidden,
/// b2 outputs×1.
public struct Network: Equatable, Sendable, Codable {
    /// The first layer's weights W¹ (hidden×inputs).
    public var W1: Matrix
    /// The first layer's biases b¹ (hidden×1).
    public var b1: Matrix
    /// The second layer's weights W² (outputs×hidden).
    public var W2: Matrix
    /// The second layer's biases b² (outputs×1).
    public var b2: Matrix

    /// A network with the given parameters, whose shapes must fit together.
    public init(W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix) {
        precondition(b1.shape == Shape(rows: W1.rows, columns: 1), "b1 must be a column with one entry per row of W1")
        precondition(W2.columns == W1.rows, "W2 must have one column per hidden unit (row of W1)")
        precondition(b2.shape == Shape(rows: W2.rows, columns: 1), "b2 must be a column with one entry per row of W2")
        self.W1 = W1
        self.b1 = b1
        self.W2 = W2
        self.b2 = b2
    }

    /// A network whose weights and biases are drawn uniformly from −scale ..< scale.
    ///
    /// Random, so that hidden units start different from each other (with equal
    /// weights they would get equal gradients and stay equal forever).
    public init(inputs: Int, hidden: Int, outputs: Int, scale: Double = 1,
                using generator: inout some RandomNumberGenerator) {
        self.init(W1: Matrix(rows: hidden, columns: inputs, uniformIn: -scale, scale, using: &generator),
                  b1: Matrix(rows: hidden, columns: 1, uniformIn: -scale, scale, using: &generator),
                  W2: Matrix(rows: outputs, columns: hidden, uniformIn: -scale, scale, using: &generator),
                  b2: Matrix(rows: outputs, columns: 1, uniformIn: -scale, scale, using: &generator))
    }

    /// The layer sizes: inputs, hidden units, outputs.
    public var sizes: (inputs: Int, hidden: Int, outputs: Int) { (W1.columns, W1.rows, W2.rows) }
}

/// The gradient of the loss with respect to each parameter of a ``Network``,
/// each with its parameter's shape.
public struct Gradients: Equatable, Sendable, Codable {
    /// ∂L/∂W¹ (hidden×inputs).
    public var dW1: Matrix
    /// ∂L/∂b¹ (hidden×1).
    public var dB1: Matrix
    /// ∂L/∂W² (outputs×hidden).
    public var dW2: Matrix
    /// ∂L/∂b² (outputs×1).
    public var dB2: Matrix

    public init(dW1: Matrix, dB1: Matrix, dW2: Matrix, dB2: Matrix) {
        self.dW1 = dW1
        self.dB1 = dB1
        self.dW2 = dW2
        self.dB2 = dB2
    }

    /// Zero gradients with the shapes of `network`'s parameters.
    public init(zeroFor network: Network) {
        self.init(dW1: network.W1.map { _ in 0 }, dB1: network.b1.map { _ in 0 },
                  dW2: network.W2.map { _ in 0 }, dB2: network.b2.map { _ in 0 })
    }
}
