import Chapter2
import Chapter3Checks
import Foundation
import WorkbookCore

let usage = """
    Chapter 3's program: trains your two-layer network (Chapter 2) with your
    training loop (Chapter 3) on XOR, and shows what it learned.

    USAGE: swift run xor [--hidden N] [--eta X] [--epochs N] [--seed S] [--plot FILE.svg]

    OPTIONS:
      --hidden N        Hidden units (default 4).
      --eta X           The learning rate η (default 5).
      --epochs N        Training epochs, each one step on all four points (default 1000).
      --seed S          Seed for the initial weights (default 1). The same seed gives the same run.
      --plot FILE.svg   Also write the loss curve and the decision boundary as an SVG file.
      -h, --help        Show this help.

    WORKBOOK_SOLUTIONS=1 swift run xor runs the reference solutions instead.
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\nsee: swift run xor --help\n".utf8))
    exit(2)
}

var demo = XorDemo(functions: chapter2Network)
var plotPath: String?
var words = Array(CommandLine.arguments.dropFirst())
while !words.isEmpty {
    let word = words.removeFirst()
    if word == "-h" || word == "--help" {
        print(usage)
        exit(0)
    }
    guard ["--hidden", "--eta", "--epochs", "--seed", "--plot"].contains(word) else { fail("unknown option '\(word)'") }
    guard let value = words.first else { fail("\(word) needs a value") }
    words.removeFirst()
    switch word {
    case "--hidden":
        guard let number = Int(value), (1 ... 1000).contains(number) else { fail("--hidden needs a whole number from 1 to 1000") }
        demo.configuration.hidden = number
    case "--eta":
        guard let number = Double(value), number.isFinite, number > 0 else { fail("--eta needs a positive number") }
        demo.configuration.learningRate = number
    case "--epochs":
        guard let number = Int(value), (1 ... 10_000_000).contains(number) else { fail("--epochs needs a whole number from 1 to 10000000") }
        demo.configuration.epochs = number
    case "--seed":
        guard let number = UInt64(value) else { fail("--seed needs a whole number") }
        demo.configuration.seed = number
    default:
        guard value.hasSuffix(".svg") else { fail("--plot needs a file name ending in .svg") }
        plotPath = value
    }
}

let start = Date()
let run = demo.train()
let seconds = Date().timeIntervalSince(start)
if let epoch = run.firstNonFiniteEpoch {
    FileHandle.standardError.write(Data(("error: the loss became \(run.history[epoch]) at epoch \(epoch); "
        + "try a smaller --eta (now \(formatNumber(demo.configuration.learningRate)))\n").utf8))
    exit(1)
}
print(demo.render(run, style: .standard))
FileHandle.standardError.write(Data(String(format: "\n(trained in %.3f s)\n", seconds).utf8))
if let plotPath {
    do {
        try demo.plot(run).write(to: plotPath)
        print("\nWrote \(plotPath): the loss curve and the decision boundary. Open it in a browser.")
    } catch {
        FileHandle.standardError.write(Data("error: could not write \(plotPath): \(error.localizedDescription)\n".utf8))
        exit(1)
    }
} else {
    print("\n" + XorDemo.plotHint)
}
