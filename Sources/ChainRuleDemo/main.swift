import Chapter1Checks
import Foundation
import WorkbookCore

let usage = """
    Chapter 1's worked example: L = (σ(w·x + b) − t)², differentiated by your
    Value graph and backward(), checked against central differences.

    USAGE: swift run chain-rule [--x X] [--w W] [--b B] [--t T]

    OPTIONS:
      --x, --w, --b, --t   The inputs (defaults 1.5, -0.8, 0.4, 1).
      -h, --help           Show this help.

    WORKBOOK_SOLUTIONS=1 swift run chain-rule runs the reference solutions instead.
    """

var example = WorkedExample()
var words = Array(CommandLine.arguments.dropFirst())
while !words.isEmpty {
    let word = words.removeFirst()
    if word == "-h" || word == "--help" {
        print(usage)
        exit(0)
    }
    let fields: [String: WritableKeyPath<WorkedExample, Double>] = ["--x": \.x, "--w": \.w, "--b": \.b, "--t": \.t]
    guard let field = fields[word] else {
        FileHandle.standardError.write(Data("error: unknown option '\(word)'\nsee: swift run chain-rule --help\n".utf8))
        exit(2)
    }
    guard let text = words.first, let value = Double(text), value.isFinite else {
        FileHandle.standardError.write(Data("error: \(word) needs a number\nsee: swift run chain-rule --help\n".utf8))
        exit(2)
    }
    words.removeFirst()
    example[keyPath: field] = value
}
print(example.render(style: .standard))
