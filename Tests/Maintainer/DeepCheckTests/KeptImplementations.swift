// Implementations kept beside the tests, never in Exercises/: classic wrong answers
// each Chapter 5 check must catch, and right answers written differently from the
// reference, which each check must accept. They use only the given code of Chapter 5,
// never an exercise's function, since these tests also run on the stubs.

import Chapter5
import Chapter5Checks
import Foundation
import WorkbookCore

enum Kept {
    // MARK: 5.1

    static func value(_ f: Activation, _ z: Double) -> Double {
        switch f {
        case .sigmoid: 1 / (1 + exp(-z))
        case .tanh: tanh(z)
        case .relu: max(0, z)
        case .softplus: z > 0 ? z + log(1 + exp(-z)) : log(1 + exp(z))
        case .leakyReLU: max(Activation.leak * z, z)
        case .identity: z
        }
    }

    static func slope(_ f: Activation, _ z: Double) -> Double {
        switch f {
        case .sigmoid: value(f, z) * (1 - value(f, z))
        case .tanh: 1 - tanh(z) * tanh(z)
        case .relu: z > 0 ? 1 : 0
        case .softplus: value(.sigmoid, z)
        case .leakyReLU: z > 0 ? 1 : Activation.leak
        case .identity: 1
        }
    }

    /// Wrong: σ′ written as a(1 − a) but given z.
    static func sigmoidSlopeOfZ(_ f: Activation, _ z: Double) -> Double { f == .sigmoid ? z * (1 - z) : slope(f, z) }
    /// Wrong: tanh′ written as 1 − a² but given z.
    static func tanhSlopeOfZ(_ f: Activation, _ z: Double) -> Double { f == .tanh ? 1 - z * z : slope(f, z) }
    /// Wrong: tanh′ = 1 − tanh(z).
    static func tanhUnsquared(_ f: Activation, _ z: Double) -> Double { f == .tanh ? 1 - tanh(z) : slope(f, z) }
    /// Wrong: ReLU′ returns ReLU.
    static func reluSlopeIsRelu(_ f: Activation, _ z: Double) -> Double { f == .relu ? max(0, z) : slope(f, z) }
    /// Wrong: the identity's slope is 0.
    static func identitySlopeZero(_ f: Activation, _ z: Double) -> Double { f == .identity ? 0 : slope(f, z) }
    /// Wrong: σ with the exponent's sign flipped.
    static func sigmoidFlipped(_ f: Activation, _ z: Double) -> Double { f == .sigmoid ? 1 / (1 + exp(z)) : value(f, z) }
    /// Wrong: ReLU′(0) is NaN (0/0 from z/|z|).
    static func reluSlopeNaNAtZero(_ f: Activation, _ z: Double) -> Double {
        f == .relu ? (z == 0 ? .nan : (z / abs(z) + 1) / 2) : slope(f, z)
    }

    /// Wrong beyond |z| ≈ 710: σ as eᶻ/(1 + eᶻ) (∞/∞ for z > 709).
    static func sigmoidFromExp(_ f: Activation, _ z: Double) -> Double { f == .sigmoid ? exp(z) / (1 + exp(z)) : value(f, z) }
    /// Wrong beyond |z| ≈ 710: tanh as (eᶻ − e⁻ᶻ)/(eᶻ + e⁻ᶻ).
    static func tanhFromExp(_ f: Activation, _ z: Double) -> Double {
        f == .tanh ? (exp(z) - exp(-z)) / (exp(z) + exp(-z)) : value(f, z)
    }
    /// Wrong beyond |z| ≈ 710: σ′ as e⁻ᶻ/(1 + e⁻ᶻ)² (∞/∞ for z < −709).
    static func sigmoidSlopeFromExp(_ f: Activation, _ z: Double) -> Double {
        f == .sigmoid ? exp(-z) / ((1 + exp(-z)) * (1 + exp(-z))) : slope(f, z)
    }

    /// Right, written differently: σ from tanh, tanh from exponentials.
    static func valueOtherwise(_ f: Activation, _ z: Double) -> Double {
        switch f {
        case .sigmoid: return 0.5 * (1 + tanh(z / 2))
        case .tanh:
            let e = exp(-2 * abs(z))
            return (z < 0 ? -1 : 1) * (1 - e) / (1 + e)
        case .relu: return z < 0 ? 0 : z
        case .softplus: return log1p(exp(-abs(z))) - min(z, 0) + z
        case .leakyReLU: return z < 0 ? z / 100 : z
        case .identity: return z
        }
    }

