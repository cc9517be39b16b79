import Chapter2
import Foundation
import Chapter2Checks
import WorkbookCore

/// What `swift run two-layer-net` prints: the shapes, a forward pass and a
/// gradient-check table for a random network, from the learner's Chapter 2 code
/// or from one of the bugs in the wild.
public struct TwoLayerNetDemo {
    public var inputs = 3
    public var hidden = 5
    public var outputs = 2
    public var batch = 4
    public var seed: UInt64 = 1
    public var bug: BugInTheWild?

    public init() {}

    /// The demo of a bug in the wild, on a square 4-4-4 network where every bug runs.
    public init(bug: BugInTheWild) {
        (inputs, hidden, outputs, self.bug) = (4, 4, 4, bug)
    }

    public func render(style: Style = .plain) -> String {
        let (text, stubs) = withStubsReached { body(style: style) }
        return stubs.isEmpty ? text : text + "\n\n" + unfinishedExercisesNote(stubs, program: "two-layer-net", style: style)
    }

    private func body(style: Style) -> String {
        var generator = SplitMix64(seed: seed)
        let problem = Problem(inputs: inputs, hidden: hidden, outputs: outputs, batch: batch, using: &generator)
        let network = problem.network, x = problem.x, t = problem.t
        let loss: (Network, Matrix, Matrix) -> Double
        let gradients: (Network, Matrix, Matrix) -> Gradients
        var lines = [style.bold("A \(inputs)-\(hidden)-\(outputs) sigmoid network") + " with random weights (seed \(seed)) "
            + "and a batch of \(batch) random examples, one per column.", ""]
        if let bug {
            loss = bug.loss
            gradients = bug.backprop
            lines.append(style.yellow("Running the bug in the wild '\(bug.rawValue)': \(bug.explanation).") + "\n")
        } else {
            loss = { quadraticLoss(forward($0, $1).a2, $2) }
            gradients = backprop
            let pass = forward(network, x)
            var shapes = Table(headers: ["matrix", "shape", "meaning"])
            shapes.append(["x", "\(x.shape)", "inputs × examples"])
            shapes.append(["W1, b1", "\(network.W1.shape), \(network.b1.shape)", "hidden × inputs, hidden × 1"])
            shapes.append(["z1, a1", "\(pass.z1.shape), \(pass.a1.shape)", "hidden × examples"])
            shapes.append(["W2, b2", "\(network.W2.shape), \(network.b2.shape)", "outputs × hidden, outputs × 1"])
            shapes.append(["z2, ŷ", "\(pass.z2.shape), \(pass.a2.shape)", "outputs × examples"])
            shapes.append(["t", "\(t.shape)", "outputs × examples"])
            lines.append(shapes.render(style: style))
            lines.append("")
            lines.append("The forward pass (your forward), one column per example:")
            lines.append(matrixRows("ŷ", pass.a2) + "\n" + matrixRows("t", t))
            lines.append("quadraticLoss(ŷ, t) = \(formatNumber(quadraticLoss(pass.a2, t)))")
            lines.append("")
        }
        lines.append("The gradient check: backprop's gradients against central differences of the loss:")
        var table = Table(headers: ["parameter", "shape", "entries checked", "max relative error", "verdict"],
                          alignments: [.left, .left, .right, .right, .left])
        let (reports, stubs) = withStubsReached {
            checkNetworkGradients(network, x, t, loss: loss, backprop: gradients, using: &generator)
        }
        for report in reports {
            let error = report.entries.isEmpty ? "—" : String(format: "%.0e", report.maxRelativeError)
            let verdict = !stubs.isEmpty ? style.dim("not started") : report.passed ? style.green("ok") : style.red("WRONG")
            table.append([report.name, "\(report.shape)", "\(report.entries.count) of \(report.totalCount)", error, verdict])
        }
        lines.append(table.render(style: style))
        for report in reports where !report.passed && stubs.isEmpty {
            lines.append("")
            lines.append(report.description)
        }
        return lines.joined(separator: "\n")
    }

    private func matrixRows(_ name: String, _ matrix: Matrix) -> String {
        (0 ..< matrix.rows).map { row in
            let label = row == 0 ? name.padding(toLength: 3, withPad: " ", startingAt: 0) + "= " : "     "
            let cells = (0 ..< matrix.columns).map { String(format: "%8.4f", matrix[row, $0]) }
            return "  " + label + "[" + cells.joined(separator: " ") + " ]"
        }.joined(separator: "\n")
    }
}
