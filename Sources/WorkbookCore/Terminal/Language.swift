import Foundation

/// The language the `workbook` tool speaks to the learner: English, or Chinese with
/// `WORKBOOK_LANG=zh` or a Chinese locale.
///
/// Only the tool's own fixed messages, the exercises' titles and hints and the paths
/// of the chapters change; the checks' diagnoses, code, symbols and numbers stay as
/// they are.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case chinese = "zh"

    /// The language of this process, read once from its environment.
    public static let current = Language(environment: ProcessInfo.processInfo.environment)

    /// `WORKBOOK_LANG` when it is set (`zh…` is Chinese, anything else English); when it
    /// is unset, the locale: `LC_ALL`, else `LC_MESSAGES`, else `LANG`, Chinese when it
    /// starts with `zh` (as `zh_CN.UTF-8` does).
    public init(environment: [String: String]) {
        if let chosen = environment["WORKBOOK_LANG"], !chosen.isEmpty {
            self = chosen.lowercased().hasPrefix("zh") ? .chinese : .english
            return
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        self = locale?.lowercased().hasPrefix("zh") == true ? .chinese : .english
    }

    /// `english` or `chinese`, whichever is this language's: each fixed message is written
    /// once, with both texts side by side where it is printed.
    public func text(_ english: String, _ chinese: String) -> String {
        self == .chinese ? chinese : english
    }

    /// A chapter's text in this language: `chapters/zh/NAME` for `chapters/NAME` in Chinese.
    public func chapterPath(_ english: String) -> String {
        guard self == .chinese, english.hasPrefix("chapters/") else { return english }
        return "chapters/zh/" + english.dropFirst("chapters/".count)
    }
}
