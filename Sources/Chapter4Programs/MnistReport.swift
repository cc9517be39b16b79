import Chapter4Checks
import Datasets
import Foundation
import WorkbookCore

/// The text and plots `swift run mnist` shows after training.
public enum MnistReport {
    /// counts[actual][predicted] as a table, the diagonal (right answers) in bold.
    public static func confusionTable(_ counts: [[Int]], style: Style) -> String {
        var table = Table(headers: ["actual ↓ predicted →"] + (0 ..< 10).map(String.init),
                          alignments: [.left] + Array(repeating: .right, count: 10))
        for (actual, row) in counts.enumerated() {
            table.append(["\(actual)"] + row.enumerated().map { predicted, count in
                predicted == actual ? style.bold("\(count)") : count == 0 ? style.dim("·") : "\(count)"
            })
        }
        return table.render(style: style)
    }

    /// Up to `limit` misclassified images of `split`, drawn side by side in characters,
    /// two pixel rows per line, with what they are and what the network said.
    public static func misclassified(_ split: MNIST.Split, predicted: [Int], limit: Int = 4) -> String {
        let wrong = predicted.indices.filter { predicted[$0] != Int(split.labels[$0]) }.prefix(limit)
        guard !wrong.isEmpty else { return "(every image is classified correctly)" }
        let shades = Array(" .:-=+*#%@")
        var lines = Array(repeating: "", count: split.rows / 2 + 1)
        for index in wrong {
            lines[0] += "#\(index): a \(split.labels[index]), read as \(predicted[index])".padding(toLength: split.columns + 4, withPad: " ", startingAt: 0)
            for line in 0 ..< split.rows / 2 {
                var text = ""
                for column in 0 ..< split.columns {
                    let top = Int(split.pixels[index * split.imageSize + 2 * line * split.columns + column])
                    let bottom = Int(split.pixels[index * split.imageSize + (2 * line + 1) * split.columns + column])
                    text.append(shades[(top + bottom) / 2 * (shades.count - 1) / 255])
                }
                lines[line + 1] += text + "    "
            }
        }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// The loss and the validation accuracy per epoch, side by side.
    public static func plot(_ reports: [EpochReport]) -> SVGPlot {
        var plot = SVGPlot()
        plot.addLineChart(title: "Training loss per epoch", xLabel: "epoch", yLabel: "mean batch loss",
                          series: [reports.map(\.loss)], firstX: 1)
        plot.addLineChart(title: "Validation accuracy per epoch", xLabel: "epoch", yLabel: "accuracy (%)",
                          series: [reports.map { 100 * $0.validationAccuracy }], colors: ["#2ca02c"], firstX: 1)
        return plot
    }
}
