import Foundation

/// Colours and emphasis for terminal output.
///
/// Styling is used only when standard output is a terminal and the `NO_COLOR`
/// environment variable is unset (https://no-color.org), so piped output and
/// logs stay plain text.
public struct Style: Sendable {
    /// Whether escape codes are written at all.
    public let isEnabled: Bool

    /// The style for standard output in this process.
    public static let standard = Style(
        isEnabled: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)

    /// A style that never writes escape codes.
    public static let plain = Style(isEnabled: false)

    public init(isEnabled: Bool) { self.isEnabled = isEnabled }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }

    /// `text` coloured by how an exercise stands.
    public func status(_ status: Outcome.Status, _ text: String) -> String {
        switch status {
        case .passed: green(text)
        case .notStarted: dim(text)
        case .failed, .crashed, .timedOut: red(text)
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
