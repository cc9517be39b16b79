import Chapter5
import Chapter5Checks
import Chapter5Programs
import Datasets
import Foundation
import WorkbookCore

/// `deep-mnist init`: each layer's spread at initialisation, for N(0, 1), Xavier and He.
func initialisationStudy(_ arguments: Arguments) throws -> Int32 {
    let plot = try plotPath(arguments)
    guard requireFinished(DeepConfiguration(), command: "init", style: .standard) else { return 1 }
    let data = try loadData(arguments)
    let sizes = [784, 256, 256, 256, 256, 256, 10]
    let (x, t) = DeepStudies.batch(data.training, count: 1000)
    let cases: [(String, Activation, Initialisation)] = [
        ("ReLU, N(0, 1)", .relu, .normal), ("ReLU, Xavier", .relu, .xavier), ("ReLU, He", .relu, .he),
        ("tanh, Xavier", .tanh, .xavier),
    ]
    let results = cases.map { DeepStudies.spreads(sizes: sizes, activation: $0.1, initialisation: $0.2, seed: 1, x: x, t: t) }
    print("A fresh 784-256-256-256-256-256-10 network (seed 1) on the first 1,000 training images.")
    let trained = DeepConfiguration().trainingCount
    print("Their pixels (0 to 1, not centred) have E[x²] = \(String(format: "%.4f", DeepStudies.meanSquarePixel(data.training, count: 1000)))"
        + " (the first \(trained / 1000),000 training images: "
        + "\(String(format: "%.4f", DeepStudies.meanSquarePixel(data.training, count: trained)))).")
    print("\nThe spread (standard deviation) of zˡ in each layer:")
    var spreads = Table(headers: ["layer"] + cases.map(\.0), alignments: [.left] + cases.map { _ in .right })
    var norms = spreads
    for l in 0 ..< sizes.count - 1 {
        spreads.append(["z\(superscript(l + 1))"] + results.map { String(format: "%.3g", $0.layers[l].zSpread) })
        norms.append(["W\(superscript(l + 1))"] + results.map { String(format: "%.3g", $0.layers[l].gradientNorm) })
    }
    print(spreads.render(style: .standard))
    print("\nThe gradient norm ‖∂L/∂Wˡ‖ of each layer:")
    print(norms.render(style: .standard))
    print("\nThe loss at initialisation: " + zip(cases, results).map { "\($0.0) \(String(format: "%.3g", $1.loss))" }
        .joined(separator: ", ") + " (ln 10 = 2.30 for a network that knows nothing).")
    print("\nThe seed material's 784-256-128-10 network (ReLU, batches of 128, the training images in order): the batch's")
    print("loss at some of its first steps, then, on the 1,000 images above, the spread of the output layer's z and the")
    print("share of hidden units that are 0 for every one of them (dead: no gradient reaches their weights);")
    print("N(0, 1) weights with η = 0.01 and no momentum (the seed's), against He, η = 0.05 and momentum 0.9:")
    let reported = [1, 2, 5, 10, 50, 100, 390]
    let seed = DeepStudies.firstSteps(.seedMaterial, data: data, reported: reported, probe: (x, t))
    let tuned = DeepStudies.firstSteps(DeepConfiguration(), data: data, reported: reported, probe: (x, t))
    var steps = Table(headers: ["step", "N(0, 1): loss", "spread of z³", "dead", "He: loss", "spread of z³", "dead"],
                      alignments: Array(repeating: .right, count: 7))
    for (a, b) in zip(seed, tuned) {
        steps.append([String(a.step)] + [a, b].flatMap { report in
            [String(format: "%.3g", report.loss), String(format: "%.3g", report.outputSpread),
             String(format: "%.1f%%", 100 * report.deadShare)]
        })
    }
    print(steps.render(style: .standard))
    if let plot {
        var svg = SVGPlot()
        svg.addLineChart(title: "Spread of zˡ at initialisation", xLabel: "layer", yLabel: "log₁₀ std(zˡ)",
                         series: results.map { $0.layers.map { log10($0.zSpread) } }, names: cases.map(\.0),
                         colors: ["#d62728", "#ff7f0e", "#2ca02c", "#1f77b4"], firstX: 1)
        svg.addLineChart(title: "Gradient of each layer at initialisation", xLabel: "layer", yLabel: "log₁₀ ‖∂L/∂Wˡ‖",
                         series: results.map { $0.layers.map { log10($0.gradientNorm) } }, names: cases.map(\.0),
                         colors: ["#d62728", "#ff7f0e", "#2ca02c", "#1f77b4"], firstX: 1)
        try svg.write(to: plot)
        print("Wrote \(plot).")
    }
    return 0
}

