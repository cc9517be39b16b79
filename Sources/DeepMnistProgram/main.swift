import Chapter5
import Chapter5Checks
import Chapter5Programs
import Datasets
import Foundation
import WorkbookCore

let usage = """
    Chapter 5's program: trains your deep network (Exercises/Chapter5) on MNIST.

    USAGE: swift run -c release deep-mnist [train] [OPTIONS]
           swift run -c release deep-mnist init | vanishing [--data DIR] [--plot FILE.svg]
           swift run -c release deep-mnist tune [--epochs N] [--seeds N] | bench [--kernels] [--data DIR]
           swift run -c release deep-mnist seed [--epochs N] [--seeds N] [--data DIR]
           swift run deep-mnist depth

    TRAINING OPTIONS:
      --layers N,N,...      The hidden layers' sizes (default 256,128).
      --activation NAME     The hidden layers' activation: relu (default), leaky-relu,
                            softplus, tanh or sigmoid.
      --init NAME           he (default), xavier or normal (N(0, 1), the seed material's choice).
      --epochs N            Epochs (default 20).
      --batch-size N        Examples per mini-batch (default 128).
      --eta X               The learning rate η (default 0.05).
      --momentum μ          The momentum μ, from 0 (plain gradient descent) to below 1 (default 0.9).
      --seed S              Seed for the weights and the shuffling (default 1).
      --data DIR            Where the four MNIST files are (default: $MNIST_DIR, then data/mnist in the package).
      --plot FILE.svg       Also draw the loss, the validation accuracy and the gradient norms per epoch.
      --save FILE.json      Save the trained network.
      --no-color            Plain text: no colours or progress bar (also NO_COLOR=1).
      -h, --help            Show this help.

    The output layer is always softmax with cross-entropy. It trains on the first 50,000
    training images, reports the accuracy on the other 10,000 (the validation set) after
    every epoch, and the accuracy on the 10,000 test images once, at the end. The defaults
    are among the best of deep-mnist tune's grid on the validation set. The seed material's own
    configuration is --init normal --eta 0.01 --momentum 0.

    init measures each layer's spread at initialisation for N(0, 1), Xavier and He;
    vanishing trains 784-30-30-30-30-10 with sigmoid and with ReLU and He, and follows
    each layer's gradient; tune tries a grid of batch sizes and η on the validation set,
    --seeds runs (default 3) of 10 epochs each; seed takes the seed material's
    configuration apart (its initialisation and its optimiser changed one at a time,
    and η swept for N(0, 1) weights), --seeds runs (default 3) of 20 epochs each;
    bench times each product of a step (naive, one core, all cores) and an epoch for
    batches of 32, 64 and 128 (--kernels: the products only); depth shows how far finite
    differences drift from backpropagation as a network gets deeper (no data needed).
    WORKBOOK_SOLUTIONS=1 runs the reference solutions instead of your code.
    """

let localData = PackageRoot.url.appendingPathComponent("data/mnist")

/// Loads the data, or explains what is wrong.
func loadData(_ arguments: Arguments) throws -> MNIST {
    let directory = try MNIST.locate(option: try arguments.value("--data", what: "a folder") { $0 }, local: localData)
    return try MNIST.load(from: directory)
}

func plotPath(_ arguments: Arguments) throws -> String? {
    try arguments.value("--plot", what: "a file name ending in .svg") { $0.hasSuffix(".svg") ? $0 : nil }
}

/// Stops with the exercises a command needs that are not started yet, if there are any.
func requireFinished(_ configuration: DeepConfiguration, command: String, style: Style) -> Bool {
    let unfinished = configuration.unfinishedExercises()
    guard !unfinished.isEmpty else { return true }
    let ids = unfinished.sorted().joined(separator: ", ")
    print(style.yellow("This needs Chapter 5's exercises, and \(ids) \(unfinished.count == 1 ? "is" : "are") not started yet.")
        + "\nFinish them (swift run workbook shows what is left)"
        + PackageRoot.orTheReference("run the reference",
                                     "WORKBOOK_SOLUTIONS=1 swift run -c release deep-mnist" + (command.isEmpty ? "" : " \(command)")))
    return false
}

