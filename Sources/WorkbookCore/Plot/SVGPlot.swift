import Foundation

/// A small SVG writer for the workbook's plots: line charts and heat maps,
/// laid out in panels side by side. The files open in any browser.
public struct SVGPlot {
    /// The size of one panel, in pixels.
    public let panelWidth = 420.0
    public let panelHeight = 360.0
    private var panels: [String] = []

    public init() {}

    /// The document, with its panels left to right.
    public var document: String {
        let width = panelWidth * Double(max(panels.count, 1))
        let body = panels.enumerated().map { index, panel in
            "<g transform=\"translate(\(number(panelWidth * Double(index))),0)\">\n\(panel)\n</g>"
        }.joined(separator: "\n")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(number(panelHeight))" \
            viewBox="0 0 \(number(width)) \(number(panelHeight))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            \(body)
            </svg>

            """
    }

    /// Writes the document to `path`, replacing any file there only once the
    /// whole document is written.
    public func write(to path: String) throws {
        try Data(document.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    // The plotting area inside a panel.
    private var left: Double { 70 }
    private var right: Double { panelWidth - 20 }
    private var top: Double { 40 }
    private var bottom: Double { panelHeight - 50 }

    /// Adds a panel with a line chart of `series` (one value per x = firstX, firstX + 1, …).
    public mutating func addLineChart(title: String, xLabel: String, yLabel: String, series: [[Double]],
                                      names: [String] = [], colors: [String] = ["#1f77b4", "#d62728", "#2ca02c"],
                                      firstX: Int = 0) {
        let finite = series.flatMap { $0 }.filter(\.isFinite)
        let yMax = finite.max() ?? 1, yMin = min(0, finite.min() ?? 0)
        let count = max(series.map(\.count).max() ?? 1, 2)
        let ySpan = yMax > yMin ? yMax - yMin : 1
        func x(_ index: Int) -> Double { left + (right - left) * Double(index) / Double(count - 1) }
        func y(_ value: Double) -> Double { bottom - (bottom - top) * (value - yMin) / ySpan }
        var parts = [header(title: title, xLabel: xLabel, yLabel: yLabel)]
        for tick in 0 ... 4 {
            let value = yMin + ySpan * Double(tick) / 4
            parts.append("<line x1=\"\(number(left))\" x2=\"\(number(right))\" y1=\"\(number(y(value)))\" "
                + "y2=\"\(number(y(value)))\" stroke=\"#eee\"/>")
            parts.append("<text x=\"\(number(left - 6))\" y=\"\(number(y(value) + 4))\" text-anchor=\"end\">"
                + "\(escape(String(format: "%.3g", value)))</text>")
        }
        parts.append("<text x=\"\(number(left))\" y=\"\(number(bottom + 16))\" text-anchor=\"middle\">\(firstX)</text>")
        parts.append("<text x=\"\(number(right))\" y=\"\(number(bottom + 16))\" text-anchor=\"middle\">"
            + "\(firstX + count - 1)</text>")
        for (index, values) in series.enumerated() {
            let points = values.enumerated().filter { $0.element.isFinite }
                .map { "\(number(x($0.offset))),\(number(y($0.element)))" }.joined(separator: " ")
            let color = colors[index % colors.count]
            parts.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points)\"/>")
            if index < names.count {
                parts.append("<text x=\"\(number(right - 4))\" y=\"\(number(top + 14 + 14 * Double(index)))\" "
                    + "text-anchor=\"end\" fill=\"\(color)\">\(escape(names[index]))</text>")
            }
        }
        parts.append(axes())
        panels.append(parts.joined(separator: "\n"))
    }

    /// Adds a panel with a heat map of `value(x, y)` over the square `range`×`range`,
    /// blue near 0 and red near 1 (a decision boundary at 0.5 is where they meet), with labelled points on top.
    public mutating func addHeatMap(title: String, xLabel: String, yLabel: String, range: ClosedRange<Double>,
                                    resolution: Int = 60, value: (Double, Double) -> Double,
                                    points: [(x: Double, y: Double, label: String)]) {
        let span = range.upperBound - range.lowerBound
        let cell = (right - left) / Double(resolution)
        let cellHeight = (bottom - top) / Double(resolution)
        var parts = [header(title: title, xLabel: xLabel, yLabel: yLabel)]
        for row in 0 ..< resolution {
            for column in 0 ..< resolution {
                let xValue = range.lowerBound + span * (Double(column) + 0.5) / Double(resolution)
                let yValue = range.upperBound - span * (Double(row) + 0.5) / Double(resolution)
                let level = min(max(value(xValue, yValue), 0), 1)
                let red = Int(60 + 180 * level), blue = Int(240 - 180 * level), green = Int(90 + 40 * (1 - abs(2 * level - 1)))
                parts.append("<rect x=\"\(number(left + cell * Double(column)))\" y=\"\(number(top + cellHeight * Double(row)))\" "
                    + "width=\"\(number(cell + 0.5))\" height=\"\(number(cellHeight + 0.5))\" fill=\"rgb(\(red),\(green),\(blue))\"/>")
            }
        }
        for point in points {
            let px = left + (right - left) * (point.x - range.lowerBound) / span
            let py = bottom - (bottom - top) * (point.y - range.lowerBound) / span
            parts.append("<circle cx=\"\(number(px))\" cy=\"\(number(py))\" r=\"9\" fill=\"white\" stroke=\"black\"/>")
            parts.append("<text x=\"\(number(px))\" y=\"\(number(py + 4))\" text-anchor=\"middle\">\(escape(point.label))</text>")
        }
        for tick in [range.lowerBound, range.upperBound] {
            let px = left + (right - left) * (tick - range.lowerBound) / span
            let py = bottom - (bottom - top) * (tick - range.lowerBound) / span
            parts.append("<text x=\"\(number(px))\" y=\"\(number(bottom + 16))\" text-anchor=\"middle\">\(escape(formatNumber(tick)))</text>")
            parts.append("<text x=\"\(number(left - 6))\" y=\"\(number(py + 4))\" text-anchor=\"end\">\(escape(formatNumber(tick)))</text>")
        }
        parts.append(axes())
        panels.append(parts.joined(separator: "\n"))
    }

    private func header(title: String, xLabel: String, yLabel: String) -> String {
        """
        <text x="\(number(panelWidth / 2))" y="22" text-anchor="middle" font-size="14" font-weight="bold">\(escape(title))</text>
        <text x="\(number((left + right) / 2))" y="\(number(panelHeight - 14))" text-anchor="middle">\(escape(xLabel))</text>
        <text x="16" y="\(number((top + bottom) / 2))" text-anchor="middle" \
        transform="rotate(-90 16 \(number((top + bottom) / 2)))">\(escape(yLabel))</text>
        """
    }

    private func axes() -> String {
        "<polyline fill=\"none\" stroke=\"black\" points=\"\(number(left)),\(number(top)) \(number(left)),"
            + "\(number(bottom)) \(number(right)),\(number(bottom))\"/>"
    }

    private func number(_ value: Double) -> String { String(format: "%.1f", value) }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
