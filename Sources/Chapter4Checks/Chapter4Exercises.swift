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
                "Where in split.pixels does example e's image start, and where does it go in x?",
                "Row j of x is image examples[j]: its imageSize pixels start at examples[j] × imageSize, each "
                    + "scaled from 0–255 to 0–1. Row j of t is all 0 but a 1 in the column of the label — and nothing "
                    + "may stay from the last batch.",
                "x[j, p] = Double(pixel) / 255 for every pixel p, zeros included; `t.setZero()`, then t[j, label] "
                    + "= 1.",
            ],
            check: { generator in checkFillBatch({ fillBatch(x: &$0, t: &$1, from: $2, examples: $3) }, using: &generator) }),
        Exercise(
            id: "4.2", title: "The batched forward pass", points: 2,
            file: "Exercises/Chapter4/BatchedForward.swift", symbol: "`forward(_:_:into:)`",
            hints: [
                "Chapter 2's z¹ = W¹x has one example per column. With one example per row, which product gives "
                    + "z¹ as m×hidden?",
                "Transpose Chapter 2's product: (W¹X)ᵀ = X(W¹)ᵀ. The bias is then added to every row, and σ "
                    + "applies entry by entry.",
                "`Matrix.multiply(x, transposing: network.W1, into: &workspace.z1)`, "
                    + "`workspace.z1.addToEachRow(network.b1)`, `workspace.a1.assign(workspace.z1, sigmoid)`; the same "
                    + "for layer 2 from a1.",
            ],
            check: { generator in checkBatchedForward({ forward($0, $1, into: &$2) }, using: &generator) }),
        Exercise(
            id: "4.3", title: "The batched backward pass", points: 3,
            file: "Exercises/Chapter4/BatchedBackward.swift", symbol: "`backward(_:_:_:)`",
            hints: [
                "Chapter 2's formulas have one example per column. What happens to each product when every matrix "
                    + "in it is transposed?",
                "(AB)ᵀ = BᵀAᵀ: the transposes move to the other side, and a sum over the examples becomes a sum "
                    + "over rows (`columnSums`).",
                "δ¹ = (δ²W²) ⊙ σ′(z¹); ∂L/∂W² = (1/m)(δ²)ᵀa¹; ∂L/∂b² = (1/m) × the column sums of δ²; the same "
                    + "for layer 1 with δ¹ and X.",
                "`Matrix.multiply(transposing: workspace.delta2, workspace.a1, into: &workspace.gradients.dW2, "
                    + "scaledBy: 1 / m)` for a weight gradient; `columnSums(into:)`, then `scale(by: 1 / m)`, for a "
                    + "bias.",
            ],
            check: { generator in checkBatchedBackward({ backward($0, $1, &$2) }, using: &generator) }),
        Exercise(
            id: "4.4", title: "One epoch of shuffled mini-batch SGD", points: 2,
            file: "Exercises/Chapter4/Epoch.swift", symbol: "`trainEpoch(_:examples:of:x:t:using:step:)`",
            hints: [
                "Which examples go into which batch, and where does the randomness come from?",
                "Shuffle a copy of the examples with the generator passed in (inout, so that the next epoch gets "
                    + "a new order), then take consecutive full batches of x.rows examples.",
                "`var order = examples; order.shuffle(using: &generator)`; `for start in stride(from: 0, through: "
                    + "order.count - batchSize, by: batchSize)` fills and steps each full batch; return the total loss "
                    + "over the number of batches.",
            ],
            check: { generator in
                checkTrainEpoch({ trainEpoch(&$0, examples: $1, of: $2, x: &$3, t: &$4, using: &$5, step: $6) },
                                using: &generator)
            }),
        Exercise(
            id: "4.5", title: "Predictions and the confusion matrix", points: 1,
            file: "Exercises/Chapter4/Evaluation.swift", symbol: "`predictedDigits(_:)` and `confusionMatrix(predicted:actual:classes:)`",
            hints: [
                "Which of a row's ten outputs is the network's answer?",
                "The prediction is the column (digit) of the row's largest output, whatever its sign; the "
                    + "confusion matrix counts, for each actual digit (row), how often each digit was predicted "
                    + "(column).",
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
                "What happens to e^z for z = 1000, or z = −1000? And does adding one constant to a whole row "
                    + "change its softmax?",
                "It does not: subtract each row's own largest entry before exponentiating. For δ², differentiate "
                    + "−Σₖ tₖ log ŷₖ through the softmax; what is left when t is one-hot, so that Σₖ tₖ = 1?",
                "softmax(z)ₖ = e^{zₖ − max z} / Σᵢ e^{zᵢ − max z}; with a one-hot t, ∂(−Σ t log softmax(z))/∂z = "
                    + "softmax(z) − t, so δ² = ŷ − t, entry by entry.",
            ],
            check: { generator in
                checkSoftmax(softmax: { softmaxRows($0, into: &$1) }, delta: { crossEntropyDelta($0, $1, into: &$2) },
                             using: &generator)
            }),
        Exercise(
            id: "4.7", title: "Going further: L2 weight decay", points: 2,
            file: "Exercises/Chapter4/WeightDecay.swift", symbol: "`weightDecayPenalty(_:lambda:trainingSetSize:)` and "
                + "`addWeightDecay(to:_:lambda:trainingSetSize:)`",
            hints: [
                "The penalty is a sum of squares of weights, each weight appearing once. How does the sum change "
                    + "when one weight w changes a little? Do the biases appear in it?",
                "Differentiate (λ/2n) w² with respect to w: the exponent comes down and meets the ½. Each weight's "
                    + "gradient gains a term proportional to that weight; a bias's gradient gains nothing.",
                "penalty = λ/(2n) · Σ w² over W¹ and W²; dW1 += (λ/n) W1 and dW2 += (λ/n) W2; dB1 and dB2 stay.",
            ],
            check: { generator in
                checkWeightDecay(penalty: { weightDecayPenalty($0, lambda: $1, trainingSetSize: $2) },
                                 addDecay: { addWeightDecay(to: &$0, $1, lambda: $2, trainingSetSize: $3) },
                                 using: &generator)
            }),
    ]
)
