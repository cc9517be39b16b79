import Chapter2Checks
import Foundation
import WorkbookCore

let usage = """
    Chapter 2's program: the shapes, a forward pass and a gradient check of your
    two-layer network, built from your Exercises/Chapter2 code.

    USAGE: swift run two-layer-net [--inputs N] [--hidden N] [--outputs N] [--batch N] [--seed S] [--bug NAME]

    OPTIONS:
      --inputs, --hidden, --outputs   Layer sizes (defaults 3, 5, 2).
      --batch N                       Examples in the batch (default 4).
      --seed S                        Seed for the weights and the batch (default 1).
      --bug NAME                      Check a bug in the wild instead of your code, on a square
                                      4-4-4 network unless sizes are given: \(BugInTheWild.allCases.map(\.rawValue).joined(separator: ", ")).
      -h, --help                      Show this help.

    WORKBOOK_SOLUTIONS=1 swift run two-layer-net runs the reference solutions instead.
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\nsee: swift run two-layer-net --help\n".utf8))
    exit(2)
}

var sizes: [WritableKeyPath<TwoLayerNetDemo, Int>: Int] = [:]
var seed: UInt64?
var bug: BugInTheWild?
var words = Array(CommandLine.arguments.dropFirst())
while !words.isEmpty {
    let word = words.removeFirst()
    if word == "-h" || word == "--help" {
        print(usage)
        exit(0)
    }
    let sizeOptions: [String: WritableKeyPath<TwoLayerNetDemo, Int>] = [
        "--inputs": \.inputs, "--hidden": \.hidden, "--outputs": \.outputs, "--batch": \.batch,
    ]
    guard sizeOptions[word] != nil || word == "--seed" || word == "--bug" else { fail("unknown option '\(word)'") }
    guard let value = words.first else { fail("\(word) needs a value") }
    words.removeFirst()
    if let field = sizeOptions[word] {
        guard let number = Int(value), (1 ... 1000).contains(number) else { fail("\(word) needs a whole number from 1 to 1000") }
        sizes[field] = number
    } else if word == "--seed" {
        guard let number = UInt64(value) else { fail("--seed needs a whole number") }
        seed = number
    } else {
        guard let named = BugInTheWild(rawValue: value) else {
            fail("no bug '\(value)'; the bugs are \(BugInTheWild.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        bug = named
    }
}
var demo = bug.map(TwoLayerNetDemo.init(bug:)) ?? TwoLayerNetDemo()
for (field, number) in sizes { demo[keyPath: field] = number }
if let seed { demo.seed = seed }
print(demo.render(style: .standard))
