import Chapter4
import Chapter4Checks
import Datasets
import Foundation
import WorkbookCore

/// How `swift run mnist` trains: Nielsen's configuration by default
/// (784-30-10, quadratic cost, batch 10, η = 3, 30 epochs).
public struct MnistConfiguration: Sendable {
    public var hidden = 30
    public var epochs = 30
    public var batchSize = 10
    public var learningRate = 3.0
    public var cost = Cost.quadratic
    public var seed: UInt64 = 1
    /// Train on the first this many training images (Nielsen's split: 50,000); the
    /// others (10,000) are the validation set, which every choice of configuration is
    /// made on. The 10,000 test images are for one measurement at the end.
    public var trainingCount = 50_000
    /// Whether weights into a unit with n inputs have variance 1/n instead of 1; by default,
    /// with the cross-entropy cost only.
    public var scaledInitialisation: Bool?
    /// The strength λ of Exercise 4.7's L2 penalty (λ/2n) Σ w²; 0 trains without it.
    public var lambda = 0.0

    public init() {}

    /// The exercises training with this configuration runs: the batch, both passes, the
    /// epoch and the evaluation; with the cross-entropy cost, softmax too.
    public var neededExercises: [Exercise] {
        chapter4.exercises(["4.1", "4.2", "4.3", "4.4", "4.5"] + (cost == .crossEntropy ? ["4.6"] : [])
            + (lambda > 0 ? ["4.7"] : []))
    }

    /// A fresh network. Weights and biases are uniform with the variance of a
    /// standard normal, as in Nielsen's network.py; with scaled initialisation (the
    /// default with cross-entropy), weights into a unit with n inputs have variance 1/n.
    public func initialNetwork(inputs: Int) -> Network {
        var generator = SplitMix64(seed: seed)
        let unit = 3.0.squareRoot()  // Uniform on ±√3 has variance 1.
        let scaled = scaledInitialisation ?? (cost == .crossEntropy)
        func weightScale(_ fanIn: Int) -> Double { scaled ? unit / Double(fanIn).squareRoot() : unit }
        let W1 = Matrix(rows: hidden, columns: inputs, uniformIn: -weightScale(inputs), weightScale(inputs), using: &generator)
        let b1 = Matrix(rows: hidden, columns: 1, uniformIn: -unit, unit, using: &generator)
        let W2 = Matrix(rows: 10, columns: hidden, uniformIn: -weightScale(hidden), weightScale(hidden), using: &generator)
        let b2 = Matrix(rows: 10, columns: 1, uniformIn: -unit, unit, using: &generator)
        return Network(W1: W1, b1: b1, W2: W2, b2: b2)
    }
}

/// One epoch's numbers.
public struct EpochReport: Sendable {
    public let epoch: Int
    public let loss: Double
    /// The accuracy on the validation set (the training images not trained on).
    public let validationAccuracy: Double
    public let seconds: Double
}

/// Trains and evaluates the learner's Chapter 4 network on MNIST.
public struct MnistTrainer {
    public let configuration: MnistConfiguration
    public let data: MNIST
    /// The training images not trained on: Nielsen's validation set.
    public let validation: MNIST.Split

    public init(configuration: MnistConfiguration, data: MNIST) {
        self.configuration = configuration
        self.data = data
        validation = data.training.slice(configuration.trainingCount ..< data.training.count)
    }


    /// Trains a fresh network, calling `onEpoch` after each epoch and `onBatches`
    /// as batches finish. Stops with ``TrainingError/diverged(epoch:loss:)`` if the loss is not finite.
    public func train(onBatches: (Int) -> Void = { _ in }, onEpoch: (EpochReport) -> Void = { _ in })
        throws -> (network: Network, epochs: [EpochReport]) {
        var network = configuration.initialNetwork(inputs: data.training.imageSize)
        var x = Matrix(rows: configuration.batchSize, columns: data.training.imageSize)
        var t = Matrix(rows: configuration.batchSize, columns: 10)
        var workspace = Workspace(network: network, batchSize: configuration.batchSize)
        var generator = SplitMix64(seed: configuration.seed &+ 1)
        let examples = Array(0 ..< min(configuration.trainingCount, data.training.count))
        var reports = [EpochReport]()
        for epoch in 1 ... configuration.epochs {
            let start = Date()
            var finished = 0
            let loss = trainEpoch(&network, examples: examples, of: data.training, x: &x, t: &t, using: &generator) {
                network, x, t in
                finished += 1
                if finished % 500 == 0 { onBatches(500) }
                guard configuration.lambda > 0 else {
                    return sgdStep(&network, x, t, cost: configuration.cost, learningRate: configuration.learningRate,
                                   workspace: &workspace)
                }
                return regularisedStep(&network, x, t, trainingSetSize: examples.count, workspace: &workspace)
            }
            let seconds = Date().timeIntervalSince(start)
            guard loss.isFinite else { throw TrainingError.diverged(epoch: epoch, loss: loss) }
            let report = EpochReport(epoch: epoch, loss: loss,
                                     validationAccuracy: evaluate(network, on: validation).accuracy, seconds: seconds)
            reports.append(report)
            onEpoch(report)
        }
        return (network, reports)
    }

    /// sgdStep with Exercise 4.7's penalty: its gradient (λ/n)w joins ∂L/∂w before the update.
    /// Returns the batch's mean loss before the step, without the penalty.
    private func regularisedStep(_ network: inout Network, _ x: Matrix, _ t: Matrix, trainingSetSize n: Int,
                                 workspace: inout Workspace) -> Double {
        let c = configuration
        forward(network, x, into: &workspace)
        let loss = c.cost.finishForward(&workspace, targets: t)
        backward(network, x, &workspace)
        addWeightDecay(to: &workspace.gradients, network, lambda: c.lambda, trainingSetSize: n)
        network.W1.subtract(workspace.gradients.dW1, scaledBy: c.learningRate)
        network.b1.subtract(workspace.gradients.dB1, scaledBy: c.learningRate)
        network.W2.subtract(workspace.gradients.dW2, scaledBy: c.learningRate)
        network.b2.subtract(workspace.gradients.dB2, scaledBy: c.learningRate)
        return loss
    }

    /// The predicted digit of every image of `split`, and the fraction right.
    public func evaluate(_ network: Network, on split: MNIST.Split) -> (predicted: [Int], accuracy: Double) {
        let batch = 1000
        var x = Matrix(rows: batch, columns: split.imageSize), t = Matrix(rows: batch, columns: 10)
        var workspace = Workspace(network: network, batchSize: batch)
        var predicted = [Int]()
        predicted.reserveCapacity(split.count)
        for start in stride(from: 0, to: split.count, by: batch) {
            let end = min(start + batch, split.count)
            if end - start != batch {
                x = Matrix(rows: end - start, columns: split.imageSize)
                t = Matrix(rows: end - start, columns: 10)
                workspace = Workspace(network: network, batchSize: end - start)
            }
            fillBatch(x: &x, t: &t, from: split, examples: Array(start ..< end)[...])
            forward(network, x, into: &workspace)
            predicted += predictedDigits(workspace.a2)
        }
        let correct = zip(predicted, split.labels).filter { $0 == Int($1) }.count
        return (predicted, Double(correct) / Double(max(split.count, 1)))
    }
}

/// Why training stopped early.
public enum TrainingError: Error, CustomStringConvertible {
    case diverged(epoch: Int, loss: Double)

    public var description: String {
        switch self {
        case .diverged(let epoch, let loss): "the loss became \(loss) at epoch \(epoch); try a smaller --eta"
        }
    }
}
