import Chapter5Checks
import Foundation
import WorkbookCore

/// The tables and plots `swift run deep-mnist` shows after training.
public enum DeepReport {
    /// Layers as rows, epochs as columns (at most 10 of them, evenly spread).
    public static func gradientTable(_ reports: [DeepEpochReport]) -> Table {
        let shown = reports.count <= 10 ? reports
            : (0 ..< 10).map { reports[$0 * (reports.count - 1) / 9] }
        var table = Table(headers: ["layer"] + shown.map { "epoch \($0.epoch)" },
                          alignments: [.left] + shown.map { _ in .right })
        for l in (reports.first?.gradientNorms ?? []).indices {
            table.append(["W\(superscript(l + 1))"] + shown.map { String(format: "%.3g", $0.gradientNorms[l]) })
        }
        return table
    }

    /// Enough colours for one line per layer.
    public static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f"]

    /// The loss, the validation accuracy, and log₁₀ of each layer's gradient norm, per epoch.
    public static func plot(_ reports: [DeepEpochReport]) -> SVGPlot {
        var plot = SVGPlot()
        plot.addLineChart(title: "Training loss per epoch", xLabel: "epoch", yLabel: "mean batch loss",
                          series: [reports.map(\.loss)], firstX: 1)
        plot.addLineChart(title: "Validation accuracy per epoch", xLabel: "epoch", yLabel: "accuracy (%)",
                          series: [reports.map { 100 * $0.validationAccuracy }], colors: ["#2ca02c"], firstX: 1)
        let layers = reports.first?.gradientNorms.indices ?? 0 ..< 0
        plot.addLineChart(title: "Gradient norm of each layer", xLabel: "epoch", yLabel: "log₁₀ ‖∂L/∂Wˡ‖",
                          series: layers.map { l in reports.map { log10($0.gradientNorms[l]) } },
                          names: layers.map { "W\(superscript($0 + 1))" }, colors: colors, firstX: 1)
        return plot
    }
}