/// `deep-mnist vanishing`: ‖∂L/∂bˡ‖ per layer over training, for a deep sigmoid stack and the same with ReLU and He.
func vanishingStudy(_ arguments: Arguments) throws -> Int32 {
    let plot = try plotPath(arguments)
    let epochs = try arguments.value("--epochs", default: 5, what: "a whole number from 1 to 30", wholeNumber(in: 1 ... 30))
    guard requireFinished(DeepConfiguration(), command: "vanishing", style: .standard) else { return 1 }
    let data = try loadData(arguments)
    let probe = DeepStudies.batch(data.training, count: 1000)
    var sigmoid = DeepConfiguration()
    (sigmoid.hidden, sigmoid.activation, sigmoid.initialisation) = ([30, 30, 30, 30], .sigmoid, .xavier)
    (sigmoid.batchSize, sigmoid.learningRate, sigmoid.momentum, sigmoid.epochs) = (10, 0.1, 0, epochs)
    var relu = sigmoid
    (relu.activation, relu.initialisation) = (.relu, .he)
    let progress = ProgressBar(total: 2 * epochs, label: "epochs trained")
    var results = [(name: String, norms: [[Double]], accuracy: Double)]()
    for (name, configuration) in [("sigmoid, Xavier", sigmoid), ("ReLU, He", relu)] {
        let (norms, accuracy) = try DeepStudies.vanishing(configuration, data: data, probe: probe) { progress.advance() }
        results.append((name, norms, accuracy))
    }
    progress.finish()
    print("784-30-30-30-30-10, batches of 10, η = 0.1, no momentum, seed 1: ‖∂L/∂bˡ‖ on the first 1,000 training "
        + "images, before training and after each epoch.")
    for result in results {
        print("\n\(result.name) (validation accuracy after \(epochs) epochs: \(String(format: "%.2f", 100 * result.accuracy))%):")
        var table = Table(headers: ["layer"] + result.norms.indices.map { "epoch \($0)" },
                          alignments: [.left] + result.norms.indices.map { _ in .right })
        for l in result.norms[0].indices {
            table.append(["b\(superscript(l + 1))"] + result.norms.map { String(format: "%.3g", $0[l]) })
        }
        print(table.render(style: .standard))
    }
    // One draw of the weights is one draw: the epoch-0 ratios over many seeds.
    let seeds = 40
    print("\nBefore training, over seeds 1–\(seeds) (each a fresh draw of the weights): ‖∂L/∂b⁵‖ / ‖∂L/∂b¹‖ (the median, and the")
    print("lowest–highest), and the median of each layer's ‖∂L/∂bˡ‖ over the one below it:")
    var spread = Table(headers: ["network", "b⁵ / b¹", "b⁵/b⁴", "b⁴/b³", "b³/b²", "b²/b¹"],
                       alignments: [.left] + Array(repeating: .right, count: 5))
    for (name, configuration) in [("sigmoid, Xavier", sigmoid), ("ReLU, He", relu)] {
        let norms = (1 ... UInt64(seeds)).map { seed in
            var c = configuration
            c.seed = seed
            return DeepStudies.biasGradientNorms(c.initialNetwork(), x: probe.x, t: probe.t)
        }
        let last = norms[0].count - 1
        let whole = norms.map { $0[last] / $0[0] }.sorted()
        let steps = (1 ... last).reversed().map { l in median(norms.map { $0[l] / $0[l - 1] }) }
        spread.append([name, String(format: "%.3g (%.3g–%.3g)", median(whole), whole.first!, whole.last!)]
            + steps.map { String(format: "%.2f", $0) })
    }
    print(spread.render(style: .standard))
    if let plot {
        var svg = SVGPlot()
        for result in results {
            svg.addLineChart(title: "\(result.name): ‖∂L/∂bˡ‖ per layer", xLabel: "epoch", yLabel: "log₁₀ ‖∂L/∂bˡ‖",
                             series: result.norms[0].indices.map { l in result.norms.map { log10($0[l]) } },
                             names: result.norms[0].indices.map { "b\(superscript($0 + 1))" }, colors: DeepReport.colors)
        }
        try svg.write(to: plot)
        print("Wrote \(plot).")
    }
    return 0
}

/// `deep-mnist depth`: how far central differences drift from backpropagation as the network gets deeper.
func depthStudy(_ arguments: Arguments) throws -> Int32 {
    print(DeepStudies.depthReport(style: .standard))
    return 0
}

