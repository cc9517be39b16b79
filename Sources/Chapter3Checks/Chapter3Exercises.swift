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
                "XOR has four examples. Which inputs, and what is x₁ XOR x₂ for each?",
                "One example per column: the inputs (2×4) hold (0, 0), (0, 1), (1, 0) and (1, 1) as columns; the "
                    + "targets (1×4) hold their XOR: 0, 1, 1, 0.",
                "`Matrix([[0, 0, 1, 1], [0, 1, 0, 1]])` builds a matrix row by row.",
            ],
            check: { _ in checkXorData(xorDataset) }),
        Exercise(
            id: "3.2", title: "One training step", points: 2,
            file: "Exercises/Chapter3/TrainingStep.swift",
            symbol: "`trainingStep(_:inputs:targets:learningRate:using:)`",
            hints: [
                "`functions` gives you loss, backprop and step. In what order must they run, and which number do "
                    + "you return?",
                "The loss to return is the one from before the step changes the network, so measure it first.",
                "`let loss = functions.loss(network, x, t)`, then `functions.step(&network, "
                    + "functions.backprop(network, x, t), eta)`, then return loss.",
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
                "What does trainingStep return, and how many times must it run?",
                "One trainingStep per epoch, each on the same network (it is inout, so each step starts where the "
                    + "last one ended), recording what it returns.",
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
                "A sigmoid output lies between 0 and 1. Where is the boundary between the classes, and on which "
                    + "side is exactly 0.5?",
                "An output of 0.5 or more is class 1. Accuracy is a fraction from 0 to 1, not a count — and a "
                    + "fraction of two Ints needs Doubles.",
                "classify: `outputs.elements.map { $0 >= 0.5 ? 1 : 0 }`; accuracy: Double(number right) / "
                    + "Double(predictions.count).",
            ],
            check: { generator in
                checkPrediction(classify: classify, accuracy: { accuracy(of: $0, targets: $1) }, using: &generator)
            }),
    ]
)
