import Chapter2
import Chapter2Checks
import Chapter3Checks
import Chapter3Programs
import Foundation
import WorkbookCore

let usage = """
    Chapter 3's program: trains your two-layer network (Chapter 2) with your
    training loop (Chapter 3) on XOR, and shows what it learned.

    USAGE: swift run xor [--hidden N] [--eta X] [--epochs N] [--seed S] [--init-scale S] [--plot FILE.svg]
           swift run xor study

    COMMANDS:
      study             What the initial scale and the learning rate do to training, over seeds 1-20,
                        and what happens during the plateau (the numbers of Chapter 3's "When training fails").

    OPTIONS:
      --hidden N        Hidden units (default 4).
      --eta X           The learning rate η (default 5).
      --epochs N        Training epochs, each one step on all four points (default 1000).
      --seed S          Seed for the initial weights (default 1). The same seed gives the same run.
      --init-scale S    Initial weights and biases from −S ..< S (default 1; 0 starts every one at 0).
      --plot FILE.svg   Also write the loss curve and the decision boundary as an SVG file.
      --no-color        Plain text: no colours or progress bar (also NO_COLOR=1).
      -h, --help        Show this help.

    WORKBOOK_SOLUTIONS=1 swift run xor runs the reference solutions instead.
    """

#if WORKBOOK_SOLUTIONS
let builtFromSolutions = true
#else
let builtFromSolutions = false
#endif

runProgram("xor", usage: usage, valued: ["--hidden", "--eta", "--epochs", "--seed", "--init-scale", "--plot"]) { arguments in
    if arguments.positional == ["study"] {
        print(XorStudy.render(style: .standard))
        return 0
    }
    guard arguments.positional.isEmpty else { throw UsageError("unexpected argument '\(arguments.positional[0])'") }
    var demo = XorDemo(functions: chapter2Network)
    var configuration = demo.configuration
    configuration.hidden = try arguments.value("--hidden", default: configuration.hidden,
                                               what: "a whole number from 1 to 1000", wholeNumber(in: 1 ... 1000))
    configuration.learningRate = try arguments.value("--eta", default: configuration.learningRate,
                                                     what: "a positive number") {
        Double($0).flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
    }
    configuration.epochs = try arguments.value("--epochs", default: configuration.epochs,
                                               what: "a whole number from 1 to 10000000", wholeNumber(in: 1 ... 10_000_000))
    configuration.seed = try arguments.value("--seed", default: configuration.seed, what: "a whole number", UInt64.init)
    configuration.initialScale = try arguments.value("--init-scale", default: configuration.initialScale,
                                                     what: "a number from 0 to 100") {
        Double($0).flatMap { (0 ... 100).contains($0) ? $0 : nil }
    }
    let plotPath = try arguments.value("--plot", what: "a file name ending in .svg") { $0.hasSuffix(".svg") ? $0 : nil }
    demo.configuration = configuration
    // Your Chapter 2 network, trained by your Chapter 3 loop on your dataset, read by your classify and accuracy.
    let needs = ProgramNeeds("xor", chapter2.exercises(["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"])
        + chapter3.exercises(["3.1", "3.2", "3.3", "3.4"]))
    guard needs.met(builtFromSolutions: builtFromSolutions, style: .standard) else { return 1 }

    let start = Date()
    let run = demo.train()
    let seconds = Date().timeIntervalSince(start)
    if let epoch = run.firstNonFiniteEpoch {
        FileHandle.standardError.write(Data(("error: the loss became \(run.history[epoch]) at epoch \(epoch); "
            + "try a smaller --eta (now \(formatNumber(configuration.learningRate)))\n").utf8))
        return 1
    }
    print(demo.render(run, style: .standard))
    FileHandle.standardError.write(Data(String(format: "\n(trained in %.3f s)\n", seconds).utf8))
    guard let plotPath else {
        print("\n" + XorDemo.plotHint)
        return 0
    }
    do {
        try demo.plot(run).write(to: plotPath)
    } catch {
        FileHandle.standardError.write(Data("error: could not write \(plotPath): \(error.localizedDescription)\n".utf8))
        return 1
    }
    print("\nWrote \(plotPath): the loss curve and the decision boundary. Open it in a browser.")
    return 0
}
