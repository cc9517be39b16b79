import Foundation

/// A one-line progress bar on standard error, redrawn in place.
///
/// It draws only where standard error renders escape codes (a terminal, not
/// Xcode's console; see ``Style/rendersEscapes(on:environment:)``), so logs and
/// CI output get no carriage-return noise; ``finish()`` clears the line.
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

    private func draw() {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(rendered)".utf8))
    }
}