    /// Right, written differently: σ′ = e⁻ᶻ/(1 + e⁻ᶻ)², tanh′ = 1/cosh², ReLU′(0) = 1.
    static func slopeOtherwise(_ f: Activation, _ z: Double) -> Double {
        switch f {
        case .sigmoid:
            let e = exp(-abs(z))
            return e / ((1 + e) * (1 + e))
        case .tanh: return 1 / pow(cosh(z), 2)
        case .relu: return z >= 0 ? 1 : 0
        case .softplus: return 0.5 * (1 + tanh(z / 2))
        case .leakyReLU: return z >= 0 ? 1 : 0.01
        case .identity: return 1
        }
    }

    /// Wrong beyond z ≈ 710: softplus as log(1 + eᶻ) (log ∞ for z > 709).
    static func softplusNaive(_ f: Activation, _ z: Double) -> Double { f == .softplus ? log(1 + exp(z)) : value(f, z) }
    /// Wrong: softplus written as log(1 + e⁻ᶻ), the sign of z flipped.
    static func softplusFlipped(_ f: Activation, _ z: Double) -> Double {
        f == .softplus ? value(.softplus, -z) : value(f, z)
    }
    /// Wrong: softplus′ written as softplus itself.
    static func softplusSlopeIsSoftplus(_ f: Activation, _ z: Double) -> Double {
        f == .softplus ? value(.softplus, z) : slope(f, z)
    }
    /// Wrong beyond z ≈ 710: softplus′ as eᶻ/(1 + eᶻ).
    static func softplusSlopeFromExp(_ f: Activation, _ z: Double) -> Double {
        f == .softplus ? exp(z) / (1 + exp(z)) : slope(f, z)
    }
    /// Wrong: leaky ReLU′ with the leak left out, which is ReLU′.
    static func leakySlopeWithoutLeak(_ f: Activation, _ z: Double) -> Double {
        f == .leakyReLU ? (z > 0 ? 1 : 0) : slope(f, z)
    }
    /// Wrong: leaky ReLU′ returns leaky ReLU.
    static func leakySlopeIsLeaky(_ f: Activation, _ z: Double) -> Double { f == .leakyReLU ? value(f, z) : slope(f, z) }
    /// Wrong: leaky ReLU′(0) = −1, outside the two sides' slopes (0.01 and 1).
    static func leakySlopeAtZeroOutside(_ f: Activation, _ z: Double) -> Double {
        f == .leakyReLU && z == 0 ? -1 : slope(f, z)
    }

    // MARK: 5.2

    static func forward(_ layer: DenseLayer, _ input: Matrix, _ cache: inout LayerCache) {
        cache.z = input * layer.weights.transposed
        for row in 0 ..< cache.z.rows {
            for column in 0 ..< cache.z.columns { cache.z[row, column] += layer.bias.elements[column] }
        }
        cache.a = cache.z.map { value(layer.activation, $0) }
    }

    static func gradients(_ delta: Matrix, _ input: Matrix, _ gradients: inout LayerGradients) {
        let m = Double(delta.rows)
        gradients.dW = (1 / m) * (delta.transposed * input)
        gradients.dB = (1 / m) * (Matrix(rows: 1, columns: delta.rows, repeating: 1) * delta)
    }

    static func backpropagate(_ delta: Matrix, _ layer: DenseLayer, _ below: LayerCache, _ activation: Activation,
                              _ deltaBelow: inout Matrix) {
        deltaBelow = (delta * layer.weights).hadamard(below.z.map { slope(activation, $0) })
    }

    /// Wrong: no bias.
    static func forwardWithoutBias(_ layer: DenseLayer, _ input: Matrix, _ cache: inout LayerCache) {
        cache.z = input * layer.weights.transposed
        cache.a = cache.z.map { value(layer.activation, $0) }
    }

    /// Wrong: a = z.
    static func forwardWithoutActivation(_ layer: DenseLayer, _ input: Matrix, _ cache: inout LayerCache) {
        forward(layer, input, &cache)
        cache.a = cache.z
    }

    /// Wrong: z added to what the cache held.
    static func forwardAccumulating(_ layer: DenseLayer, _ input: Matrix, _ cache: inout LayerCache) {
        let old = cache.z
        forward(layer, input, &cache)
        cache.z = cache.z + old
        cache.a = cache.z.map { value(layer.activation, $0) }
    }

