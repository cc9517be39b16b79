import Chapter2Checks
import Chapter2Programs
import Foundation
import WorkbookCore

let usage = """
    Chapter 2's program: the shapes, a forward pass and a gradient check of your
    two-layer network, built from your Exercises/Chapter2 code.

    USAGE: swift run two-layer-net [--inputs N] [--hidden N] [--outputs N] [--batch N] [--seed S] [--bug NAME]
           swift run two-layer-net trace

    COMMANDS:
      trace                           A 2-2-1 network traced by hand for one example: every forward value,
                                      delta and gradient, and one gradient entry checked numerically.

    OPTIONS:
      --inputs, --hidden, --outputs   Layer sizes (defaults 3, 5, 2).
      --batch N                       Examples in the batch (default 4).
      --seed S                        Seed for the weights and the batch (default 1).
      --bug NAME                      Check a bug in the wild instead of your code, on a square
                                      4-4-4 network unless sizes are given: \(BugInTheWild.allCases.map(\.rawValue).joined(separator: ", ")).
      --no-color                      Plain text: no colours or progress bar (also NO_COLOR=1).
      -h, --help                      Show this help.

    WORKBOOK_SOLUTIONS=1 swift run two-layer-net runs the reference solutions instead.
    """

#if WORKBOOK_SOLUTIONS
let builtFromSolutions = true
#else
let builtFromSolutions = false
#endif

runProgram("two-layer-net", usage: usage, valued: ["--inputs", "--hidden", "--outputs", "--batch", "--seed", "--bug"]) {
    arguments in
    if arguments.positional == ["trace"] {
        print(HandTrace.render(style: .standard))
        return 0
    }
    guard arguments.positional.isEmpty else { throw UsageError("unexpected argument '\(arguments.positional[0])'") }
    let bugs = BugInTheWild.allCases.map(\.rawValue).joined(separator: ", ")
    let bug = try arguments.value("--bug", what: "one of \(bugs)", BugInTheWild.init(rawValue:))
    // Your code runs unless a bug in the wild was asked for: the forward pass, the loss, both δ and the gradients.
    let needs = ProgramNeeds("two-layer-net", chapter2.exercises(["2.1", "2.2", "2.3", "2.4", "2.5"]))
    guard bug != nil || needs.met(builtFromSolutions: builtFromSolutions, style: .standard) else { return 1 }
    var demo = bug.map(TwoLayerNetDemo.init(bug:)) ?? TwoLayerNetDemo()
    let sizes: [(String, WritableKeyPath<TwoLayerNetDemo, Int>)] = [
        ("--inputs", \.inputs), ("--hidden", \.hidden), ("--outputs", \.outputs), ("--batch", \.batch),
    ]
    for (name, field) in sizes {
        demo[keyPath: field] = try arguments.value(name, default: demo[keyPath: field],
                                                   what: "a whole number from 1 to 1000", wholeNumber(in: 1 ... 1000))
    }
    demo.seed = try arguments.value("--seed", default: demo.seed, what: "a whole number", UInt64.init)
    print(demo.render(style: .standard))
    return 0
}
