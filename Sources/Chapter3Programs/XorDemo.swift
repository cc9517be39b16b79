import Chapter3
import Chapter3Checks
import Foundation
import WorkbookCore

/// What `swift run xor` does: trains a network on XOR with the learner's code
/// and shows the loss curve, the truth table and the decision boundary.
public struct XorDemo {
    public var configuration = XorConfiguration()
    /// The network code to train: the learner's Chapter 2 by default.
    public let functions: NetworkFunctions

    /// What the program says when no plot was asked for.
    public static let plotHint = "Add --plot xor.svg to draw the loss curve and the decision boundary in a file."

    public init(functions: NetworkFunctions) {
        self.functions = functions
    }

    /// A finished training run.
    public struct Run {
        public let network: Network
        public let history: [Double]
        /// The exercises whose stubs the run reached.
        public let stubs: Set<String>

        /// The first epoch whose loss is NaN or infinite, if any.
        public var firstNonFiniteEpoch: Int? { history.firstIndex { !$0.isFinite } }
    }

    /// Trains a fresh network with the learner's `train` (Exercise 3.3).
    public func train() -> Run {
        let ((network, history), stubs) = withStubsReached { () -> (Network, [Double]) in
            var network = configuration.initialNetwork()
            let (inputs, targets) = xorDataset()
            let history = Chapter3.train(&network, inputs: inputs, targets: targets, epochs: configuration.epochs,
                                         learningRate: configuration.learningRate, using: functions)
            return (network, history)
        }
        return Run(network: network, history: history, stubs: stubs)
    }

    /// The loss curve, the truth table and the decision boundary, as text.
    public func render(_ run: Run, style: Style = .plain) -> String {
        let (text, stubs) = withStubsReached { body(run, style: style) }
        let all = stubs.union(run.stubs)
        return all.isEmpty ? text : text + "\n\n" + unfinishedExercisesNote(all, program: "xor", style: style)
    }

    private func body(_ run: Run, style: Style) -> String {
        let c = configuration
        var lines = [style.bold("A 2-\(c.hidden)-1 sigmoid network learning XOR") + " (seed \(c.seed)): "
            + "η = \(formatNumber(c.learningRate)), \(c.epochs) epochs on all four points, "
            + "weights and biases from −\(formatNumber(c.initialScale)) ..< \(formatNumber(c.initialScale)).", ""]
        lines.append("The loss before each epoch:")
        lines.append(TextChart.line(run.history))
        if let first = run.history.first, let last = run.history.last {
            let below = run.history.firstIndex { $0 < 0.01 }.map { ", below 0.01 from epoch \($0)" } ?? ", never below 0.01"
            lines.append("loss \(formatNumber(first)) → \(formatNumber(last))\(below)")
        }
        lines.append("")
        let inputs = XorPoints.inputs, targets = XorPoints.targets
        let outputs = functions.predict(run.network, inputs)
        let classes = classify(outputs)
        var table = Table(headers: ["x₁", "x₂", "target", "ŷ", "class", ""], alignments: [.right, .right, .right, .right, .right, .left])
        for column in 0 ..< 4 {
            let right = Double(classes[column]) == targets[0, column]
            table.append([formatNumber(inputs[0, column]), formatNumber(inputs[1, column]), formatNumber(targets[0, column]),
                          String(format: "%.4f", outputs[0, column]), "\(classes[column])",
                          right ? style.green("✔") : style.red("✘")])
        }
        lines.append("The truth table:")
        lines.append(table.render(style: style))
        lines.append("accuracy \(formatNumber(accuracy(of: classes, targets: targets)))")
        lines.append("")
        lines.append("The decision boundary for x₁ (across) and x₂ (up) from −0.25 to 1.25: # where ŷ ≥ 0.5,")
        lines.append("· where ŷ < 0.5, and each XOR point as its target:")
        lines.append(decisionGrid(run.network))
        return lines.joined(separator: "\n")
    }

    /// ŷ on a coarse grid, as characters, with the four points marked.
    private func decisionGrid(_ network: Network) -> String {
        let columns = 33, rows = 13
        func coordinate(_ index: Int, of count: Int) -> Double { -0.25 + 1.5 * Double(index) / Double(count - 1) }
        var cells = [[Double]]()
        var grid = Matrix(rows: 2, columns: columns * rows)
        for row in 0 ..< rows {
            for column in 0 ..< columns {
                grid[0, row * columns + column] = coordinate(column, of: columns)
                grid[1, row * columns + column] = coordinate(rows - 1 - row, of: rows)
            }
        }
        let outputs = functions.predict(network, grid)
        for row in 0 ..< rows { cells.append((0 ..< columns).map { outputs[0, row * columns + $0] }) }
        var characters = cells.map { $0.map { $0 >= 0.5 ? "#" : "·" } }
        for (x1, x2, label) in [(0.0, 0.0, "0"), (0, 1, "1"), (1, 0, "1"), (1, 1, "0")] {
            let column = Int(((x1 + 0.25) / 1.5 * Double(columns - 1)).rounded())
            let row = rows - 1 - Int(((x2 + 0.25) / 1.5 * Double(rows - 1)).rounded())
            characters[row][column] = label
        }
        return characters.map { "  " + $0.joined() }.joined(separator: "\n")
    }

    /// The SVG: the loss curve beside ŷ over the plane with the four points.
    public func plot(_ run: Run) -> SVGPlot {
        var plot = SVGPlot()
        plot.addLineChart(title: "Loss while learning XOR", xLabel: "epoch", yLabel: "loss", series: [run.history])
        plot.addHeatMap(title: "ŷ and the decision boundary", xLabel: "x₁", yLabel: "x₂", range: -0.25 ... 1.25,
                        value: { x1, x2 in
                            functions.predict(run.network, Matrix(rows: 2, columns: 1, elements: [x1, x2]))[0, 0]
                        },
                        points: [(0, 0, "0"), (0, 1, "1"), (1, 0, "1"), (1, 1, "0")])
        return plot
    }
}