    /// Wrong: summed over the batch.
    static func gradientsSummed(_ delta: Matrix, _ input: Matrix, _ gradients: inout LayerGradients) {
        Self.gradients(delta, input, &gradients)
        gradients.dW = Double(delta.rows) * gradients.dW
        gradients.dB = Double(delta.rows) * gradients.dB
    }

    /// Wrong: dW = inputᵀ·δ, inputs×outputs.
    static func gradientsTransposed(_ delta: Matrix, _ input: Matrix, _ gradients: inout LayerGradients) {
        Self.gradients(delta, input, &gradients)
        gradients.dW = (1 / Double(delta.rows)) * (input.transposed * delta)
    }

    /// Wrong: f′ at the layer below's a.
    static func backpropagateSlopeAtA(_ delta: Matrix, _ layer: DenseLayer, _ below: LayerCache,
                                      _ activation: Activation, _ deltaBelow: inout Matrix) {
        deltaBelow = (delta * layer.weights).hadamard(below.a.map { slope(activation, $0) })
    }

    /// Wrong: no slope.
    static func backpropagateWithoutSlope(_ delta: Matrix, _ layer: DenseLayer, _ below: LayerCache,
                                          _ activation: Activation, _ deltaBelow: inout Matrix) {
        deltaBelow = delta * layer.weights
    }

    /// Wrong: this layer's activation's slope instead of the layer below's.
    static func backpropagateOwnSlope(_ delta: Matrix, _ layer: DenseLayer, _ below: LayerCache,
                                      _ activation: Activation, _ deltaBelow: inout Matrix) {
        deltaBelow = (delta * layer.weights).hadamard(below.z.map { slope(layer.activation, $0) })
    }

    /// Right, written differently: the fast products, entry by entry slopes.
    static func forwardFast(_ layer: DenseLayer, _ input: Matrix, _ cache: inout LayerCache) {
        Matrix.multiply(input, transposing: layer.weights, into: &cache.z)
        cache.z.addToEachRow(layer.bias)
        cache.a.assign(cache.z) { value(layer.activation, $0) }
    }

    static func gradientsFast(_ delta: Matrix, _ input: Matrix, _ gradients: inout LayerGradients) {
        Matrix.multiply(transposing: delta, input, into: &gradients.dW, scaledBy: 1 / Double(delta.rows))
        delta.columnSums(into: &gradients.dB)
        gradients.dB.scale(by: 1 / Double(delta.rows))
    }

    static func backpropagateFast(_ delta: Matrix, _ layer: DenseLayer, _ below: LayerCache, _ activation: Activation,
                                  _ deltaBelow: inout Matrix) {
        Matrix.multiply(delta, layer.weights, into: &deltaBelow)
        deltaBelow.combine(with: below.z) { $0 * slopeOtherwise(activation, $1) }
    }

    static var rightLayer: LayerFunctions { LayerFunctions(forward: forward, gradients: gradients, backpropagate: backpropagate) }

    // MARK: 5.3

    static func forwardLoop(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        for l in network.layers.indices { forward(network.layers[l], l == 0 ? x : workspace.caches[l - 1].a, &workspace.caches[l]) }
    }

    static func backwardLoop(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        let last = network.layers.count - 1
        for l in stride(from: last, through: 0, by: -1) {
            if l < last {
                backpropagate(workspace.deltas[l + 1], network.layers[l + 1], workspace.caches[l],
                              network.layers[l].activation, &workspace.deltas[l])
            }
            gradients(workspace.deltas[l], l == 0 ? x : workspace.caches[l - 1].a, &workspace.gradients[l])
        }
    }

    /// Wrong: every layer reads x.
    static func forwardFeedingX(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        for l in network.layers.indices { forward(network.layers[l], x, &workspace.caches[l]) }
    }

    /// Wrong: layer l reads its own cache's a.
    static func forwardOwnCache(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        for l in network.layers.indices { forward(network.layers[l], l == 0 ? x : workspace.caches[l].a, &workspace.caches[l]) }
    }

    /// Wrong: δˡ through Wˡ instead of Wˡ⁺¹.
    static func backwardOwnWeights(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        let last = network.layers.count - 1
        for l in stride(from: last, through: 0, by: -1) {
            if l < last {
                backpropagate(workspace.deltas[l + 1], network.layers[l], workspace.caches[l],
                              network.layers[l].activation, &workspace.deltas[l])
            }
            gradients(workspace.deltas[l], l == 0 ? x : workspace.caches[l - 1].a, &workspace.gradients[l])
        }
    }

