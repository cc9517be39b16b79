import Chapter4
import WorkbookCore

/// Chapter 4 and its exercises, each defined once.
public let chapter4 = Chapter(
    number: 4, title: "MNIST", text: "chapters/04-mnist.md", program: "swift run -c release mnist",
    exercises: [
        Exercise(
            id: "4.1", title: "A mini-batch of images and one-hot labels", points: 1,
            file: "Exercises/Chapter4/Batch.swift", symbol: "`fillBatch(x:t:from:examples:)`",
            hints: [
                "Row j of x is image examples[j]: its pixels start at examples[j] × imageSize in split.pixels.",
                "Divide each pixel by 255; zero t, then set t[j, label] = 1.",
            ],
            check: { generator in checkFillBatch({ fillBatch(x: &$0, t: &$1, from: $2, examples: $3) }, using: &generator) }),
        Exercise(
            id: "4.2", title: "The batched forward pass", points: 2,
            file: "Exercises/Chapter4/BatchedForward.swift", symbol: "`forward(_:_:into:)`",
            hints: [
                "With one example per row, Z¹ = X(W¹)ᵀ: `Matrix.multiply(x, transposing: network.W1, into: &workspace.z1)`.",
                "Then `workspace.z1.addToEachRow(network.b1)` and `workspace.a1.assign(workspace.z1, sigmoid)`; "
                    + "the same again for layer 2.",
            ],
            check: { generator in checkBatchedForward({ forward($0, $1, into: &$2) }, using: &generator) }),
        Exercise(
            id: "4.3", title: "The batched backward pass", points: 3,
            file: "Exercises/Chapter4/BatchedBackward.swift", symbol: "`backward(_:_:_:)`",
            hints: [
                "In rows, δ¹ = (δ²W²) ⊙ σ′(z¹) and ∂L/∂W² = (1/m)(δ²)ᵀa¹: the transposes move to the other side.",
                "`Matrix.multiply(transposing: workspace.delta2, workspace.a1, into: &workspace.gradients.dW2, "
                    + "scaledBy: 1 / m)` for a weight gradient; `columnSums(into:)`, then `scale(by: 1 / m)`, for a bias.",
            ],
            check: { generator in checkBatchedBackward({ backward($0, $1, &$2) }, using: &generator) }),
        Exercise(
            id: "4.4", title: "One epoch of shuffled mini-batch SGD", points: 2,
            file: "Exercises/Chapter4/Epoch.swift", symbol: "`trainEpoch(_:examples:of:x:t:using:step:)`",
            hints: [
                "Copy the examples, shuffle the copy with the generator, and walk it in steps of the batch size.",
                "`order.shuffle(using: &generator)`; `for start in stride(from: 0, through: order.count - batchSize, "
                    + "by: batchSize)` fills and steps each full batch.",
            ],
            check: { generator in
                checkTrainEpoch({ trainEpoch(&$0, examples: $1, of: $2, x: &$3, t: &$4, using: &$5, step: $6) },
                                using: &generator)
            }),
        Exercise(
            id: "4.5", title: "Predictions and the confusion matrix", points: 1,
            file: "Exercises/Chapter4/Evaluation.swift", symbol: "`predictedDigits(_:)` and `confusionMatrix(predicted:actual:classes:)`",
            hints: [
                "The prediction for a row is the index of its largest entry.",
                "counts[actual][predicted] += 1 for each pair: the diagonal holds the right answers.",
            ],
            check: { generator in
                checkEvaluation(predict: predictedDigits, confusion: { confusionMatrix(predicted: $0, actual: $1) },
                                using: &generator)
            }),
        Exercise(
            id: "4.6", title: "Going further: softmax and cross-entropy", points: 2,
            file: "Exercises/Chapter4/Softmax.swift", symbol: "`softmaxRows(_:into:)` and `crossEntropyDelta(_:_:into:)`",
            hints: [
                "softmax(z)ₖ = e^{zₖ} / Σᵢ e^{zᵢ}; subtracting the row's largest z first changes nothing but prevents overflow.",
                "With a one-hot t, ∂(−Σ t log softmax(z))/∂z = softmax(z) − t: δ² = ŷ − t, entry by entry.",
            ],
            check: { generator in
                checkSoftmax(softmax: { softmaxRows($0, into: &$1) }, delta: { crossEntropyDelta($0, $1, into: &$2) },
                             using: &generator)
            }),
    ]
)
