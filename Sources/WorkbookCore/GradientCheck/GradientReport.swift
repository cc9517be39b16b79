import Foundation

/// One entry of a gradient: its analytic and numeric values side by side.
public struct EntryCheck: Sendable {
    public let row: Int
    public let column: Int
    public let analytic: Double
    public let numeric: Double

    /// The relative error of this entry; see ``GradientCheck/relativeError(_:_:)``.
    public var relativeError: Double { GradientCheck.relativeError(analytic, numeric) }
}

/// The result of checking one parameter's gradient.
public struct GradientReport: Sendable, CustomStringConvertible {
    /// The gradient's name, such as `dW2`.
    public let name: String
    /// The parameter's shape.
    public let shape: Shape
    /// The entries that were checked.
    public let entries: [EntryCheck]
    /// How many entries the parameter has (more than `entries.count` when sampled).
    public let totalCount: Int
    /// The most likely mistake, when the pattern of errors is recognisable.
    public let likelyCause: String?
    /// What the two columns of values are called in the description.
    public var columnNames = ("analytic", "numeric")
    /// A fact that makes the result wrong before any entry is compared, such as a wrong shape.
    public var fact: String? = nil

    public init(name: String, shape: Shape, entries: [EntryCheck], totalCount: Int, likelyCause: String?,
                columnNames: (String, String) = ("analytic", "numeric")) {
        self.name = name
        self.shape = shape
        self.entries = entries
        self.totalCount = totalCount
        self.likelyCause = likelyCause
        self.columnNames = columnNames
    }

    /// The largest relative error among the checked entries.
    public var maxRelativeError: Double {
        entries.isEmpty ? .infinity : entries.map(\.relativeError).max()!
    }

    /// Whether every checked entry agrees within ``GradientCheck/tolerance``.
    public var passed: Bool { fact == nil && likelyCause == nil && maxRelativeError <= GradientCheck.tolerance }

    /// The checked entries, worst first.
    public var worstEntries: [EntryCheck] {
        entries.sorted { $0.relativeError > $1.relativeError }
    }

    func withLikelyCause(_ cause: String?) -> GradientReport {
        var report = GradientReport(name: name, shape: shape, entries: entries, totalCount: totalCount,
                                    likelyCause: cause ?? (entries.isEmpty && fact == nil ? "no entries were checked" : nil),
                                    columnNames: columnNames)
        report.fact = fact
        return report
    }

    /// A summary line, then for a failure the worst entries and the likely cause.
    public var description: String {
        let sampled = entries.count < totalCount ? ", \(entries.count) of \(totalCount) entries sampled" : ""
        guard !passed else {
            return "\(name) (\(shape)): max relative error \(formatNumber(maxRelativeError))\(sampled) — ok"
        }
        var lines = [entries.isEmpty ? "\(name) (\(shape)): WRONG"
            : "\(name) (\(shape)): max relative error \(formatNumber(maxRelativeError))\(sampled) — WRONG"]
        let wrong = entries.filter { $0.relativeError > GradientCheck.tolerance }
        if !entries.isEmpty {
            lines.append("  \(wrong.count) of \(entries.count) checked entries disagree; the worst:")
            lines.append("    " + [pad("entry", 9), pad(columnNames.0, 14), pad(columnNames.1, 14),
                                       pad("relative error", 16)].joined(separator: "  "))
            for entry in worstEntries.prefix(4) {
                let position = shape.columns == 1 && shape.rows == 1 ? "" : "(\(entry.row), \(entry.column))"
                lines.append("    " + [pad(position, 9), pad(formatNumber(entry.analytic), 14), pad(formatNumber(entry.numeric), 14),
                                       pad(formatNumber(entry.relativeError), 16)].joined(separator: "  "))
            }
        }
        if let fact { lines.append("  \(fact)") }
        if let likelyCause { lines.append("  likely cause: \(likelyCause)") }
        return lines.joined(separator: "\n")
    }
}

/// Formats a number with six significant digits, as `%g` does.
public func formatNumber(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
    return String(format: "%.6g", value)
}

/// `count` and the noun, in the singular for 1: "1 point", "2 points".
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
}

/// A polynomial c₀ + c₁x + c₂x² + … with each sign once: "1.3 − 1.9x + 1.2x²".
public func polynomialText(_ coefficients: [Double], variable: String = "x") -> String {
    let powers = ["", variable, variable + "²", variable + "³", variable + "⁴", variable + "⁵"]
    var text = ""
    for (power, c) in coefficients.enumerated() {
        let magnitude = formatNumber(abs(c)) + (power < powers.count ? powers[power] : "\(variable)^\(power)")
        text += text.isEmpty ? (c < 0 ? "−" : "") + magnitude : (c < 0 ? " − " : " + ") + magnitude
    }
    return text
}

/// Right-aligns `text` in a field of `width` characters.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}