    /// Wrong: the gradient of layer l with its own a.
    static func backwardInputOffByOne(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        let last = network.layers.count - 1
        for l in stride(from: last, through: 0, by: -1) {
            if l < last {
                backpropagate(workspace.deltas[l + 1], network.layers[l + 1], workspace.caches[l],
                              network.layers[l].activation, &workspace.deltas[l])
            }
            gradients(workspace.deltas[l], workspace.caches[l].a, &workspace.gradients[l])
        }
    }

    /// Wrong: f′ at a.
    static func backwardSlopeAtA(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        let last = network.layers.count - 1
        for l in stride(from: last, through: 0, by: -1) {
            if l < last {
                backpropagateSlopeAtA(workspace.deltas[l + 1], network.layers[l + 1], workspace.caches[l],
                                      network.layers[l].activation, &workspace.deltas[l])
            }
            gradients(workspace.deltas[l], l == 0 ? x : workspace.caches[l - 1].a, &workspace.gradients[l])
        }
    }

    /// Wrong: layer l reads the z of the layer below instead of its a.
    static func forwardReadingZ(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        for l in network.layers.indices { forward(network.layers[l], l == 0 ? x : workspace.caches[l - 1].z, &workspace.caches[l]) }
    }

    /// Wrong: δˡ takes its slope from the cache of the layer above.
    static func backwardCacheAbove(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        let last = network.layers.count - 1
        for l in stride(from: last, through: 0, by: -1) {
            if l < last {
                backpropagate(workspace.deltas[l + 1], network.layers[l + 1], workspace.caches[l + 1],
                              network.layers[l].activation, &workspace.deltas[l])
            }
            gradients(workspace.deltas[l], l == 0 ? x : workspace.caches[l - 1].a, &workspace.gradients[l])
        }
    }

    /// Wrong: the loop stops before the first layer.
    static func backwardStoppingEarly(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        let last = network.layers.count - 1
        for l in stride(from: last, through: 1, by: -1) {
            backpropagate(workspace.deltas[l], network.layers[l], workspace.caches[l - 1],
                          network.layers[l - 1].activation, &workspace.deltas[l - 1])
            gradients(workspace.deltas[l], workspace.caches[l - 1].a, &workspace.gradients[l])
        }
    }

    /// Wrong: the loop runs upwards.
    static func backwardUpwards(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        let last = network.layers.count - 1
        for l in 0 ... last {
            if l < last {
                backpropagate(workspace.deltas[l + 1], network.layers[l + 1], workspace.caches[l],
                              network.layers[l].activation, &workspace.deltas[l])
            }
            gradients(workspace.deltas[l], l == 0 ? x : workspace.caches[l - 1].a, &workspace.gradients[l])
        }
    }

    /// Right, written differently: every δ first, then every gradient, with the fast products.
    static func backwardInTwoPasses(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        for l in stride(from: network.layers.count - 2, through: 0, by: -1) {
            backpropagateFast(workspace.deltas[l + 1], network.layers[l + 1], workspace.caches[l],
                              network.layers[l].activation, &workspace.deltas[l])
        }
        for l in network.layers.indices {
            gradientsFast(workspace.deltas[l], l == 0 ? x : workspace.caches[l - 1].a, &workspace.gradients[l])
        }
    }

    static func forwardFastLoop(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
        var input = x
        for l in network.layers.indices {
            forwardFast(network.layers[l], input, &workspace.caches[l])
            input = workspace.caches[l].a
        }
    }

    // MARK: 5.4

    static func variance(_ scheme: Initialisation, inputs: Int) -> Double {
        switch scheme {
        case .normal: 1
        case .xavier: 1 / Double(inputs)
        case .he: 2 / Double(inputs)
        }
    }

    static func draw(_ outputs: Int, _ inputs: Int, spread: Double, _ generator: inout SplitMix64) -> Matrix {
        var weights = Matrix(rows: outputs, columns: inputs)
        for index in weights.elements.indices { weights.elements[index] = spread * generator.normal() }
        return weights
    }

    /// Wrong: the variance used as the standard deviation.
    static func initVarianceAsSpread(_ outputs: Int, _ inputs: Int, _ scheme: Initialisation,
                                     _ generator: inout SplitMix64) -> Matrix {
        draw(outputs, inputs, spread: variance(scheme, inputs: inputs), &generator)
    }

