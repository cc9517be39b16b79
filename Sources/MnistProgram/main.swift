import Chapter4
import Chapter4Checks
import Chapter4Programs
import Datasets
import Foundation
import WorkbookCore

let usage = """
    Chapter 4's program: trains your batched network (Exercises/Chapter4) on MNIST.

    USAGE: swift run -c release mnist [train] [OPTIONS]
           swift run mnist download [--to DIR] [--mirror URL]
           swift run -c release mnist bench | tune | compare [--data DIR]
           swift run mnist init [--data DIR] [--plot FILE.svg]

    TRAINING OPTIONS:
      --hidden N            Hidden units (default 30).
      --epochs N            Epochs (default 30).
      --batch-size N        Examples per mini-batch (default 10).
      --eta X               The learning rate η (default 3.0).
      --cost NAME           quadratic (default) or cross-entropy (Exercise 4.6; scaled initialisation).
      --seed S              Seed for the weights and the shuffling (default 1).
      --lambda λ            L2 weight decay (λ/2n) Σ w², Exercise 4.7 (default 0: none).
      --data DIR            Where the four MNIST files are (default: $MNIST_DIR, then data/mnist in the package).
      --plot FILE.svg       Also draw the loss and the validation accuracy per epoch.
      --save FILE.json      Save the trained network's weights and biases.
      --no-color            Plain text: no colours or progress bar (also NO_COLOR=1).
      -h, --help            Show this help.

    It trains on the first 50,000 training images, reports the accuracy on the other
    10,000 (the validation set) after every epoch, and the accuracy on the 10,000 test
    images once, at the end. Use -c release: a debug build is many times slower.

    swift run -c release mnist tune trains 784-100-10 with cross-entropy for 10 epochs
    with each batch size and learning rate of a small grid, and picks the one with the
    best validation accuracy (the choice bench uses); it never looks at the test images.
    swift run -c release mnist compare goes from the 784-30-10 quadratic network to that one,
    one change at a time, and reports each step's validation accuracy.
    WORKBOOK_SOLUTIONS=1 trains the reference solutions instead of your code.
    """

/// Loads the data, or explains what is wrong.
#if WORKBOOK_SOLUTIONS
let builtFromSolutions = true
#else
let builtFromSolutions = false
#endif

/// Whether every exercise that training with `configurations` runs is started; if not,
/// says which are not, before anything else.
func started(_ configurations: [MnistConfiguration], command: String) -> Bool {
    let ids = Set(configurations.flatMap(\.neededExercises).map(\.id))
    let name = "mnist" + (command.isEmpty ? "" : " " + command)
    let needs = ProgramNeeds(name, chapter4.exercises(ids.sorted()), reference: "swift run -c release " + name)
    return needs.met(builtFromSolutions: builtFromSolutions, style: .standard)
}

func loadData(_ arguments: Arguments) throws -> MNIST {
    let directory = try MNIST.locate(option: try arguments.value("--data", what: "a folder") { $0 }, local: localData)
    return try MNIST.load(from: directory)
}

func train(_ arguments: Arguments) throws -> Int32 {
    var configuration = MnistConfiguration()
    configuration.hidden = try arguments.value("--hidden", default: 30, what: "a whole number from 1 to 10000",
                                               wholeNumber(in: 1 ... 10_000))
    configuration.epochs = try arguments.value("--epochs", default: 30, what: "a whole number from 1 to 10000",
                                               wholeNumber(in: 1 ... 10_000))
    configuration.batchSize = try arguments.value("--batch-size", default: 10, what: "a whole number from 1 to 50000",
                                                  wholeNumber(in: 1 ... 50_000))
    configuration.learningRate = try arguments.value("--eta", default: 3.0, what: "a positive number") {
        Double($0).flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
    }
    configuration.cost = try arguments.value("--cost", default: .quadratic, what: "quadratic or cross-entropy",
                                             Cost.init(rawValue:))
    configuration.seed = try arguments.value("--seed", default: 1, what: "a whole number", UInt64.init)
    configuration.lambda = try arguments.value("--lambda", default: 0, what: "a number from 0 up") {
        Double($0).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
    }
    let plotPath = try arguments.value("--plot", what: "a file name ending in .svg") { $0.hasSuffix(".svg") ? $0 : nil }
    let savePath = try arguments.value("--save", what: "a file name ending in .json") { $0.hasSuffix(".json") ? $0 : nil }
    let style = Style.standard
    guard started([configuration], command: "") else { return 1 }
    let data = try loadData(arguments)
    let trainer = MnistTrainer(configuration: configuration, data: data)
    #if DEBUG
    print(style.yellow("This is a debug build; swift run -c release mnist trains many times faster.\n"))
    #endif
    let c = configuration
    print(style.bold(data.name) + " from \(data.directory.path): training on the first "
        + "\(min(c.trainingCount, data.training.count)) training images, validating on the other "
        + "\(trainer.validation.count) after each epoch, testing on the \(data.test.count) test images once, at the end.")
    print("A 784-\(c.hidden)-10 network, \(c.cost.rawValue) cost, η = \(formatNumber(c.learningRate)), "
        + (c.lambda > 0 ? "L2 weight decay λ = \(formatNumber(c.lambda)), " : "")
        + "batches of \(c.batchSize), \(c.epochs) epoch\(c.epochs == 1 ? "" : "s"), seed \(c.seed).\n")
    let batchesPerEpoch = min(c.trainingCount, data.training.count) / c.batchSize
    var bar = ProgressBar(total: batchesPerEpoch, label: "epoch 1")
    let (network, reports) = try trainer.train(onBatches: { bar.advance(by: $0) }, onEpoch: { report in
        bar.finish()
        print(String(format: "epoch %3ld/%ld  loss %.4f  validation accuracy %6.2f%%  %.2f s", report.epoch, c.epochs,
                     report.loss, 100 * report.validationAccuracy, report.seconds))
        bar = ProgressBar(total: batchesPerEpoch, label: "epoch \(report.epoch + 1)")
    })
    bar.finish()
    let (predicted, accuracy) = trainer.evaluate(network, on: data.test)
    let counts = confusionMatrix(predicted: predicted, actual: data.test.labels.map(Int.init))
    print("\nTest accuracy \(String(format: "%.2f", 100 * accuracy))%. The confusion matrix of the test images:")
    print(MnistReport.confusionTable(counts, style: style))
    print("\nSome test digits it got wrong:")
    print(MnistReport.misclassified(data.test, predicted: predicted))
    if let plotPath {
        try MnistReport.plot(reports).write(to: plotPath)
        print("\nWrote \(plotPath): the loss and the validation accuracy per epoch.")
    }
    if let savePath {
        let encoder = JSONEncoder()
        try encoder.encode(network).write(to: URL(fileURLWithPath: savePath), options: .atomic)
        print("Saved the network to \(savePath).")
    }
    return 0
}

