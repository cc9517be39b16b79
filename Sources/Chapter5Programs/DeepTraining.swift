import Chapter5
import Datasets
import Chapter5Checks
import Foundation
import WorkbookCore

/// How `swift run deep-mnist` trains: the seed material's 784-256-128-10 ReLU network
/// with softmax and cross-entropy, He initialisation and momentum, with the batch size
/// and η chosen by `deep-mnist tune` on the validation set.
public struct DeepConfiguration: Sendable {
    public var hidden = [256, 128]
    public var activation = Activation.relu
    public var initialisation = Initialisation.he
    public var epochs = 20
    public var batchSize = 128
    public var learningRate = 0.05
    public var momentum = 0.9
    public var seed: UInt64 = 1
    /// Train on the first this many training images; the others (10,000) are the validation set.
    public var trainingCount = 50_000

    public init() {}

    /// The seed material's own choice: N(0, 1) weights and plain gradient descent with η = 0.01.
    public static var seedMaterial: DeepConfiguration {
        var configuration = DeepConfiguration()
        (configuration.initialisation, configuration.learningRate, configuration.momentum) = (.normal, 0.01, 0)
        return configuration
    }

    /// Inputs, hidden layers, outputs.
    public var sizes: [Int] { [784] + hidden + [10] }

    /// "784-256-128-10 relu, he initialisation": for headings.
    public var summary: String {
        "\(sizes.map(String.init).joined(separator: "-")) \(activation.rawValue), \(initialisation.rawValue) initialisation"
    }

    /// The Chapter 5 exercises that are still stubs, found by calling each exercise's
    /// functions once on a tiny network (no data needed).
    public func unfinishedExercises() -> Set<String> {
        withStubsReached {
            var small = self
            small.hidden = small.hidden.map { _ in 2 }
            var network = small.initialNetwork()
            var velocity = network.layers.map(LayerGradients.init(zeroFor:))
            var workspace = DeepWorkspace(network: network, batchSize: 1)
            let x = Matrix(rows: 1, columns: 784)
            var t = Matrix(rows: 1, columns: 10)
            t[0, 0] = 1
            _ = activation.value(0) + activation.derivative(1)
            forward(network.layers[0], x, into: &workspace.caches[0])
            parameterGradients(workspace.deltas[0], input: x, into: &workspace.gradients[0])
            backpropagate(workspace.deltas[1], through: network.layers[1], below: workspace.caches[0],
                          activation: activation, into: &workspace.deltas[0])
            forward(network, x, into: &workspace)
            backward(network, x, &workspace)
            _ = trainingStep(&network, velocity: &velocity, x: x, t: t, learningRate: 0, momentum: 0, workspace: &workspace)
        }.stubs
    }

    /// A fresh network from the seed (Exercise 5.4 draws its weights).
    public func initialNetwork() -> DeepNetwork {
        var generator = SplitMix64(seed: seed)
        return DeepNetwork(sizes: sizes, activation: activation, initialisation: initialisation, using: &generator)
    }
}

/// One epoch's numbers.
public struct DeepEpochReport: Sendable {
    public let epoch: Int
    /// The mean loss of the epoch's batches.
    public let loss: Double
    public let validationAccuracy: Double
    public let seconds: Double
    /// Per layer, the mean of ‖∂L/∂Wˡ‖ (the Frobenius norm) over every 10th batch of the epoch.
    public let gradientNorms: [Double]
}

/// Why training stopped early.
public struct DivergedError: Error, CustomStringConvertible {
    public let epoch: Int
    public let batch: Int
    public let loss: Double
    public let configuration: DeepConfiguration

    public var description: String {
        var advice = "try a smaller --eta (a third of \(formatNumber(configuration.learningRate)), say)"
        if configuration.initialisation == .normal {
            advice += ", or --init \([.relu, .leakyReLU].contains(configuration.activation) ? "he" : "xavier"): N(0, 1) weights make every "
                + "layer's z grow with its number of inputs"
        }
        let value = loss.isNaN ? "NaN" : loss > 0 ? "∞" : "−∞"
        return "the loss became \(value) at epoch \(epoch), batch \(batch): training stopped; \(advice)"
    }
}

/// Trains and evaluates the learner's Chapter 5 network on MNIST.
public struct DeepTrainer {
    public let configuration: DeepConfiguration
    public let data: MNIST
    /// The training images not trained on: Nielsen's validation set.
    public let validation: MNIST.Split

    public init(configuration: DeepConfiguration, data: MNIST) {
        self.configuration = configuration
        self.data = data
        validation = data.training.slice(min(configuration.trainingCount, data.training.count) ..< data.training.count)
    }

