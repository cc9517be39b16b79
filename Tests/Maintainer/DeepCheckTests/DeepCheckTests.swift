import Chapter5
import Chapter5Checks
import Testing
import WorkbookCore

/// The Chapter 5 checks themselves: each catches a kept wrong implementation with
/// the right diagnosis, and accepts a right one written differently.
@Suite("Chapter 5 checks")
struct DeepCheckTests {
    typealias Slope = (Activation, Double) -> Double

    func activations(value: @escaping Slope = Kept.value, slope: @escaping Slope = Kept.slope)
        -> (inout SplitMix64) -> Verdict {
        { generator in checkActivations(value: value, derivative: slope, using: &generator) }
    }

    @Test("5.1 check catches slopes computed as if z were a, and other wrong slopes and values")
    func activationMistakes() {
        expectCaught(saying: "z(1 − z) is not σ′(z): u(1 − u) is σ′ in terms of σ's output", activations(slope: Kept.sigmoidSlopeOfZ))
        expectCaught(saying: "1 − z² is not tanh′(z): 1 − u² is tanh′ in terms of tanh's output",
                     activations(slope: Kept.tanhSlopeOfZ))
        expectCaught(saying: "the square is missing: tanh(z) where tanh(z)² belongs", activations(slope: Kept.tanhUnsquared))
        expectCaught(saying: "ReLU(z) was used where its derivative ReLU′(z) belongs", activations(slope: Kept.reluSlopeIsRelu))
        expectCaught(saying: "every entry is 0 where identity′(z) belongs", activations(slope: Kept.identitySlopeZero))
        expectCaught(saying: "the sign of z inside σ is flipped", activations(value: Kept.sigmoidFlipped))
        expectCaught(saying: "ReLU has no slope at 0", activations(slope: Kept.reluSlopeNaNAtZero))
    }

    @Test("5.1 check names an activation built from exponentials that overflow beyond |z| ≈ 710")
    func activationOverflow() {
        expectCaught(saying: "σ(z): σ is NaN or ∞ where z > 709", activations(value: Kept.sigmoidFromExp))
        expectCaught(saying: "tanh(z): tanh is NaN or ∞ where |z| > 709", activations(value: Kept.tanhFromExp))
        expectCaught(saying: "σ′(z): σ′ is NaN or ∞ where z < −709", activations(slope: Kept.sigmoidSlopeFromExp))
        expectCaught(saying: "softplus(z): softplus is NaN or ∞ where z > 709", activations(value: Kept.softplusNaive))
        expectCaught(saying: "softplus′(z): softplus′ is NaN or ∞ where z > 709", activations(slope: Kept.softplusSlopeFromExp))
    }

    @Test("5.1 check names softplus and leaky ReLU written wrong, with the cause")
    func newActivationMistakes() {
        expectCaught(saying: "the sign of z inside softplus is flipped", activations(value: Kept.softplusFlipped))
        expectCaught(saying: "softplus(z) was used where its derivative softplus′(z) belongs",
                     activations(slope: Kept.softplusSlopeIsSoftplus))
        expectCaught(saying: "ReLU′ was used where leaky ReLU′ belongs", activations(slope: Kept.leakySlopeWithoutLeak))
        expectCaught(saying: "leaky ReLU(z) was used where its derivative leaky ReLU′(z) belongs",
                     activations(slope: Kept.leakySlopeIsLeaky))
        expectCaught(saying: "leaky ReLU has no slope at 0", activations(slope: Kept.leakySlopeAtZeroOutside))
    }

    @Test("5.1 check accepts σ from tanh, tanh from exponentials and ReLU′(0) = 1")
    func activationsOtherwise() {
        expectAccepted(activations(value: Kept.valueOtherwise, slope: Kept.slopeOtherwise))
        expectAccepted(activations())
    }

    func layer(forward: @escaping (DenseLayer, Matrix, inout LayerCache) -> Void = Kept.forward,
               gradients: @escaping (Matrix, Matrix, inout LayerGradients) -> Void = Kept.gradients,
               backpropagate: @escaping (Matrix, DenseLayer, LayerCache, Activation, inout Matrix) -> Void = Kept.backpropagate)
        -> (inout SplitMix64) -> Verdict {
        { generator in
            checkLayer(LayerFunctions(forward: forward, gradients: gradients, backpropagate: backpropagate), using: &generator)
        }
    }

    @Test("5.2 check catches a layer without bias or activation, or accumulating")
    func layerForward() {
        expectCaught(saying: "the bias bˡ is missing", layer(forward: Kept.forwardWithoutBias))
        expectCaught(saying: "fˡ is missing: zˡ where fˡ(zˡ) belongs", layer(forward: Kept.forwardWithoutActivation))
        expectCaught(saying: "the zˡ the cache held was added to", layer(forward: Kept.forwardAccumulating))
    }