/// Where MNIST is kept by default: `data/mnist` in the package, whatever the working directory.
let localData = PackageRoot.url.appendingPathComponent("data/mnist")

func download(_ arguments: Arguments) throws -> Int32 {
    let folder = try arguments.value("--to", default: localData.path, what: "a folder") { $0 }
    let mirror = try arguments.value("--mirror", default: MNISTDownload.defaultMirror, what: "a URL") { $0 }
    print("Downloading MNIST from \(mirror) into \(folder)")
    var current = ""
    var bar: ProgressBar?
    try MNISTDownload.fetch(into: URL(fileURLWithPath: folder), mirror: mirror) { name, received, expected in
        if name != current || (bar == nil && expected > 0) {
            bar?.finish()
            if name != current { print("  \(name)") }
            current = name
            bar = expected > 0 ? ProgressBar(total: expected, label: name) : nil
        }
        bar?.update(done: received)
    }
    bar?.finish()
    _ = try MNIST.load(from: URL(fileURLWithPath: folder))
    print("The four files are in \(folder) and verified.")
    return 0
}

/// `mnist init`: how far into the sigmoid's flat tails a fresh 784-30-10 network's hidden layer starts.
func initialisation(_ arguments: Arguments) throws -> Int32 {
    let data = try loadData(arguments)
    let plotPath = try arguments.value("--plot", what: "a file name ending in .svg") { $0.hasSuffix(".svg") ? $0 : nil }
    let cases = InitialisationStats.measure(data)
    print("z¹ = W¹x + b¹ of a fresh 784-30-10 network (seed 1) on the first 1,000 training images:")
    var table = Table(headers: ["", "spread of z¹", "median σ′(z¹)", "σ′(z¹) < 0.01"], alignments: [.left, .right, .right, .right])
    for stats in cases {
        table.append([stats.name, String(format: "%.3g", stats.spread), String(format: "%.2g", stats.medianSlope),
                      String(format: "%.0f%%", 100 * stats.flatShare)])
    }
    print(table.render(style: Style.standard))
    if let plotPath {
        var plot = SVGPlot()
        plot.addLineChart(title: "Share of σ′(z¹) by its size at initialisation", xLabel: "log₁₀ σ′(z¹), from −12 to −0.6",
                          yLabel: "share of entries", series: cases.dropFirst().map(\.histogram),
                          names: cases.dropFirst().map(\.name))
        try plot.write(to: plotPath)
        print("Wrote \(plotPath).")
    }
    return 0
}

/// The 784-100-10 configuration that bench uses, chosen by `tune` on the validation set.
func tunedCrossEntropy() -> MnistConfiguration {
    var configuration = MnistConfiguration()
    (configuration.hidden, configuration.cost, configuration.epochs) = (100, .crossEntropy, 10)
    (configuration.batchSize, configuration.learningRate) = (50, 1.0)  // The best of `tune`: 97.80% on validation.
    return configuration
}

