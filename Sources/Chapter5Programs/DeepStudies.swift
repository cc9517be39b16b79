import Chapter5
import Datasets
import Chapter5Checks
import Foundation
import WorkbookCore

/// The measurements Chapter 5 quotes: spreads at initialisation, gradients that vanish
/// in a deep sigmoid stack, and how finite differences drift as networks get deeper.
public enum DeepStudies {
    /// One layer of one network at initialisation.
    public struct LayerSpread: Sendable {
        /// The standard deviation of zˡ over the batch and the layer's units.
        public let zSpread: Double
        /// The share of the layer's a that is exactly 0 (ReLU units that are off).
        public let zeroShare: Double
        /// ‖∂L/∂Wˡ‖, the Frobenius norm of the layer's weight gradient.
        public let gradientNorm: Double
    }

    /// The first `count` training images and their one-hot labels, one per row.
    public static func batch(_ split: MNIST.Split, count: Int) -> (x: Matrix, t: Matrix) {
        var x = Matrix(rows: count, columns: split.imageSize), t = Matrix(rows: count, columns: 10)
        fillRows(x: &x, t: &t, from: split, examples: Array(0 ..< count)[...])
        return (x, t)
    }

    /// E[x²] over the first `count` images of `split`, pixels scaled to 0–1 as the networks see them:
    /// the first layer's Var(z) is n·Var(w)·E[x²], since the pixels are not centred.
    public static func meanSquarePixel(_ split: MNIST.Split, count: Int) -> Double {
        let values = split.pixels.prefix(count * split.imageSize)
        let total = values.reduce(0.0) { sum, pixel in
            let x = Double(pixel) * (1 / 255)
            return sum + x * x
        }
        return total / Double(max(values.count, 1))
    }

    /// Every layer's spread for a fresh network (your Exercises 5.1–5.4), on a batch.
    public static func spreads(sizes: [Int], activation: Activation, initialisation: Initialisation, seed: UInt64,
                               x: Matrix, t: Matrix) -> (layers: [LayerSpread], loss: Double) {
        var generator = SplitMix64(seed: seed)
        let network = DeepNetwork(sizes: sizes, activation: activation, initialisation: initialisation, using: &generator)
        var workspace = DeepWorkspace(network: network, batchSize: x.rows)
        forward(network, x, into: &workspace)
        let loss = softmaxCrossEntropy(&workspace, targets: t)
        backward(network, x, &workspace)
        let layers = network.layers.indices.map { l in
            let a = workspace.caches[l].a.elements, zeros = Double(a.filter { $0 == 0 }.count) / Double(a.count)
            return LayerSpread(zSpread: standardDeviation(workspace.caches[l].z), zeroShare: zeros,
                               gradientNorm: frobeniusNorm(workspace.gradients[l].dW))
        }
        return (layers, loss)
    }

    /// A training step's numbers: the batch's loss before it, and on the probe after it, the
    /// spread of the output layer's z and the share of hidden units that are 0 for every image.
    public struct StepReport: Sendable {
        public let step: Int
        public let loss: Double
        public let outputSpread: Double
        public let deadShare: Double
    }

    /// Steps of `configuration` on the training images in order, measured after each step of `reported`.
    public static func firstSteps(_ configuration: DeepConfiguration, data: MNIST, reported: [Int],
                                  probe: (x: Matrix, t: Matrix)) -> [StepReport] {
        var network = configuration.initialNetwork()
        var velocity = network.layers.map(LayerGradients.init(zeroFor:))
        let m = configuration.batchSize
        var workspace = DeepWorkspace(network: network, batchSize: m)
        var x = Matrix(rows: m, columns: 784), t = Matrix(rows: m, columns: 10)
        var reports = [StepReport]()
        for step in 1 ... (reported.max() ?? 0) {
            fillRows(x: &x, t: &t, from: data.training, examples: Array((step - 1) * m ..< step * m)[...])
            let loss = trainingStep(&network, velocity: &velocity, x: x, t: t, learningRate: configuration.learningRate,
                                    momentum: configuration.momentum, workspace: &workspace)
            guard reported.contains(step) else { continue }
            var probing = DeepWorkspace(network: network, batchSize: probe.x.rows)
            forward(network, probe.x, into: &probing)
            reports.append(StepReport(step: step, loss: loss, outputSpread: standardDeviation(probing.caches[probing.caches.count - 1].z),
                                      deadShare: deadShare(probing)))
        }
        return reports
    }

    /// The share of hidden units that are 0 for every image of a forward pass (dead ReLUs: no
    /// gradient reaches their weights).
    static func deadShare(_ pass: DeepWorkspace) -> Double {
        let hidden = pass.caches.dropLast()
        let units = hidden.reduce(0) { $0 + $1.a.columns }
        let off = hidden.reduce(0) { total, cache in
            total + (0 ..< cache.a.columns).filter { unit in (0 ..< cache.a.rows).allSatisfy { cache.a[$0, unit] == 0 } }.count
        }
        return Double(off) / Double(max(units, 1))
    }

