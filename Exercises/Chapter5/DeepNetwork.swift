// A network of any depth: a list of layers, each z = a·Wᵀ + b, a = f(z), with one
// example per row as in Chapter 4. Given code: the exercises of Chapter 5 fill in
// the functions that use these types.

import Foundation
import WorkbookCore

/// The function a layer applies to each entry of its z.
public enum Activation: String, CaseIterable, Codable, Sendable {
    /// σ(z) = 1 / (1 + e⁻ᶻ), Chapters 2–4's activation.
    case sigmoid
    /// tanh(z).
    case tanh
    /// ReLU(z) = max(0, z).
    case relu
    /// softplus(z) = log(1 + eᶻ), a ReLU without the kink (Exercise 5.1).
    case softplus
    /// leaky ReLU(z) = z for z > 0 and ``Activation/leak`` · z otherwise (Exercise 5.1).
    case leakyReLU = "leaky-relu"
    /// f(z) = z: the output layer before a softmax.
    case identity

    /// Leaky ReLU's slope on the left of 0, α = 0.01.
    public static let leak = 0.01

    /// Writes f of every entry of `z` into `a` (Exercise 5.1's `value`).
    public func apply(_ z: Matrix, into a: inout Matrix) {
        // One loop per case, so that the compiler can inline `value` for a known f.
        switch self {
        case .sigmoid: a.assign(z) { Activation.sigmoid.value($0) }
        case .tanh: a.assign(z) { Activation.tanh.value($0) }
        case .relu: a.assign(z) { Activation.relu.value($0) }
        case .softplus: a.assign(z) { Activation.softplus.value($0) }
        case .leakyReLU: a.assign(z) { Activation.leakyReLU.value($0) }
        case .identity: a.assign(z) { Activation.identity.value($0) }
        }
    }
}

/// How a layer's weights are drawn before training (Exercise 5.4); biases start at 0.
public enum Initialisation: String, CaseIterable, Codable, Sendable {
    /// Every weight from N(0, 1), whatever the layer's size: the seed material's choice.
    case normal
    /// Xavier (Glorot), for sigmoid and tanh layers.
    case xavier
    /// He, for ReLU layers.
    case he
}

/// One layer: z = a·Wᵀ + b for a batch a with one example per row, then a = f(z).
public struct DenseLayer: Codable, Equatable, Sendable {
    /// The weights W (outputs×inputs), out×in as in every chapter.
    public var weights: Matrix
    /// The biases b (1×outputs), added to every row.
    public var bias: Matrix
    /// The layer's f.
    public var activation: Activation

    public init(weights: Matrix, bias: Matrix, activation: Activation) {
        precondition(bias.shape == Shape(rows: 1, columns: weights.rows), "b must be 1×outputs, one entry per row of W")
        self.weights = weights
        self.bias = bias
        self.activation = activation
    }

    /// The number of inputs (W's columns) and outputs (W's rows).
    public var inputs: Int { weights.columns }
    public var outputs: Int { weights.rows }
}

/// A network of any depth: `layers[0]` reads the input x, `layers[l]` reads the
/// activations of `layers[l - 1]`. The text numbers the layers 1 … L, so layer l
/// of the text is `layers[l - 1]`.
public struct DeepNetwork: Codable, Equatable, Sendable {
    public var layers: [DenseLayer]

    public init(layers: [DenseLayer]) {
        precondition(!layers.isEmpty, "a network needs at least one layer")
        for (below, above) in zip(layers, layers.dropFirst()) {
            precondition(above.inputs == below.outputs, "each layer must read as many inputs as the layer below has outputs")
        }
        self.layers = layers
    }

    /// A fresh network with the given sizes (inputs first, outputs last): `activation`
    /// in every hidden layer, `output` in the last, weights from `initialisation`
    /// (Exercise 5.4) and biases 0.
    public init(sizes: [Int], activation: Activation, output: Activation = .identity, initialisation: Initialisation,
                using generator: inout SplitMix64) {
        precondition(sizes.count >= 2, "sizes lists the inputs and at least one layer")
        var layers = [DenseLayer]()
        for (index, (inputs, outputs)) in zip(sizes, sizes.dropFirst()).enumerated() {
            let weights = initialWeights(outputs: outputs, inputs: inputs, initialisation, using: &generator)
            layers.append(DenseLayer(weights: weights, bias: Matrix(rows: 1, columns: outputs),
                                     activation: index == sizes.count - 2 ? output : activation))
        }
        self.init(layers: layers)
    }

    /// The layer sizes: the inputs, then each layer's outputs.
    public var sizes: [Int] { [layers[0].inputs] + layers.map(\.outputs) }
}

/// What the forward pass keeps of one layer for the backward pass, for a batch of
/// m examples: z and a = f(z), both m×outputs.
public struct LayerCache: Codable, Equatable, Sendable {
    public var z: Matrix
    public var a: Matrix

    public init(z: Matrix, a: Matrix) {
        self.z = z
        self.a = a
    }
}

/// The gradients of the batch's mean loss with respect to one layer's parameters,
/// each with its parameter's shape: dW (outputs×inputs) and dB (1×outputs).
public struct LayerGradients: Codable, Equatable, Sendable {
    public var dW: Matrix
    public var dB: Matrix

    public init(dW: Matrix, dB: Matrix) {
        self.dW = dW
        self.dB = dB
    }

    /// Zeros with the shapes of `layer`'s parameters.
    public init(zeroFor layer: DenseLayer) {
        self.init(dW: Matrix(rows: layer.outputs, columns: layer.inputs), dB: Matrix(rows: 1, columns: layer.outputs))
    }
}

/// Everything one training step writes, allocated once for a batch size: per layer
/// l (`layers[l]`), its cache, its δ = ∂ℓ/∂z (m×outputs, one row per example) and its
/// gradients.
public struct DeepWorkspace: Codable, Equatable, Sendable {
    public var caches: [LayerCache]
    public var deltas: [Matrix]
    public var gradients: [LayerGradients]

    public init(network: DeepNetwork, batchSize m: Int) {
        caches = network.layers.map { LayerCache(z: Matrix(rows: m, columns: $0.outputs), a: Matrix(rows: m, columns: $0.outputs)) }
        deltas = network.layers.map { Matrix(rows: m, columns: $0.outputs) }
        gradients = network.layers.map(LayerGradients.init(zeroFor:))
    }

    /// The network's output for the batch: the last layer's a (m×outputs).
    public var output: Matrix { caches[caches.count - 1].a }
}

extension SplitMix64 {
    /// A draw from the standard normal distribution N(0, 1), by the Box–Muller transform.
    public mutating func normal() -> Double {
        // 1 − u is in (0, 1], so the logarithm is finite.
        let u = 1 - uniform(0, 1), v = uniform(0, 1)
        return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * v)
    }
}
