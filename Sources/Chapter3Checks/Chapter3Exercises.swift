import Chapter3
import WorkbookCore

/// Chapter 3 and its exercises, each defined once.
public let chapter3 = Chapter(
    number: 3, title: "XOR", text: "chapters/03-xor.md", program: "swift run xor --plot xor.svg",
    exercises: [
        Exercise(
            id: "3.1", title: "The XOR data", points: 1,
            file: "Exercises/Chapter3/XorData.swift", symbol: "`xorDataset()`",
            hints: [
                "Four examples, one per column: (0, 0), (0, 1), (1, 0), (1, 1), and their XOR.",
                "`Matrix([[0, 0, 1, 1], [0, 1, 0, 1]])` builds a matrix row by row.",
            ],
            check: { _ in checkXorData(xorDataset) }),
        Exercise(
            id: "3.2", title: "One training step", points: 2,
            file: "Exercises/Chapter3/TrainingStep.swift",
            symbol: "`trainingStep(_:inputs:targets:learningRate:using:)`",
            hints: [
                "Three calls on `functions`: the loss, the gradients, the step. Keep the loss to return.",
                "`let loss = functions.loss(network, x, t)`, then `functions.step(&network, functions.backprop(network, x, t), eta)`.",
            ],
            check: { generator in
                checkTrainingStep({ trainingStep(&$0, inputs: $1, targets: $2, learningRate: $3, using: $4) },
                                  using: &generator)
            }),
        Exercise(
            id: "3.3", title: "The training loop", points: 3,
            file: "Exercises/Chapter3/TrainingLoop.swift",
            symbol: "`train(_:inputs:targets:epochs:learningRate:using:)`",
            hints: [
                "One trainingStep per epoch, appending what it returns.",
                "`for _ in 0 ..< epochs { history.append(trainingStep(&network, …)) }`, then return history.",
            ],
            check: { generator in
                checkTrainingLoop({ train(&$0, inputs: $1, targets: $2, epochs: $3, learningRate: $4, using: $5) },
                                  using: &generator)
            }),
        Exercise(
            id: "3.4", title: "Prediction and accuracy", points: 1,
            file: "Exercises/Chapter3/Prediction.swift", symbol: "`classify(_:)` and `accuracy(of:targets:)`",
            hints: [
                "A sigmoid output is between 0 and 1; at least 0.5 means class 1.",
                "accuracy = (number of predictions equal to their target) / (number of predictions).",
            ],
            check: { generator in
                checkPrediction(classify: classify, accuracy: { accuracy(of: $0, targets: $1) }, using: &generator)
            }),
    ]
)
