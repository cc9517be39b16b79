import Foundation

/// Colours and emphasis for terminal output.
///
/// Styling is used only where escape codes render: see ``rendersEscapes(on:environment:)``.
/// Piped output, logs, `TERM=dumb`, Xcode's console, `NO_COLOR` and `--no-color`
/// all get plain text.
public struct Style: Sendable {
    /// Whether escape codes are written at all.
    public let isEnabled: Bool

    /// The style for standard output in this process.
    public static let standard = Style(isEnabled: rendersEscapes(on: STDOUT_FILENO))

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

    /// Whether escape codes (colours, a progress bar redrawn in place) render on
    /// `descriptor`: it is a terminal, `TERM` names one that is not `dumb`, the
    /// program is not running in Xcode's console (a terminal that shows the codes
    /// raw and sets no `TERM`), and `NO_COLOR` is unset (https://no-color.org;
    /// every program's `--no-color` sets it).
    public static func rendersEscapes(on descriptor: Int32,
                                      environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard isatty(descriptor) == 1, environment["NO_COLOR"] == nil else { return false }
        guard let terminal = environment["TERM"], !terminal.isEmpty, terminal != "dumb" else { return false }
        let inXcode = environment["__XCODE_BUILT_PRODUCTS_DIR_PATHS"] != nil
            || environment["XPC_SERVICE_NAME"]?.contains("com.apple.dt.Xcode") == true
        return !inXcode
    }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
