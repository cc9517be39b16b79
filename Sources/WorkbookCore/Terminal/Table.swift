/// A plain-text table with aligned columns.
///
/// Cells may contain escape codes from ``Style`` and wide characters (Chinese); widths are
/// terminal columns, measured by ``displayWidth(_:)``.
public struct Table: Sendable {
    /// How a column's cells line up.
    public enum Alignment: Sendable { case left, right }

    public let headers: [String]
    public let alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    /// Creates an empty table; columns are left-aligned unless `alignments` says otherwise.
    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    /// Adds a row, which must have one cell per column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "a row needs \(headers.count) cells, got \(row.count)")
        rows.append(row)
    }

    /// The table as lines of text, with a rule under the headers.
    public func render(style: Style = .plain) -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(displayWidth).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let gap = String(repeating: " ", count: widths[column] - displayWidth(cells[column]))
                return alignments[column] == .left ? cells[column] + gap : gap + cells[column]
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        let body = rows.map(line)
        return ([style.bold(line(headers)), rule] + body).joined(separator: "\n")
    }
}

extension String {
    /// This text without the spaces at its end.
    public func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

