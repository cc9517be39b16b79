import Chapter1Checks
import Chapter1Programs
import Foundation
import WorkbookCore

let usage = """
    Chapter 1's worked example: L = (σ(w·x + b) − t)², differentiated by your
    Value graph and backward(), checked against central differences.

    USAGE: swift run chain-rule [--x X] [--w W] [--b B] [--t T]

    OPTIONS:
      --x, --w, --b, --t   The inputs (defaults 1.5, -0.8, 0.4, 1).
      --no-color           Plain text: no colours or progress bar (also NO_COLOR=1).
      -h, --help           Show this help.

    WORKBOOK_SOLUTIONS=1 swift run chain-rule runs the reference solutions instead.
    """

#if WORKBOOK_SOLUTIONS
let builtFromSolutions = true
#else
let builtFromSolutions = false
#endif

runProgram("chain-rule", usage: usage, valued: ["--x", "--w", "--b", "--t"]) { arguments in
    guard arguments.positional.isEmpty else { throw UsageError("unexpected argument '\(arguments.positional[0])'") }
    // The worked example runs the Value graph: the + and * rules, σ, and backward().
    let needs = ProgramNeeds("chain-rule", chapter1.exercises(["1.3", "1.4", "1.5"]))
    guard needs.met(builtFromSolutions: builtFromSolutions, style: .standard) else { return 1 }
    var example = WorkedExample()
    let fields: [(String, WritableKeyPath<WorkedExample, Double>)] = [("--x", \.x), ("--w", \.w), ("--b", \.b), ("--t", \.t)]
    for (name, field) in fields {
        example[keyPath: field] = try arguments.value(name, default: example[keyPath: field], what: "a number") {
            Double($0).flatMap { $0.isFinite ? $0 : nil }
        }
    }
    print(example.render(style: .standard))
    return 0
}