    /// Wrong: n is the fan-out.
    static func initFanOut(_ outputs: Int, _ inputs: Int, _ scheme: Initialisation, _ generator: inout SplitMix64) -> Matrix {
        draw(outputs, inputs, spread: variance(scheme, inputs: outputs).squareRoot(), &generator)
    }

    /// Wrong: uniform on ±√Var.
    static func initUniformSpread(_ outputs: Int, _ inputs: Int, _ scheme: Initialisation,
                                  _ generator: inout SplitMix64) -> Matrix {
        let s = variance(scheme, inputs: inputs).squareRoot()
        return Matrix(rows: outputs, columns: inputs, uniformIn: -s, s, using: &generator)
    }

    /// Right, written differently: Glorot and Bengio's normalised initialisation for .xavier.
    static func initGlorot(_ outputs: Int, _ inputs: Int, _ scheme: Initialisation, _ generator: inout SplitMix64) -> Matrix {
        let v = scheme == .xavier ? 2 / Double(inputs + outputs) : variance(scheme, inputs: inputs)
        return draw(outputs, inputs, spread: v.squareRoot(), &generator)
    }

    /// Wrong: N(0, 1) for every scheme.
    static func initAlwaysNormal(_ outputs: Int, _ inputs: Int, _ scheme: Initialisation,
                                 _ generator: inout SplitMix64) -> Matrix {
        draw(outputs, inputs, spread: 1, &generator)
    }

    /// Wrong: a copy of the generator.
    static func initCopiedGenerator(_ outputs: Int, _ inputs: Int, _ scheme: Initialisation,
                                    _ generator: inout SplitMix64) -> Matrix {
        var copy = generator
        return draw(outputs, inputs, spread: variance(scheme, inputs: inputs).squareRoot(), &copy)
    }

    /// Wrong: the system's random numbers.
    static func initSystemRandom(_ outputs: Int, _ inputs: Int, _ scheme: Initialisation,
                                 _ generator: inout SplitMix64) -> Matrix {
        let s = (3 * variance(scheme, inputs: inputs)).squareRoot()
        return Matrix(rows: outputs, columns: inputs, elements: (0 ..< outputs * inputs).map { _ in Double.random(in: -s ... s) })
    }

    /// Wrong: inputs×outputs.
    static func initTransposed(_ outputs: Int, _ inputs: Int, _ scheme: Initialisation,
                               _ generator: inout SplitMix64) -> Matrix {
        draw(inputs, outputs, spread: variance(scheme, inputs: inputs).squareRoot(), &generator)
    }

    /// Wrong: uniform from 0.
    static func initPositive(_ outputs: Int, _ inputs: Int, _ scheme: Initialisation, _ generator: inout SplitMix64) -> Matrix {
        let s = (3 * variance(scheme, inputs: inputs)).squareRoot()
        return Matrix(rows: outputs, columns: inputs, uniformIn: 0, 2 * s, using: &generator)
    }

    /// Right, written differently: uniform on ±√(3 Var).
    static func initUniform(_ outputs: Int, _ inputs: Int, _ scheme: Initialisation, _ generator: inout SplitMix64) -> Matrix {
        let s = (3 * variance(scheme, inputs: inputs)).squareRoot()
        return Matrix(rows: outputs, columns: inputs, uniformIn: -s, s, using: &generator)
    }

    // MARK: 5.5

    typealias Step = (inout DeepNetwork, inout [LayerGradients], Matrix, Matrix, Double, Double, inout DeepWorkspace) -> Double

    /// A momentum step; `update` moves one layer's parameters given its gradients.
    static func step(_ update: @escaping (inout DenseLayer, inout LayerGradients, LayerGradients, Int, Int, Double, Double) -> Void)
        -> Step {
        { network, velocity, x, t, eta, mu, workspace in
            forwardLoop(network, x, &workspace)
            let loss = softmaxCrossEntropy(&workspace, targets: t)
            backwardLoop(network, x, &workspace)
            for l in network.layers.indices {
                update(&network.layers[l], &velocity[l], workspace.gradients[l], l, network.layers.count, eta, mu)
            }
            return loss
        }
    }