    /// Trains a fresh network, calling `onBatches` as batches finish and `onEpoch`
    /// after each epoch with its numbers and the network. Throws ``DivergedError`` as
    /// soon as a batch's loss is not finite.
    public func train(onBatches: (Int) -> Void = { _ in },
                      onEpoch: (DeepEpochReport, DeepNetwork) -> Void = { _, _ in })
        throws -> (network: DeepNetwork, epochs: [DeepEpochReport]) {
        let c = configuration
        var network = c.initialNetwork()
        var velocity = network.layers.map(LayerGradients.init(zeroFor:))
        var workspace = DeepWorkspace(network: network, batchSize: c.batchSize)
        var x = Matrix(rows: c.batchSize, columns: 784), t = Matrix(rows: c.batchSize, columns: 10)
        var generator = SplitMix64(seed: c.seed &+ 1)
        var order = Array(0 ..< min(c.trainingCount, data.training.count))
        var reports = [DeepEpochReport]()
        for epoch in 1 ... c.epochs {
            let start = Date()
            order.shuffle(using: &generator)
            var totalLoss = 0.0, norms = [Double](repeating: 0, count: network.layers.count), batches = 0, measured = 0
            for first in stride(from: 0, through: order.count - c.batchSize, by: c.batchSize) {
                fillRows(x: &x, t: &t, from: data.training, examples: order[first ..< first + c.batchSize])
                let loss = trainingStep(&network, velocity: &velocity, x: x, t: t, learningRate: c.learningRate,
                                        momentum: c.momentum, workspace: &workspace)
                batches += 1
                guard loss.isFinite else { throw DivergedError(epoch: epoch, batch: batches, loss: loss, configuration: c) }
                totalLoss += loss
                if batches % 10 == 1 {
                    for l in norms.indices { norms[l] += frobeniusNorm(workspace.gradients[l].dW) }
                    measured += 1
                }
                if batches % 50 == 0 { onBatches(50) }
            }
            let seconds = Date().timeIntervalSince(start)
            let report = DeepEpochReport(epoch: epoch, loss: totalLoss / Double(max(batches, 1)),
                                         validationAccuracy: evaluate(network, on: validation).accuracy,
                                         seconds: seconds, gradientNorms: norms.map { $0 / Double(max(measured, 1)) })
            reports.append(report)
            onEpoch(report, network)
        }
        return (network, reports)
    }

    /// The predicted digit of every image of `split` (the largest output), and the fraction right.
    public func evaluate(_ network: DeepNetwork, on split: MNIST.Split) -> (predicted: [Int], accuracy: Double) {
        let batch = 500
        var predicted = [Int]()
        predicted.reserveCapacity(split.count)
        var workspace = DeepWorkspace(network: network, batchSize: batch)
        var x = Matrix(rows: batch, columns: 784), t = Matrix(rows: batch, columns: 10)
        for first in stride(from: 0, to: split.count, by: batch) {
            let end = min(first + batch, split.count)
            if end - first != x.rows {
                workspace = DeepWorkspace(network: network, batchSize: end - first)
                (x, t) = (Matrix(rows: end - first, columns: 784), Matrix(rows: end - first, columns: 10))
            }
            fillRows(x: &x, t: &t, from: split, examples: Array(first ..< end)[...])
            forward(network, x, into: &workspace)
            let output = workspace.output
            for row in 0 ..< output.rows {
                var best = 0
                for column in 1 ..< output.columns where output[row, column] > output[row, best] { best = column }
                predicted.append(best)
            }
        }
        let correct = zip(predicted, split.labels).filter { $0 == Int($1) }.count
        return (predicted, Double(correct) / Double(max(split.count, 1)))
    }
}

/// √(Σ w²) over every entry.
func frobeniusNorm(_ matrix: Matrix) -> Double {
    matrix.elements.reduce(0) { $0 + $1 * $1 }.squareRoot()
}

/// Row j of x: image examples[j] scaled to 0–1; row j of t: its label one-hot.
func fillRows(x: inout Matrix, t: inout Matrix, from split: MNIST.Split, examples: ArraySlice<Int>) {
    precondition(x.rows == examples.count && t.rows == examples.count, "one row per example")
    t.setZero()
    let size = split.imageSize
    split.pixels.withUnsafeBufferPointer { pixels in
        x.elements.withUnsafeMutableBufferPointer { rows in
            for (row, example) in examples.enumerated() {
                for pixel in 0 ..< size { rows[row * size + pixel] = Double(pixels[example * size + pixel]) * (1 / 255) }
            }
        }
    }
    for (row, example) in examples.enumerated() { t[row, Int(split.labels[example])] = 1 }
}
