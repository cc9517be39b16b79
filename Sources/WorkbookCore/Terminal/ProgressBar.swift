import Foundation

/// A one-line progress bar on standard error, redrawn in place.
///
/// It draws only where standard error renders escape codes (a terminal, not
/// Xcode's console; see ``Style/rendersEscapes(on:environment:)``), so logs and
/// CI output get no carriage-return noise; ``finish()`` clears the line. The line is cut
/// to the terminal's width, measured in columns (a Chinese label's characters take two
/// each), since a line that wraps cannot be redrawn in place.
public final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let width = 30
    private let isEnabled: Bool
    private let lock = NSLock()
    private var done = 0

    public init(total: Int, label: String, isEnabled: Bool = Style.rendersEscapes(on: STDERR_FILENO)) {
        self.total = max(total, 1)
        self.label = label
        self.isEnabled = isEnabled
        draw()
    }

    /// Marks `count` more units of work as done.
    public func advance(by count: Int = 1) {
        lock.lock()
        done = min(done + count, total)
        lock.unlock()
        draw()
    }

    /// Sets the units of work done so far.
    public func update(done count: Int) {
        lock.lock()
        done = min(max(count, 0), total)
        lock.unlock()
        draw()
    }

    /// Clears the bar's line.
    public func finish() {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    /// The bar as text, such as `[########······] 4/7 label`.
    public var rendered: String {
        lock.lock()
        defer { lock.unlock() }
        let filled = width * done / total
        return "[" + String(repeating: "#", count: filled) + String(repeating: "·", count: width - filled)
            + "] \(done)/\(total) \(label)"
    }

    /// The bar cut to `columns` terminal columns, keeping the bar and cutting the label.
    public func rendered(fittingColumns columns: Int) -> String {
        rendered.truncated(toColumns: max(columns - 1, width + 2))
    }

    private func draw() {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(rendered(fittingColumns: terminalColumns()))".utf8))
    }
}

/// The width of the terminal on standard error in columns: `COLUMNS` when set, else what
/// the terminal says, else 80.
func terminalColumns() -> Int {
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
    var size = winsize()
    if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return 80
}