    @Test("5.2 check catches summed and transposed gradients, and δ below with the wrong slope")
    func layerBackward() {
        expectCaught(saying: "the division by the number of examples m", layer(gradients: Kept.gradientsSummed))
        expectCaught(saying: "it is transposed", layer(gradients: Kept.gradientsTransposed))
        expectCaught(saying: "fˡ⁻¹′ was taken at aˡ⁻¹ = fˡ⁻¹(zˡ⁻¹) instead of zˡ⁻¹", layer(backpropagate: Kept.backpropagateSlopeAtA))
        expectCaught(saying: "the factor fˡ⁻¹′(zˡ⁻¹) is missing", layer(backpropagate: Kept.backpropagateWithoutSlope))
        expectCaught(saying: "fˡ′ was used where fˡ⁻¹′ belongs", layer(backpropagate: Kept.backpropagateOwnSlope))
    }

    @Test("5.2 check accepts the fast products and a slope written as 1/cosh²")
    func layerOtherwise() {
        expectAccepted(layer(forward: Kept.forwardFast, gradients: Kept.gradientsFast, backpropagate: Kept.backpropagateFast))
    }

    func loops(forward: @escaping (DeepNetwork, Matrix, inout DeepWorkspace) -> Void = Kept.forwardLoop,
               backward: @escaping (DeepNetwork, Matrix, inout DeepWorkspace) -> Void = Kept.backwardLoop)
        -> (inout SplitMix64) -> Verdict {
        { generator in checkLoops(forward: forward, backward: backward, layer: Kept.rightLayer, using: &generator) }
    }

    @Test("5.3 check catches a forward loop that feeds x, the layer's own cache or the z below to every layer")
    func forwardLoopMistakes() {
        expectCaught(saying: "x was used where a¹ belongs", loops(forward: Kept.forwardFeedingX))
        expectCaught(saying: "the a² the workspace held was used where a¹ belongs", loops(forward: Kept.forwardOwnCache))
        expectCaught(saying: "z²: z¹ was used where a¹ belongs", loops(forward: Kept.forwardReadingZ))
    }

    @Test("5.3 check catches δ through the wrong layer's weights, an input off by one, f′ at a, a loop that stops early or runs upwards, the cache of the layer above")
    func backwardLoopMistakes() {
        expectCaught(saying: "W² was used where W³ belongs", loops(backward: Kept.backwardOwnWeights))
        expectCaught(saying: "a¹ was used where x belongs", loops(backward: Kept.backwardInputOffByOne))
        expectCaught(saying: "f²′ was taken at a² = f²(z²) instead of z²", loops(backward: Kept.backwardSlopeAtA))
        expectCaught(saying: "the dW¹ the workspace held was used where", loops(backward: Kept.backwardStoppingEarly))
        expectCaught(saying: "the δ² the workspace held was used where δ² belongs", loops(backward: Kept.backwardUpwards))
        // Layer 3 is the identity, so its a³ is its z³: the diagnosis names the first.
        expectCaught(saying: "δ²: a³ was used where z² belongs", loops(backward: Kept.backwardCacheAbove))
    }

    @Test("5.3 check blames a wrong 5.2 layer when the loops fail through it")
    func loopsBlameTheLayer() {
        let wrongLayer = LayerFunctions(forward: Kept.forward, gradients: Kept.gradients,
                                        backpropagate: Kept.backpropagateSlopeAtA)
        let backward: (DeepNetwork, Matrix, inout DeepWorkspace) -> Void = { network, x, workspace in
            let last = network.layers.count - 1
            for l in stride(from: last, through: 0, by: -1) {
                if l < last {
                    wrongLayer.backpropagate(workspace.deltas[l + 1], network.layers[l + 1], workspace.caches[l],
                                             network.layers[l].activation, &workspace.deltas[l])
                }
                wrongLayer.gradients(workspace.deltas[l], l == 0 ? x : workspace.caches[l - 1].a, &workspace.gradients[l])
            }
        }
        expectCaught(saying: "Exercise 5.2 functions do not pass") { generator in
            checkLoops(forward: Kept.forwardLoop, backward: backward, layer: wrongLayer, using: &generator)
        }
    }

    @Test("5.3 check accepts every δ first and then every gradient, with the fast products")
    func loopsOtherwise() {
        expectAccepted(loops(forward: Kept.forwardFastLoop, backward: Kept.backwardInTwoPasses))
        expectAccepted(loops())
    }

    func initialisation(_ draw: @escaping (Int, Int, Initialisation, inout SplitMix64) -> Matrix)
        -> (inout SplitMix64) -> Verdict {
        { generator in checkInitialisation(draw, using: &generator) }
    }

    @Test("5.4 check catches a variance used as a spread, the fan-out, a uniform ±√Var, N(0, 1) everywhere")
    func initialisationVariance() {
        expectCaught(saying: "used as the standard deviation", initialisation(Kept.initVarianceAsSpread))
        expectCaught(saying: "number of outputs", initialisation(Kept.initFanOut))
        expectCaught(saying: "variance s²/3", initialisation(Kept.initUniformSpread))
        expectCaught(saying: "this is N(0, 1)", initialisation(Kept.initAlwaysNormal))
    }