func configuration(from arguments: Arguments) throws -> DeepConfiguration {
    var c = DeepConfiguration()
    c.hidden = try arguments.value("--layers", default: c.hidden, what: "sizes separated by commas, such as 256,128") { text in
        let sizes = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 4096 }) else { return nil }
        return sizes.map { $0! }
    }
    c.activation = try arguments.value("--activation", default: c.activation, what: "relu, leaky-relu, softplus, tanh or sigmoid") {
        Activation(rawValue: $0).flatMap { $0 == .identity ? nil : $0 }
    }
    c.initialisation = try arguments.value("--init", default: c.initialisation, what: "he, xavier or normal",
                                           Initialisation.init(rawValue:))
    c.epochs = try arguments.value("--epochs", default: c.epochs, what: "a whole number from 1 to 1000",
                                   wholeNumber(in: 1 ... 1000))
    c.batchSize = try arguments.value("--batch-size", default: c.batchSize, what: "a whole number from 1 to 50000",
                                      wholeNumber(in: 1 ... 50_000))
    c.learningRate = try arguments.value("--eta", default: c.learningRate, what: "a positive number") {
        Double($0).flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
    }
    c.momentum = try arguments.value("--momentum", default: c.momentum, what: "a number from 0 to below 1") {
        Double($0).flatMap { $0 >= 0 && $0 < 1 ? $0 : nil }
    }
    c.seed = try arguments.value("--seed", default: c.seed, what: "a whole number", UInt64.init)
    return c
}

func train(_ arguments: Arguments) throws -> Int32 {
    let c = try configuration(from: arguments)
    let plot = try plotPath(arguments)
    let savePath = try arguments.value("--save", what: "a file name ending in .json") { $0.hasSuffix(".json") ? $0 : nil }
    let style = Style.standard
    guard requireFinished(c, command: "", style: style) else { return 1 }
    let data = try loadData(arguments)
    let trainer = DeepTrainer(configuration: c, data: data)
    #if DEBUG
    print(style.yellow("This is a debug build; swift run -c release deep-mnist trains many times faster.\n"))
    #endif
    print(style.bold(data.name) + " from \(data.directory.path): training on the first "
        + "\(min(c.trainingCount, data.training.count)) training images, validating on the other "
        + "\(trainer.validation.count) after each epoch, testing on the \(data.test.count) test images once, at the end.")
    print("A \(c.summary), softmax and cross-entropy, η = \(formatNumber(c.learningRate)), momentum "
        + "\(formatNumber(c.momentum)), batches of \(c.batchSize), \(c.epochs) epoch\(c.epochs == 1 ? "" : "s"), seed \(c.seed).\n")
    let batchesPerEpoch = min(c.trainingCount, data.training.count) / c.batchSize
    var bar = ProgressBar(total: batchesPerEpoch, label: "epoch 1")
    let result: (network: DeepNetwork, epochs: [DeepEpochReport])
    do {
        result = try trainer.train(onBatches: { bar.advance(by: $0) }, onEpoch: { report, _ in
            bar.finish()
            print(String(format: "epoch %3ld/%ld  loss %.4f  validation accuracy %6.2f%%  %.2f s", report.epoch, c.epochs,
                         report.loss, 100 * report.validationAccuracy, report.seconds))
            bar = ProgressBar(total: batchesPerEpoch, label: "epoch \(report.epoch + 1)")
        })
    } catch let error as DivergedError {
        bar.finish()
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return 1
    }
    bar.finish()
    let (network, reports) = result
    let accuracy = trainer.evaluate(network, on: data.test).accuracy
    print("\nTest accuracy \(String(format: "%.2f", 100 * accuracy))%.")
    print("\nThe mean gradient norm ‖∂L/∂Wˡ‖ of each layer, per epoch:")
    print(DeepReport.gradientTable(reports).render(style: style))
    if let plot {
        try DeepReport.plot(reports).write(to: plot)
        print("\nWrote \(plot): the loss, the validation accuracy and the gradient norms per epoch.")
    }
    if let savePath {
        try JSONEncoder().encode(network).write(to: URL(fileURLWithPath: savePath), options: .atomic)
        print("Saved the network to \(savePath).")
    }
    return 0
}