func tune(_ arguments: Arguments) throws -> Int32 {
    guard started([tunedCrossEntropy()], command: "tune") else { return 1 }
    let data = try loadData(arguments)
    var table = Table(headers: ["batch", "η", "validation accuracy", "s/epoch"], alignments: [.right, .right, .right, .right])
    var best: (accuracy: Double, configuration: MnistConfiguration)?
    for batchSize in [10, 20, 50] {
        for eta in [0.5, 1.0, 3.0] {
            var configuration = tunedCrossEntropy()
            (configuration.batchSize, configuration.learningRate) = (batchSize, eta)
            let trainer = MnistTrainer(configuration: configuration, data: data)
            let reports = try trainer.train().epochs
            let accuracy = reports.last!.validationAccuracy
            let seconds = reports.map(\.seconds).reduce(0, +) / Double(reports.count)
            table.append([String(batchSize), formatNumber(eta), String(format: "%.2f%%", 100 * accuracy),
                          String(format: "%.3f", seconds)])
            if accuracy > (best?.accuracy ?? -1) { best = (accuracy, configuration) }
        }
    }
    print("784-100-10, cross-entropy, 10 epochs, seed 1, trained on 50,000 images, validated on the other 10,000:")
    print(table.render(style: Style.standard))
    if let best {
        print("Best on the validation set: batch \(best.configuration.batchSize), η = "
            + formatNumber(best.configuration.learningRate))
    }
    return 0
}

/// `mnist compare`: from the quadratic 784-30-10 network to the tuned 784-100-10, one change at a
/// time (as Nielsen's chapter 3 does), each for 10 epochs. A change of cost or initialisation also
/// changes which η works, so each step is trained with every η of a small grid and reported with
/// the best one on the validation set.
func compare(_ arguments: Arguments) throws -> Int32 {
    guard started([MnistConfiguration(), tunedCrossEntropy()], command: "compare") else { return 1 }
    let data = try loadData(arguments)
    var configuration = MnistConfiguration()
    configuration.epochs = 10
    configuration.scaledInitialisation = false
    let steps: [(String, (inout MnistConfiguration) -> Void)] = [
        ("784-30-10, quadratic cost, weights of variance 1, batch 10", { _ in }),
        ("+ softmax and cross-entropy", { $0.cost = .crossEntropy }),
        ("+ weights of variance 1/n", { $0.scaledInitialisation = true }),
        ("+ 100 hidden units", { $0.hidden = 100 }),
        ("+ batch 50", { $0.batchSize = 50 }),
    ]
    let etas = [0.1, 0.3, 1, 3]
    var table = Table(headers: ["change (each on top of the ones above)"] + etas.map { "η = \(formatNumber($0))" }
                        + ["best"], alignments: [.left] + etas.map { _ in .right } + [.right])
    let progress = ProgressBar(total: steps.count * etas.count, label: "networks trained")
    for (name, change) in steps {
        change(&configuration)
        var row = [name], best = (accuracy: -1.0, eta: 0.0)
        for eta in etas {
            var run = configuration
            run.learningRate = eta
            let trainer = MnistTrainer(configuration: run, data: data)
            let accuracy = try trainer.train().epochs.last!.validationAccuracy
            row.append(String(format: "%.2f%%", 100 * accuracy))
            if accuracy > best.accuracy { best = (accuracy, eta) }
            progress.advance()
        }
        table.append(row + ["η = \(formatNumber(best.eta))"])
    }
    progress.finish()
    print("One change at a time, seed 1: validation accuracy after 10 epochs on 50,000 images, for each η:")
    print(table.render(style: Style.standard))
    return 0
}

func bench(_ arguments: Arguments) throws -> Int32 {
    guard started([MnistConfiguration(), tunedCrossEntropy()], command: "bench") else { return 1 }
    let data = try loadData(arguments)
    let quadratic = MnistConfiguration()
    let crossEntropy = tunedCrossEntropy()
    print("Machine: \(machineDescription())")
    for configuration in [quadratic, crossEntropy] {
        let trainer = MnistTrainer(configuration: configuration, data: data)
        let (network, reports) = try trainer.train()
        let seconds = reports.map(\.seconds).reduce(0, +) / Double(reports.count)
        print(String(format: "784-%ld-10 %@, batch %ld, η = %@, %ld epochs on 50,000 images: %.3f s/epoch, "
                     + "validation %.2f%%, test accuracy %.2f%%",
                     configuration.hidden, configuration.cost.rawValue, configuration.batchSize,
                     formatNumber(configuration.learningRate), configuration.epochs, seconds,
                     100 * reports.last!.validationAccuracy, 100 * trainer.evaluate(network, on: data.test).accuracy))
    }
    return 0
}

runProgram("mnist", usage: usage,
           valued: ["--hidden", "--epochs", "--batch-size", "--eta", "--cost", "--seed", "--lambda", "--data", "--plot",
                    "--save", "--to", "--mirror"]) { arguments in
    do {
        switch arguments.positional.first ?? "train" {
        case "train": return try train(arguments)
        case "download": return try download(arguments)
        case "bench": return try bench(arguments)
        case "tune": return try tune(arguments)
        case "compare": return try compare(arguments)
        case "init": return try initialisation(arguments)
        default: throw UsageError("unknown command '\(arguments.positional[0])'")
        }
    } catch let error as DataError {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return 1
    } catch let error as TrainingError {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return 1
    }
}
