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