func bench(_ arguments: Arguments) throws -> Int32 {
    let epochs = try arguments.value("--epochs", default: 2, what: "a whole number from 1 to 100", wholeNumber(in: 1 ... 100))
    // The kernels alone run no exercise; the epochs run all of Chapter 5's.
    guard arguments.has("--kernels") || requireFinished(DeepConfiguration(), command: "bench", style: .standard) else { return 1 }
    let data = try loadData(arguments)
    print("Machine: \(machineDescription())")
    for batchSize in [32, 64, 128] {
        print("\nThe products of one training step with a batch of \(batchSize) (the best of repeated calls):")
        print(KernelBenchmark.table(KernelBenchmark.measure(sizes: [784, 256, 128, 10], batch: batchSize)).render(style: .standard))
    }
    if arguments.has("--kernels") { return 0 }
    print("")
    var table = Table(headers: ["batch", "s/epoch", "validation accuracy"], alignments: [.right, .right, .right])
    for batchSize in [32, 64, 128] {
        var c = DeepConfiguration()
        (c.batchSize, c.epochs) = (batchSize, epochs)
        let trainer = DeepTrainer(configuration: c, data: data)
        let reports = try trainer.train().epochs
        let seconds = reports.map(\.seconds).min()!
        table.append([String(batchSize), String(format: "%.3f", seconds),
                      String(format: "%.2f%%", 100 * reports.last!.validationAccuracy)])
    }
    print("784-256-128-10 ReLU, softmax and cross-entropy, momentum 0.9, 50,000 images; the best of \(epochs) epochs:")
    print(table.render(style: Style.standard))
    return 0
}

func tune(_ arguments: Arguments) throws -> Int32 {
    guard requireFinished(DeepConfiguration(), command: "tune", style: .standard) else { return 1 }
    let data = try loadData(arguments)
    let epochs = try arguments.value("--epochs", default: 10, what: "a whole number from 1 to 100", wholeNumber(in: 1 ... 100))
    let seeds = try arguments.value("--seeds", default: 3, what: "a whole number from 1 to 10", wholeNumber(in: 1 ... 10))
    let batchSizes = [32, 64, 128], etas = [0.02, 0.05, 0.1]
    var table = Table(headers: ["batch"] + etas.map { "η = \(formatNumber($0))" }, alignments: Array(repeating: .right, count: 4))
    var cells = [(accuracies: [Double], batchSize: Int, eta: Double)]()
    let progress = ProgressBar(total: batchSizes.count * etas.count * seeds, label: "networks trained")
    for batchSize in batchSizes {
        var row = [String(batchSize)]
        for eta in etas {
            let accuracies = try (1 ... seeds).map { seed in
                var c = DeepConfiguration()
                (c.batchSize, c.learningRate, c.epochs, c.seed) = (batchSize, eta, epochs, UInt64(seed))
                defer { progress.advance() }
                return try DeepTrainer(configuration: c, data: data).train().epochs.last!.validationAccuracy * 100
            }
            let mean = accuracies.reduce(0, +) / Double(seeds)
            row.append(String(format: "%.2f%%", mean)
                + (seeds > 1 ? String(format: " (%.2f–%.2f)", accuracies.min()!, accuracies.max()!) : ""))
            cells.append((accuracies, batchSize, eta))
        }
        table.append(row)
    }
    progress.finish()
    let average = { (cell: (accuracies: [Double], batchSize: Int, eta: Double)) in cell.accuracies.reduce(0, +) / Double(seeds) }
    let best = cells.max { average($0) < average($1) }!
    print("784-256-128-10 ReLU, He, momentum 0.9: validation accuracy after \(epochs) epochs on 50,000 images, "
        + (seeds == 1 ? "seed 1:" : "the mean over seeds 1–\(seeds) (lowest–highest):"))
    print(table.render(style: Style.standard))
    print("Best on the validation set: batch \(best.batchSize), η = \(formatNumber(best.eta))")
    if seeds > 1 {
        // A cell whose seeds reach the best cell's mean is not told apart from it by these runs.
        let level = cells.filter { $0.batchSize != best.batchSize || $0.eta != best.eta }
            .filter { $0.accuracies.max()! >= average(best) }
            .map { "batch \($0.batchSize), η = \(formatNumber($0.eta))" }
        if !level.isEmpty {
            print("Not told apart from it by these seeds (one of their runs reaches its mean): " + level.joined(separator: "; "))
        }
    }
    return 0
}

runProgram("deep-mnist", usage: usage,
           valued: ["--layers", "--activation", "--init", "--epochs", "--batch-size", "--eta", "--momentum", "--seed",
                    "--seeds", "--data", "--plot", "--save"], flags: ["--kernels"]) { arguments in
    do {
        switch arguments.positional.first ?? "train" {
        case "train": return try train(arguments)
        case "bench": return try bench(arguments)
        case "tune": return try tune(arguments)
        case "init": return try initialisationStudy(arguments)
        case "vanishing": return try vanishingStudy(arguments)
        case "depth": return try depthStudy(arguments)
        case "seed": return try seedStudy(arguments)
        default: throw UsageError("unknown command '\(arguments.positional[0])'")
        }
    } catch let error as DataError {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return 1
    }
}