    @Test("5.4 check catches a copied generator, the system's randomness, a transposed matrix and positive weights")
    func initialisationGenerator() {
        expectCaught(saying: "copy of the generator", initialisation(Kept.initCopiedGenerator))
        expectCaught(saying: "from the generator passed in", initialisation(Kept.initSystemRandom))
        expectCaught(saying: "it is transposed", initialisation(Kept.initTransposed))
        expectCaught(saying: "mean 0", initialisation(Kept.initPositive))
    }

    @Test("5.4 check accepts uniform weights with the scheme's variance, and Glorot and Bengio's own variance for .xavier")
    func initialisationOtherwise() {
        expectAccepted(initialisation(Kept.initUniform))
        expectAccepted(initialisation(Kept.initGlorot))
    }

    func training(_ step: @escaping Kept.Step) -> (inout SplitMix64) -> Verdict {
        { generator in checkTrainingStep(step, loops: Kept.loops, using: &generator) }
    }

    @Test("5.5 check catches plain steps, a reset velocity, ascent, a stale velocity, fixed biases, skipped layers, a damped velocity and an update before the δ is sent down")
    func trainingStepMistakes() {
        expectCaught(saying: "the term μ·v is missing", training(Kept.stepPlain))
        expectCaught(saying: "the term μ·v is missing", training(Kept.stepResetVelocity))
        expectCaught(saying: "is added where it should be subtracted", training(Kept.stepAscending))
        expectCaught(saying: "of the step before was used where ∂L/∂W", training(Kept.stepStaleVelocity))
        expectCaught(saying: "b¹: the term μ·v − η·∂L/∂b¹ is missing", training(Kept.stepBiasesFixed))
        expectCaught(saying: "W¹: the term μ·v − η·∂L/∂W¹ is missing", training(Kept.stepSkippingFirst))
        expectCaught(saying: "the term μ·v − η·∂L/∂W", training(Kept.stepSkippingLast))
        expectCaught(saying: "a factor (1 − μ) that does not belong", training(Kept.stepDamped))
        expectCaught(saying: "sent down through the moved layers above was used where", training(Kept.stepUpdateBeforeDelta))
        expectCaught(saying: "the loss after the step was used where L belongs", training(Kept.stepLossAfter))
    }

    @Test("5.5 check accepts momentum written as v ← μv + ∂L/∂w, w ← w − ηv")
    func trainingStepOtherwise() {
        expectAccepted(training(Kept.stepOtherForm))
        expectAccepted(training(Kept.stepRight))
    }

    @Test("5.5 check blames a wrong 5.3 loop when the step's parameters match no known mistake")
    func trainingStepBlamesLoops() {
        let wrongLoops: (forward: (DeepNetwork, Matrix, inout DeepWorkspace) -> Void,
                         backward: (DeepNetwork, Matrix, inout DeepWorkspace) -> Void) = (Kept.forwardLoop, Kept.backwardSlopeAtA)
        let stepWithWrongLoops: Kept.Step = { network, velocity, x, t, eta, mu, workspace in
            wrongLoops.forward(network, x, &workspace)
            let loss = softmaxCrossEntropy(&workspace, targets: t)
            wrongLoops.backward(network, x, &workspace)
            for l in network.layers.indices {
                Kept.moveRight(&network.layers[l], &velocity[l], workspace.gradients[l], eta: eta, mu: mu)
            }
            return loss
        }
        expectCaught(saying: "Exercise 5.3") { generator in
            checkTrainingStep(stepWithWrongLoops, loops: wrongLoops, using: &generator)
        }
    }
}

@Suite("Finite differences in the Chapter 5 checks")
struct KinkTests {
    @Test("an entry whose ±h change moves a ReLU unit across its kink is not compared; the others are")
    func entriesAcrossAKinkAreSkipped() {
        // z¹ = w·x + b = 3e-6 for x = 1: a change of ±1e-5 in w or in b moves it across 0.
        // The second input is 0, so its weight moves nothing.
        let hidden = DenseLayer(weights: Matrix(rows: 1, columns: 2, elements: [2e-6, 0.5]),
                                bias: Matrix(rows: 1, columns: 1, elements: [1e-6]), activation: .relu)
        let output = DenseLayer(weights: Matrix(rows: 2, columns: 1, elements: [1, -1]),
                                bias: Matrix(rows: 1, columns: 2, elements: [0, 0]), activation: .identity)
        let problem = DeepProblem(network: DeepNetwork(layers: [hidden, output]),
                                  x: Matrix(rows: 1, columns: 2, elements: [1, 0]),
                                  t: Matrix(rows: 1, columns: 2, elements: [1, 0]))
        #expect(problem.entriesAwayFromKinks(layer: 0, \.weights) == [1])
        #expect(problem.entriesAwayFromKinks(layer: 0, \.bias) == [])
        #expect(problem.entriesAwayFromKinks(layer: 1, \.weights) == [0, 1])
    }
}
