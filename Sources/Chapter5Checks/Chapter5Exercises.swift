import Chapter5
import WorkbookCore

/// Chapter 5 and its exercises, each defined once.
public let chapter5 = Chapter(
    number: 5, title: "Deep networks", text: "chapters/05-deep-networks.md", program: "swift run -c release deep-mnist",
    exercises: [
        Exercise(
            id: "5.1", title: "Softplus and leaky ReLU", points: 2,
            file: "Exercises/Chapter5/Activations.swift", symbol: "`Activation.value(_:)` and `Activation.derivative(_:)`",
            hints: [
                "Each new case is one function of one number. For softplus's slope, use the chain rule of Chapter 1 "
                    + "on log(1 + u) with u = eᶻ. Leaky ReLU has two sides: what is the slope on each?",
                "Divide the top and bottom of softplus′(z) = eᶻ/(1 + eᶻ) by eᶻ: it is one of the given functions. "
                    + "For large z, log(1 + eᶻ) = z + log(1 + e⁻ᶻ); use that where z > 0 and the definition elsewhere, "
                    + "so that exp only ever sees −|z|.",
                "softplus(z) = max(0, z) + `log1p(exp(-abs(z)))`, and its slope is σ(z), `Activation.sigmoid.value(z)`; "
                    + "leaky ReLU(z) is z for z > 0 and `Activation.leak * z` otherwise, and its slope is 1 for z > 0 "
                    + "and `Activation.leak` otherwise.",
            ],
            check: { generator in
                checkActivations(value: { $0.value($1) }, derivative: { $0.derivative($1) }, using: &generator)
            }),
        Exercise(
            id: "5.2", title: "One layer forward, and its two backward steps", points: 3,
            file: "Exercises/Chapter5/Layer.swift", symbol: "`forward(_:_:into:)`, `parameterGradients(_:input:into:)` "
                + "and `backpropagate(_:through:below:activation:into:)`",
            hints: [
                "These are Chapter 4's batched formulas for one layer, with the layer's own activation. Which "
                    + "matrix of the layer below does δ need, and where is its slope taken?",
                "z = input·Wᵀ + b as in Exercise 4.2. The gradients are Exercise 4.3's for one layer: δ with the "
                    + "input, over m. δ below is δ through W, times the layer below's slope at its z, entry by entry.",
                "z = input·Wᵀ + b, a = f(z) (`layer.activation.apply`); dW = (1/m) δᵀ·input, dB = (1/m) Σⱼ δⱼ "
                    + "(columnSums); δ below = (δ·W) ⊙ f′(z_below), with `activation.derivative` of below.z.",
                "`Matrix.multiply(delta, layer.weights, into: &deltaBelow)`, then `deltaBelow.combine(with: below.z) "
                    + "{ $0 * activation.derivative($1) }`.",
            ],
            check: { generator in checkLayer(learnerLayer, using: &generator) }),
        Exercise(
            id: "5.3", title: "The forward and backward loops", points: 3,
            file: "Exercises/Chapter5/Loops.swift", symbol: "`forward(_:_:into:)` and `backward(_:_:_:)`",
            hints: [
                "Which input does layer l read, and which layer's δ and weights give its δ? In which order must "
                    + "the backward loop visit the layers?",
                "Layer l reads x when l is 0 and the a of layer l − 1 otherwise. Going down from the last layer, "
                    + "δ of layer l comes from the δ and the weights of layer l + 1 and the slope of layer l; the "
                    + "gradients of layer l use its δ and the input it read.",
                "`for l in stride(from: last, through: 0, by: -1)`: unless l is the last, "
                    + "`backpropagate(workspace.deltas[l + 1], through: network.layers[l + 1], below: "
                    + "workspace.caches[l], activation: network.layers[l].activation, into: &workspace.deltas[l])`; "
                    + "then `parameterGradients(workspace.deltas[l], input: l == 0 ? x : workspace.caches[l - 1].a, "
                    + "into: &workspace.gradients[l])`.",
            ],
            check: { generator in
                checkLoops(forward: { forward($0, $1, into: &$2) }, backward: { backward($0, $1, &$2) }, layer: learnerLayer,
                           using: &generator)
            }),
        Exercise(
            id: "5.4", title: "An initialiser for each activation", points: 2,
            file: "Exercises/Chapter5/Initialisation.swift", symbol: "`initialWeights(outputs:inputs:_:using:)`",
            hints: [
                "The chapter derives Var(z) = n·Var(w)·E[a²] for a unit with n inputs. What Var(w) keeps Var(z) "
                    + "the same from layer to layer, for tanh near 0 and for ReLU?",
                "For tanh, a ≈ z near 0, so E[a²] ≈ Var(z). A ReLU passes z where z > 0 and gives 0 elsewhere: "
                    + "for a z symmetric about 0, which share of E[z²] is left in E[a²]? n is the number of inputs, "
                    + "W's columns. N(0, 1) scaled by s has variance s².",
                "Var(w) = 1/n for .xavier, 2/n for .he, 1 for .normal, with n = inputs; each weight is "
                    + "√Var(w) × generator.normal().",
            ],
            check: { generator in checkInitialisation({ initialWeights(outputs: $0, inputs: $1, $2, using: &$3) },
                                                      using: &generator) }),
        Exercise(
            id: "5.5", title: "One training step with momentum", points: 2,
            file: "Exercises/Chapter5/TrainingStep.swift", symbol: "`trainingStep(_:velocity:x:t:learningRate:momentum:workspace:)`",
            hints: [
                "Chapter 4's sgdStep, with your Chapter 5 loops and softmaxCrossEntropy. What does each velocity "
                    + "remember between two steps?",
                "Forward (5.3), then the loss (which sets the last δ), then backward (5.3). Then split the "
                    + "newest term off the sum Δw(k+1): what is left is μ times a sum you have already moved by. "
                    + "What should each velocity hold so that one step can update it, then the parameter?",
                "`velocity[l].dW.scale(by: mu, adding: workspace.gradients[l].dW, scaledBy: -eta)`, then "
                    + "`network.layers[l].weights.subtract(velocity[l].dW, scaledBy: -1)`; the same for dB and the "
                    + "bias, for every l.",
            ],
            check: { generator in
                checkTrainingStep({ trainingStep(&$0, velocity: &$1, x: $2, t: $3, learningRate: $4, momentum: $5, workspace: &$6) },
                                  loops: (forward: { forward($0, $1, into: &$2) }, backward: { backward($0, $1, &$2) }),
                                  using: &generator)
            }),
    ]
)

/// Your Exercise 5.2 functions, which the checks of 5.2 and 5.3 call.
private var learnerLayer: LayerFunctions {
    LayerFunctions(forward: { forward($0, $1, into: &$2) }, gradients: { parameterGradients($0, input: $1, into: &$2) },
                   backpropagate: { backpropagate($0, through: $1, below: $2, activation: $3, into: &$4) })
}
