import Foundation

/// Charts drawn with characters, for the terminal.
public enum TextChart {
    /// A line chart of `values` against their index: `width` columns, each the
    /// mean of its share of the values, and `height` rows from 0 (or the
    /// lowest mean, if negative) to the highest mean.
    public static func line(_ values: [Double], width: Int = 60, height: Int = 10) -> String {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty, width > 0, height > 1 else { return "(nothing to plot)" }
        let columns = min(width, finite.count)
        let means = (0 ..< columns).map { column -> Double in
            // columns ≤ finite.count, so every share holds at least one value.
            let range = (column * finite.count / columns) ..< ((column + 1) * finite.count / columns)
            return finite[range].reduce(0, +) / Double(range.count)
        }
        let top = means.max()!, bottom = min(0, means.min()!)
        let span = top > bottom ? top - bottom : 1
        var grid = Array(repeating: Array(repeating: " ", count: columns), count: height)
        for (column, mean) in means.enumerated() {
            let row = Int(((top - mean) / span * Double(height - 1)).rounded())
            grid[min(max(row, 0), height - 1)][column] = "•"
        }
        let labels = [formatNumber(top), formatNumber(bottom)]
        let labelWidth = labels.map(\.count).max()!
        var lines = [String]()
        for (row, cells) in grid.enumerated() {
            let label = row == 0 ? labels[0] : row == height - 1 ? labels[1] : ""
            let padded = String(repeating: " ", count: labelWidth - label.count) + label
            lines.append((padded + (label.isEmpty ? " │" : " ┤") + cells.joined()).trimmingTrailingSpaces())
        }
        lines.append(String(repeating: " ", count: labelWidth) + " └" + String(repeating: "─", count: columns))
        let end = String(values.count - 1)
        lines.append(String(repeating: " ", count: labelWidth + 2) + "0"
            + String(repeating: " ", count: max(1, columns - 1 - end.count)) + end)
        return lines.joined(separator: "\n")
    }
}