    /// How one training run ended: the last epoch's validation accuracy and mean loss, and the
    /// share of dead hidden units on the probe; `nil` when the loss stopped being finite.
    public struct RunEnd: Sendable {
        public let accuracy: Double
        public let loss: Double
        public let deadShare: Double
    }

    /// Trains `configuration` and says how it ended (`nil`: it diverged).
    public static func runEnd(_ configuration: DeepConfiguration, data: MNIST, probe: Matrix,
                              onEpoch: () -> Void = {}) -> RunEnd? {
        let trainer = DeepTrainer(configuration: configuration, data: data)
        guard let (network, epochs) = try? trainer.train(onEpoch: { _, _ in onEpoch() }), let last = epochs.last else { return nil }
        var pass = DeepWorkspace(network: network, batchSize: probe.rows)
        forward(network, probe, into: &pass)
        return RunEnd(accuracy: last.validationAccuracy, loss: last.loss, deadShare: deadShare(pass))
    }

    /// ‖∂L/∂bˡ‖ for every layer, on a fixed batch: Nielsen's measure of how fast each layer learns.
    public static func biasGradientNorms(_ network: DeepNetwork, x: Matrix, t: Matrix) -> [Double] {
        var workspace = DeepWorkspace(network: network, batchSize: x.rows)
        forward(network, x, into: &workspace)
        _ = softmaxCrossEntropy(&workspace, targets: t)
        backward(network, x, &workspace)
        return workspace.gradients.map { frobeniusNorm($0.dB) }
    }

    /// A deep stack trained for `epochs`, with ‖∂L/∂bˡ‖ on `probe` before training and after each epoch.
    public static func vanishing(_ configuration: DeepConfiguration, data: MNIST, probe: (x: Matrix, t: Matrix),
                                 onEpoch: () -> Void = {}) throws -> (norms: [[Double]], accuracy: Double) {
        var norms = [biasGradientNorms(configuration.initialNetwork(), x: probe.x, t: probe.t)]
        let trainer = DeepTrainer(configuration: configuration, data: data)
        let network = try trainer.train(onEpoch: { _, network in
            norms.append(biasGradientNorms(network, x: probe.x, t: probe.t))
            onEpoch()
        }).network
        return (norms, trainer.evaluate(network, on: trainer.validation).accuracy)
    }

    /// For each depth, the largest and the median relative error between backpropagation
    /// (the checks' own reference) and central differences with step `h`, over every weight
    /// of a network of tanh layers 8 wide with a batch of 4.
    public static func finiteDifferenceErrors(depths: ClosedRange<Int>, step h: Double, seed: UInt64 = 1)
        -> [(depth: Int, largest: Double, median: Double, smallestGradient: Double)] {
        depths.map { depth in
            var generator = SplitMix64(seed: seed &+ UInt64(depth))
            let sizes = Array(repeating: 8, count: depth + 1) + [4]
            let problem = DeepProblem(sizes: sizes, hidden: Array(repeating: .tanh, count: depth), batch: 4, using: &generator)
            let caches = problem.caches
            let gradients = ReferenceDeepNetwork.backward(problem.network, problem.x, caches, lastDelta: problem.lastDelta).gradients
            var errors = [Double](), smallest = Double.infinity
            for l in problem.network.layers.indices {
                for index in gradients[l].dW.elements.indices {
                    var up = problem.network, down = problem.network
                    up.layers[l].weights.elements[index] += h
                    down.layers[l].weights.elements[index] -= h
                    let numeric = (ReferenceDeepNetwork.loss(up, problem.x, problem.t)
                        - ReferenceDeepNetwork.loss(down, problem.x, problem.t)) / (2 * h)
                    let analytic = gradients[l].dW.elements[index]
                    errors.append(abs(analytic - numeric) / max(abs(analytic), abs(numeric), 1e-300))
                    smallest = min(smallest, abs(analytic))
                }
            }
            errors.sort()
            return (depth, errors.last!, errors[errors.count / 2], smallest)
        }
    }

    /// `deep-mnist depth`'s report: the errors for 1 to 8 hidden layers, with three steps h.
    public static func depthReport(style: Style) -> String {
        var lines = ["Central differences against backpropagation (the checks' reference) for every weight of a network",
                     "of tanh layers 8 wide, batch of 4, seed 1: the relative error |a − n| / max(|a|, |n|)."]
        for h in [1e-3, 1e-5, 1e-7] {
            var table = Table(headers: ["hidden layers", "largest error", "median error", "smallest |gradient|"],
                              alignments: [.right, .right, .right, .right])
            for row in finiteDifferenceErrors(depths: 1 ... 8, step: h) {
                table.append([String(row.depth), String(format: "%.2g", row.largest), String(format: "%.2g", row.median),
                              String(format: "%.2g", row.smallestGradient)])
            }
            lines += ["", "h = \(formatNumber(h)):", table.render(style: style)]
        }
        return lines.joined(separator: "\n")
    }
}

/// The standard deviation of a matrix's entries (dividing by their number).
private func standardDeviation(_ matrix: Matrix) -> Double {
    let values = matrix.elements, count = Double(values.count)
    let mean = values.reduce(0, +) / count
    return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count).squareRoot()
}
