import Chapter2
import WorkbookCore

/// Chapter 2 and its exercises, each defined once.
public let chapter2 = Chapter(
    number: 2, title: "A two-layer sigmoid network", text: "chapters/02-two-layer-net.md",
    program: "swift run two-layer-net",
    exercises: [
        Exercise(
            id: "2.1", title: "The forward pass", points: 2,
            file: "Exercises/Chapter2/ForwardPass.swift", symbol: "`forward(_:_:)`",
            hints: [
                "What does each layer do to its input? Write z¹, a¹, z² and a² with their shapes, for x of "
                    + "inputs×batch.",
                "Each layer is z = W·input + b, then a = σ(z), entry by entry; the input of layer 2 is a¹, and b "
                    + "is added to every column (every example).",
                "`network.W1 * x`, `.addingToEachColumn(network.b1)` and `sigmoid(_:)` (chapters/toolbox.md); the "
                    + "same for layer 2 from a¹.",
            ],
            check: { generator in checkForward(forward, using: &generator) }),
        Exercise(
            id: "2.2", title: "The quadratic loss", points: 1,
            file: "Exercises/Chapter2/Loss.swift", symbol: "`quadraticLoss(_:_:)`",
            hints: [
                "What is the loss of one example, and how do the examples' losses make L?",
                "One example's loss is half the squared length of its error, the column ŷⱼ − tⱼ; L is their mean "
                    + "over the m examples — m is the number of columns, not of entries.",
                "L = (1/m) Σⱼ ½‖ŷⱼ − tⱼ‖²: square every entry of ŷ − t, add them all, halve, and divide by m = "
                    + "yHat.columns.",
            ],
            check: { generator in checkLoss(quadraticLoss, using: &generator) }),
        Exercise(
            id: "2.3", title: "The output delta δ²", points: 2,
            file: "Exercises/Chapter2/Deltas.swift", symbol: "`outputDelta(_:_:)`",
            hints: [
                "The loss depends on z² only through ŷ = σ(z²). Which two derivatives does the chain rule "
                    + "multiply?",
                "∂(½‖ŷ − t‖²)/∂ŷ is ŷ − t, and ∂ŷ/∂z² is the sigmoid's derivative at z², entry by entry (Chapter 2, “The backward pass, for one example”).",
                "δ² = (ŷ − t) ⊙ σ′(z²), a product entry by entry (`hadamard`); `sigmoidPrime` takes z, not σ(z).",
            ],
            check: { generator in checkOutputDelta(outputDelta, using: &generator) }),
        Exercise(
            id: "2.4", title: "The hidden delta δ¹", points: 2,
            file: "Exercises/Chapter2/Deltas.swift", symbol: "`hiddenDelta(_:_:_:)`",
            hints: [
                "Hidden unit i feeds every output k, through the weight W²ₖᵢ. How does a change in a¹ᵢ reach the "
                    + "loss?",
                "Through every output: Σₖ W²ₖᵢ δ²ₖ, which is a product with W² transposed. Then a¹ depends on z¹ "
                    + "through σ, as ŷ did on z².",
                "δ¹ = ((W²)ᵀ δ²) ⊙ σ′(z¹).",
            ],
            check: { generator in checkHiddenDelta(hiddenDelta, using: &generator) }),
        Exercise(
            id: "2.5", title: "The parameter gradients", points: 3,
            file: "Exercises/Chapter2/ParameterGradients.swift", symbol: "`parameterGradients(delta1:delta2:x:pass:)`",
            hints: [
                "What shape must each gradient have? dW2 has W²'s shape, outputs×hidden: which product of δ² "
                    + "(outputs×batch) and a¹ (hidden×batch) has that shape?",
                "For one example, ∂loss/∂W² is δ² times that layer's input transposed, and ∂loss/∂b² is δ² "
                    + "itself; L is the mean over the batch, so sum over the examples and divide by m.",
                "dW2 = (1/m) δ²(a¹)ᵀ, dB2 = (1/m) Σⱼ δ²ⱼ (`rowSums()`), dW1 = (1/m) δ¹xᵀ, dB1 = (1/m) Σⱼ δ¹ⱼ.",
            ],
            check: { generator in
                checkParameterGradients({ parameterGradients(delta1: $0, delta2: $1, x: $2, pass: $3) },
                                        using: &generator)
            }),
        Exercise(
            id: "2.6", title: "One step of gradient descent", points: 1,
            file: "Exercises/Chapter2/GradientDescent.swift", symbol: "`gradientDescentStep(_:_:learningRate:)`",
            hints: [
                "To lower the loss, which way does each parameter move, and how far?",
                "Against its gradient, by η times it: W ← W − η ∂L/∂W, for every one of the four parameters.",
                "`network.W1 = network.W1 - eta * gradients.dW1`, and the same for b1, W2 and b2.",
            ],
            check: { generator in
                checkGradientDescent({ gradientDescentStep(&$0, $1, learningRate: $2) }, using: &generator)
            }),
        Exercise(
            id: "2.7", title: "A tanh hidden layer", points: 2,
            file: "Exercises/Chapter2/TanhLayer.swift", symbol: "`tanhHiddenDelta(_:_:_:)`",
            hints: [
                "Only one thing changed since 2.4: the function between z¹ and a¹. Which factor of δ¹ does that "
                    + "change, and which stay?",
                "The factor (W²)ᵀδ² is the same as in 2.4; the other is the slope of tanh at z¹. Derive it from "
                    + "tanh = sinh / cosh with the quotient rule, and write it with tanh itself, as σ′ was written "
                    + "with σ.",
                "tanh′(z) = 1 − tanh²(z), and the pass holds tanh(z¹) as a¹: δ¹ = ((W²)ᵀδ²) ⊙ (1 − a¹ ⊙ a¹).",
            ],
            check: { generator in checkTanhHiddenDelta(tanhHiddenDelta, using: &generator) }),
        Exercise(
            id: "2.8", title: "Sigmoid outputs with the cross-entropy loss", points: 2,
            file: "Exercises/Chapter2/CrossEntropy.swift", symbol: "`crossEntropyOutputDelta(_:_:)`",
            hints: [
                "Write one entry's loss as a function of ŷ, and ŷ as a function of z. Which two derivatives does "
                    + "the chain rule multiply, as in 2.3?",
                "Differentiate −[t log ŷ + (1 − t) log(1 − ŷ)] with respect to ŷ and put it over one denominator; "
                    + "then multiply by σ′(z) written with ŷ = σ(z). Something cancels.",
                "∂ℓ/∂ŷ = (ŷ − t) / (ŷ(1 − ŷ)) and σ′(z²) = ŷ(1 − ŷ), so δ² = ŷ − t: `pass.a2 - t`.",
            ],
            check: { generator in checkCrossEntropyOutputDelta(crossEntropyOutputDelta, using: &generator) }),
    ]
)