/// `deep-mnist seed`: the seed material's configuration taken apart, as Chapter 4 teaches: its
/// initialisation and its optimiser changed one at a time, and η swept for its N(0, 1) weights,
/// each over several seeds.
func seedStudy(_ arguments: Arguments) throws -> Int32 {
    let epochs = try arguments.value("--epochs", default: 20, what: "a whole number from 1 to 100", wholeNumber(in: 1 ... 100))
    let seeds = try arguments.value("--seeds", default: 3, what: "a whole number from 1 to 10", wholeNumber(in: 1 ... 10))
    guard requireFinished(DeepConfiguration(), command: "seed", style: .standard) else { return 1 }
    let data = try loadData(arguments)
    let probe = DeepStudies.batch(data.training, count: 1000).x
    let optimisers = [(eta: 0.01, momentum: 0.0), (eta: 0.05, momentum: 0.9)]
    let sweep = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03]
    let runs: [(Initialisation, Double, Double)] = [Initialisation.normal, .he].flatMap { initialisation in
        optimisers.map { (initialisation, $0.eta, $0.momentum) }
    } + sweep.filter { $0 != 0.01 }.map { (.normal, $0, 0) }
    let progress = ProgressBar(total: runs.count * seeds * epochs, label: "epochs trained")
    var ends = [String: [DeepStudies.RunEnd?]]()
    func key(_ initialisation: Initialisation, _ eta: Double, _ momentum: Double) -> String {
        "\(initialisation.rawValue) \(eta) \(momentum)"
    }
    for (initialisation, eta, momentum) in runs {
        ends[key(initialisation, eta, momentum)] = (1 ... seeds).map { seed in
            var c = DeepConfiguration()
            (c.initialisation, c.learningRate, c.momentum, c.epochs, c.seed) = (initialisation, eta, momentum, epochs, UInt64(seed))
            var trained = 0
            let end = DeepStudies.runEnd(c, data: data, probe: probe) { trained += 1; progress.advance() }
            progress.advance(by: epochs - trained)
            return end
        }
    }
    progress.finish()
    func cells(_ initialisation: Initialisation, _ eta: Double, _ momentum: Double) -> [String] {
        let all = ends[key(initialisation, eta, momentum)] ?? []
        let finished = all.compactMap { $0 }
        guard !finished.isEmpty else { return ["diverged (every seed)", "", ""] }
        let accuracies = finished.map { 100 * $0.accuracy }
        let mean = accuracies.reduce(0, +) / Double(accuracies.count)
        var accuracy = String(format: "%.2f%%", mean)
        if accuracies.count > 1 { accuracy += String(format: " (%.2f–%.2f)", accuracies.min()!, accuracies.max()!) }
        if finished.count < all.count { accuracy += ", \(all.count - finished.count) of \(all.count) diverged" }
        let loss = finished.map(\.loss).reduce(0, +) / Double(finished.count)
        let dead = finished.map(\.deadShare).reduce(0, +) / Double(finished.count)
        return [accuracy, String(format: "%.3g", loss), String(format: "%.1f%%", 100 * dead)]
    }
    let name = ["normal": "N(0, 1)", "he": "He"]
    let runsSaid = "\(epochs) epoch\(epochs == 1 ? "" : "s"), batches of 128, " + (seeds == 1 ? "seed 1" : "seeds 1–\(seeds)")
    print("The seed material's 784-256-128-10 ReLU network, \(runsSaid): the validation")
    print("accuracy (mean, and lowest–highest over the seeds), the last epoch's training loss and the share of hidden units")
    print("that are 0 on every one of the first 1,000 training images (dead), both means over the seeds.")
    print("\nOne change at a time, from the seed's N(0, 1) weights with η = 0.01 and no momentum:")
    var grid = Table(headers: ["weights", "η", "momentum", "validation accuracy", "loss", "dead"],
                     alignments: [.left, .right, .right, .right, .right, .right])
    for (initialisation, eta, momentum) in runs.prefix(4) {
        grid.append([name[initialisation.rawValue] ?? initialisation.rawValue, formatNumber(eta), formatNumber(momentum)]
            + cells(initialisation, eta, momentum))
    }
    print(grid.render(style: .standard))
    print("\nN(0, 1) weights, no momentum, η from 10⁻⁴ to 0.03:")
    var etas = Table(headers: ["η", "validation accuracy", "loss", "dead"], alignments: Array(repeating: .right, count: 4))
    for eta in sweep { etas.append([formatNumber(eta)] + cells(.normal, eta, 0)) }
    print(etas.render(style: .standard))
    return 0
}

/// The middle value (the mean of the two middle ones for an even count).
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
