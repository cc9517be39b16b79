import Chapter5
import WorkbookCore

/// The three functions of Exercise 5.2, as the checks of 5.2 and 5.3 call them.
public struct LayerFunctions {
    public let forward: (DenseLayer, Matrix, inout LayerCache) -> Void
    public let gradients: (Matrix, Matrix, inout LayerGradients) -> Void
    public let backpropagate: (Matrix, DenseLayer, LayerCache, Activation, inout Matrix) -> Void

    public init(forward: @escaping (DenseLayer, Matrix, inout LayerCache) -> Void,
                gradients: @escaping (Matrix, Matrix, inout LayerGradients) -> Void,
                backpropagate: @escaping (Matrix, DenseLayer, LayerCache, Activation, inout Matrix) -> Void) {
        (self.forward, self.gradients, self.backpropagate) = (forward, gradients, backpropagate)
    }
}

/// A random layer, the input it reads, and the problem around it.
private struct LayerProblem {
    let layer: DenseLayer
    /// m×inputs.
    let input: Matrix
    /// A δ for this layer (m×outputs), and a layer below it with its cache.
    let delta: Matrix
    let below: LayerCache
    let belowActivation: Activation

    var description: String {
        "a \(layer.activation.rawValue) layer of \(counted(layer.inputs, "input")) and \(counted(layer.outputs, "output")) with a batch "
            + "of \(input.rows), over a \(belowActivation.rawValue) layer"
    }

    /// Layers whose batch size is none of their sizes (so a product of the wrong
    /// matrices cannot run), first with tanh and sigmoid below (where f′(a) and
    /// f′(z) differ most), one square, then a random one.
    static func all(using generator: inout SplitMix64) -> [LayerProblem] {
        let shapes: [(Int, Int, Int, Activation, Activation)] = [
            (3, 5, 7, .sigmoid, .tanh), (4, 2, 6, .relu, .sigmoid), (4, 4, 4, .tanh, .relu),
            (generator.integer(in: 1 ... 6), generator.integer(in: 1 ... 6), generator.integer(in: 1 ... 6),
             [.sigmoid, .tanh, .relu][generator.integer(in: 0 ... 2)], [.sigmoid, .tanh, .relu][generator.integer(in: 0 ... 2)]),
        ]
        return shapes.map { inputs, outputs, batch, activation, belowActivation in
            let layer = DenseLayer(weights: Matrix(rows: outputs, columns: inputs, uniformIn: -1, 1, using: &generator),
                                   bias: Matrix(rows: 1, columns: outputs, uniformIn: -0.5, 0.5, using: &generator),
                                   activation: activation)
            // The layer below's z: away from ReLU's kink, and its a is the input.
            let z = Matrix(rows: batch, columns: inputs, uniformIn: -2, 2, using: &generator)
                .map { abs($0) < 1e-2 ? $0 + 0.1 : $0 }
            let below = LayerCache(z: z, a: z.map { ReferenceDeepNetwork.value(belowActivation, $0) })
            let delta = Matrix(rows: batch, columns: outputs, uniformIn: -1, 1, using: &generator)
            return LayerProblem(layer: layer, input: below.a, delta: delta, below: below, belowActivation: belowActivation)
        }
    }
}

