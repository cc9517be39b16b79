import Foundation
import Testing
import WorkbookCore

@Suite("Plots and tables")
struct PlotTests {
    @Test("a text line chart has one row per level, an axis, and the first and last index")
    func textChart() {
        let chart = TextChart.line((0 ..< 100).map { 1 / Double($0 + 1) }, width: 20, height: 5)
        let lines = chart.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix("0.456667"))
        #expect(lines[0].hasSuffix("┤•"))
        #expect(lines.last!.hasSuffix("99"))
        #expect(TextChart.line([]) == "(nothing to plot)")
    }

    @Test("an SVG plot has one panel per chart and escapes its text")
    func svg() throws {
        var plot = SVGPlot()
        plot.addLineChart(title: "loss < 1 & falling", xLabel: "epoch", yLabel: "loss", series: [[3, 2, 1]])
        plot.addHeatMap(title: "map", xLabel: "x", yLabel: "y", range: 0 ... 1, resolution: 4,
                        value: { x, _ in x }, points: [(0.5, 0.5, "A")])
        let document = plot.document
        #expect(document.hasPrefix("<svg"))
        #expect(document.contains("loss &lt; 1 &amp; falling"))
        #expect(document.components(separatedBy: "<rect x=").count - 1 == 16)
        #expect(document.contains("width=\"840.0\""))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plot-test-\(UUID()).svg").path
        try plot.write(to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == document)
        try FileManager.default.removeItem(atPath: path)
    }

    @Test("a table aligns its columns and ignores escape codes when measuring")
    func table() {
        var table = Table(headers: ["name", "n"], alignments: [.left, .right])
        table.append([Style(isEnabled: true).green("ok"), "10"])
        table.append(["longer", "2"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines[0] == "name     n")
        #expect(lines[3] == "longer   2")
        #expect(lines[2].hasSuffix("ok\u{1B}[0m      10"))
    }
}
