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
                "Each layer is z = W·input + b, then a = σ(z). The input of layer 2 is a¹.",
                "Use `network.W1 * x`, `.addingToEachColumn(network.b1)` and `sigmoid(_:)` from WorkbookCore.",
            ],
            check: { generator in checkForward(forward, using: &generator) }),
        Exercise(
            id: "2.2", title: "The quadratic loss", points: 1,
            file: "Exercises/Chapter2/Loss.swift", symbol: "`quadraticLoss(_:_:)`",
            hints: [
                "Square every entry of ŷ − t, add them all up, halve, and divide by the number of examples.",
                "The number of examples is the number of columns: `yHat.columns`.",
            ],
            check: { generator in checkLoss(quadraticLoss, using: &generator) }),
        Exercise(
            id: "2.3", title: "The output delta δ²", points: 2,
            file: "Exercises/Chapter2/Deltas.swift", symbol: "`outputDelta(_:_:)`",
            hints: [
                "∂(½‖ŷ − t‖²)/∂ŷ = ŷ − t, and ŷ = σ(z²), so multiply entry by entry by σ′(z²).",
                "`(pass.a2 - t).hadamard(sigmoidPrime(pass.z2))` — and sigmoidPrime takes z, not σ(z).",
            ],
            check: { generator in checkOutputDelta(outputDelta, using: &generator) }),
        Exercise(
            id: "2.4", title: "The hidden delta δ¹", points: 2,
            file: "Exercises/Chapter2/Deltas.swift", symbol: "`hiddenDelta(_:_:_:)`",
            hints: [
                "Each hidden unit feeds every output through a column of W²: the gradient flows back through (W²)ᵀ.",
                "`(network.W2.transposed * delta2).hadamard(sigmoidPrime(pass.z1))`.",
            ],
            check: { generator in checkHiddenDelta(hiddenDelta, using: &generator) }),
        Exercise(
            id: "2.5", title: "The parameter gradients", points: 3,
            file: "Exercises/Chapter2/ParameterGradients.swift", symbol: "`parameterGradients(delta1:delta2:x:pass:)`",
            hints: [
                "Each weight gradient is δ times the layer's input, transposed; each bias gradient is δ summed over the "
                    + "batch. Everything is divided by m, because L is a mean.",
                "dW2 = (1/m) δ²(a¹)ᵀ has W²'s shape outputs×hidden; dB2 = (1/m) δ².rowSums() is outputs×1.",
            ],
            check: { generator in
                checkParameterGradients({ parameterGradients(delta1: $0, delta2: $1, x: $2, pass: $3) },
                                        using: &generator)
            }),
        Exercise(
            id: "2.6", title: "One step of gradient descent", points: 1,
            file: "Exercises/Chapter2/GradientDescent.swift", symbol: "`gradientDescentStep(_:_:learningRate:)`",
            hints: [
                "Every parameter moves a little against its gradient.",
                "`network.W1 = network.W1 - eta * gradients.dW1`, and the same for b1, W2 and b2.",
            ],
            check: { generator in
                checkGradientDescent({ gradientDescentStep(&$0, $1, learningRate: $2) }, using: &generator)
            }),
    ]
)