/// Exercise 5.2: a layer's forward pass against the reference; its gradients against
/// finite differences of (1/m) Σⱼ δⱼ·zⱼ, the loss whose δ is the given one; and the δ it
/// sends down against (δ·W) ⊙ f′(z_below). The buffers hold stale values first, as in
/// training: each must be overwritten.
public func checkLayer(_ functions: LayerFunctions, using generator: inout SplitMix64) -> Verdict {
    let (forward, gradients, backpropagate) = (functions.forward, functions.gradients, functions.backpropagate)
    return checkInOrder(LayerProblem.all(using: &generator), describe: \.description, using: &generator) { problem, generator in
        let layer = problem.layer, input = problem.input, m = Double(input.rows)
        let staleCache = LayerCache(z: Matrix(rows: input.rows, columns: layer.outputs, uniformIn: -1, 1, using: &generator),
                                    a: Matrix(rows: input.rows, columns: layer.outputs, uniformIn: -1, 1, using: &generator))
        let staleGradients = LayerGradients(dW: Matrix(rows: layer.outputs, columns: layer.inputs, uniformIn: -1, 1, using: &generator),
                                            dB: Matrix(rows: 1, columns: layer.outputs, uniformIn: -1, 1, using: &generator))
        let staleDelta = Matrix(rows: input.rows, columns: layer.inputs, uniformIn: -1, 1, using: &generator)
        let cache = learnerCode { () -> LayerCache in
            var cache = staleCache
            forward(layer, input, &cache)
            return cache
        }
        let computed = learnerCode { () -> LayerGradients in
            var computed = staleGradients
            gradients(problem.delta, input, &computed)
            return computed
        }
        let sent = learnerCode { () -> Matrix in
            var sent = staleDelta
            backpropagate(problem.delta, layer, problem.below, problem.belowActivation, &sent)
            return sent
        }
        let expected = ReferenceDeepNetwork.forward(layer, input)
        let f = problem.belowActivation
        let expectedDelta = (problem.delta * layer.weights).hadamard(problem.below.z.map { ReferenceDeepNetwork.slope(f, $0) })
        let quantities = Environment(
            quantities: ["aˡ⁻¹": input, "zˡ⁻¹": problem.below.z, "Wˡ": layer.weights, "bˡ": layer.bias, "zˡ": expected.z,
                         "aˡ": expected.a, "δˡ": problem.delta, "δˡ⁻¹": expectedDelta,
                         "the zˡ the cache held": staleCache.z, "the aˡ the cache held": staleCache.a,
                         "the dW the buffer held": staleGradients.dW, "the dB the buffer held": staleGradients.dB,
                         "the δˡ⁻¹ the buffer held": staleDelta],
            sizes: ["m": (m, "the number of examples"), "nˡ⁻¹": (Double(layer.inputs), "the number of the layer's inputs"),
                    "nˡ": (Double(layer.outputs), "the number of the layer's outputs")],
            functions: ["fˡ": layer.activation.function, "fˡ′": layer.activation.slope,
                        "fˡ⁻¹": f.function, "fˡ⁻¹′": f.slope])
        let computation = { (formula: Formula) in Computation(formula, in: quantities) }
        let forwardReports = [
            GradientCheck.compareValues(name: "zˡ", got: cache.z, expected: expected.z, computation: computation(LayerFormulas.z)),
            GradientCheck.compareValues(name: "aˡ", got: cache.a, expected: expected.a, computation: computation(LayerFormulas.a)),
        ]
        // The loss whose δ is problem.delta: (1/m) Σⱼ δⱼ·zⱼ, a linear function of W and b.
        func linearLoss(_ changed: DenseLayer) -> Double {
            let z = ReferenceDeepNetwork.forward(changed, input).z
            return zip(z.elements, problem.delta.elements).reduce(0) { $0 + $1.0 * $1.1 } / m
        }
        let gradientReports = [
            GradientCheck.compare(name: "dW", analytic: computed.dW, parameter: layer.weights,
                                  computation: computation(LayerFormulas.dW)) { weights in
                var changed = layer
                changed.weights = weights
                return linearLoss(changed)
            },
            GradientCheck.compare(name: "dB", analytic: computed.dB, parameter: layer.bias,
                                  computation: computation(LayerFormulas.dB)) { bias in
                var changed = layer
                changed.bias = bias
                return linearLoss(changed)
            },
        ]
        let deltaReport = GradientCheck.compareValues(name: "δˡ⁻¹", got: sent, expected: expectedDelta,
                                                      computation: computation(LayerFormulas.deltaBelow))
        return forwardReports.map { Verdict.from($0).judging("forward(_:_:into:)") }
            + gradientReports.map { Verdict.from($0).judging("parameterGradients(_:input:into:)") }
            + [Verdict.from(deltaReport).judging("backpropagate(_:through:below:activation:into:)")]
    }
}

/// The computations of one layer l, in the chapter's symbols (one example per row): it reads
/// aˡ⁻¹, the a of the layer below, and is given its δˡ; fˡ is its activation, fˡ⁻¹ the layer below's.
enum LayerFormulas {
    /// zˡ = aˡ⁻¹(Wˡ)ᵀ + bˡ.
    static let z = Formula.addRow(.product(.quantity("aˡ⁻¹"), .transpose(.quantity("Wˡ"))), .quantity("bˡ"))
    /// aˡ = fˡ(zˡ).
    static let a = Formula.elementwise(.variable("fˡ"), .quantity("zˡ"))
    /// dW = (1/m) (δˡ)ᵀaˡ⁻¹.
    static let dW = Formula.quotient(.product(.transpose(.quantity("δˡ")), .quantity("aˡ⁻¹")), .size("m"))
    /// dB = (1/m) Σⱼ δˡⱼ, a row as bˡ is.
    static let dB = Formula.quotient(.columnSums(.quantity("δˡ")), .size("m"))
    /// δˡ⁻¹ = (δˡWˡ) ⊙ fˡ⁻¹′(zˡ⁻¹).
    static let deltaBelow = Formula.hadamard(.product(.quantity("δˡ"), .quantity("Wˡ")),
                                             .elementwise(.variable("fˡ⁻¹′", derivativeOf: "fˡ⁻¹"), .quantity("zˡ⁻¹")))
}