    static func moveRight(_ layer: inout DenseLayer, _ v: inout LayerGradients, _ g: LayerGradients, eta: Double, mu: Double) {
        v.dW = mu * v.dW - eta * g.dW
        v.dB = mu * v.dB - eta * g.dB
        layer.weights = layer.weights + v.dW
        layer.bias = layer.bias + v.dB
    }

    static var stepRight: Step { step { layer, v, g, _, _, eta, mu in moveRight(&layer, &v, g, eta: eta, mu: mu) } }
    /// Wrong: μ ignored (plain SGD).
    static var stepPlain: Step { step { layer, v, g, _, _, eta, _ in moveRight(&layer, &v, g, eta: eta, mu: 0) } }
    /// Wrong: the velocity reset each step.
    static var stepResetVelocity: Step { step { layer, v, g, _, _, eta, mu in
        v = LayerGradients(dW: v.dW.map { _ in 0 }, dB: v.dB.map { _ in 0 })
        moveRight(&layer, &v, g, eta: eta, mu: mu)
    } }
    /// Wrong: up the gradient.
    static var stepAscending: Step { step { layer, v, g, _, _, eta, mu in moveRight(&layer, &v, g, eta: -eta, mu: mu) } }
    /// Wrong: moved by the old velocity.
    static var stepStaleVelocity: Step { step { layer, v, g, _, _, eta, mu in
        layer.weights = layer.weights + v.dW
        layer.bias = layer.bias + v.dB
        v.dW = mu * v.dW - eta * g.dW
        v.dB = mu * v.dB - eta * g.dB
    } }
    /// Wrong: biases fixed.
    static var stepBiasesFixed: Step { step { layer, v, g, _, _, eta, mu in
        let bias = layer.bias
        moveRight(&layer, &v, g, eta: eta, mu: mu)
        layer.bias = bias
    } }
    /// Wrong: the first layer skipped.
    static var stepSkippingFirst: Step { step { layer, v, g, l, _, eta, mu in
        if l > 0 { moveRight(&layer, &v, g, eta: eta, mu: mu) }
    } }
    /// Wrong: the last layer skipped.
    static var stepSkippingLast: Step { step { layer, v, g, l, count, eta, mu in
        if l < count - 1 { moveRight(&layer, &v, g, eta: eta, mu: mu) }
    } }
    /// Right, written differently: v ← μv + g, w ← w − ηv.
    static var stepOtherForm: Step { step { layer, v, g, _, _, eta, mu in
        v.dW = mu * v.dW + g.dW
        v.dB = mu * v.dB + g.dB
        layer.weights = layer.weights - eta * v.dW
        layer.bias = layer.bias - eta * v.dB
    } }
    /// Wrong: momentum written v ← μv + (1 − μ)∂L/∂w, w ← w − ηv (steps (1 − μ) times too short).
    static var stepDamped: Step { step { layer, v, g, _, _, eta, mu in
        v.dW = mu * v.dW + (1 - mu) * g.dW
        v.dB = mu * v.dB + (1 - mu) * g.dB
        layer.weights = layer.weights - eta * v.dW
        layer.bias = layer.bias - eta * v.dB
    } }
    /// Wrong: each layer moved before its δ is sent down, so the layers below get δs through moved weights.
    static var stepUpdateBeforeDelta: Step { { network, velocity, x, t, eta, mu, workspace in
        forwardLoop(network, x, &workspace)
        let loss = softmaxCrossEntropy(&workspace, targets: t)
        for l in stride(from: network.layers.count - 1, through: 0, by: -1) {
            gradients(workspace.deltas[l], l == 0 ? x : workspace.caches[l - 1].a, &workspace.gradients[l])
            moveRight(&network.layers[l], &velocity[l], workspace.gradients[l], eta: eta, mu: mu)
            if l > 0 {
                backpropagate(workspace.deltas[l], network.layers[l], workspace.caches[l - 1], network.layers[l - 1].activation,
                              &workspace.deltas[l - 1])
            }
        }
        return loss
    } }
    /// Wrong: the loss after the step.
    static var stepLossAfter: Step { { network, velocity, x, t, eta, mu, workspace in
        _ = stepRight(&network, &velocity, x, t, eta, mu, &workspace)
        forwardLoop(network, x, &workspace)
        return softmaxCrossEntropy(&workspace, targets: t)
    } }

    static var loops: (forward: (DeepNetwork, Matrix, inout DeepWorkspace) -> Void,
                       backward: (DeepNetwork, Matrix, inout DeepWorkspace) -> Void) { (forwardLoop, backwardLoop) }
}
