import Foundation

/// One exercise of the workbook, defined once and used by every front end:
/// `swift test`, `swift run workbook`, and grading.
public struct Exercise: Sendable, Identifiable {
    /// The exercise number, such as `1.3`: chapter, then position.
    public let id: String
    /// A one-line title.
    public let title: String
    /// What the exercise is worth when graded.
    public let points: Int
    /// The file the learner edits, relative to the package root.
    public let file: String
    /// The function or functions to write, as they appear in `file`.
    public let symbol: String
    /// Hints, gentlest first.
    public let hints: [String]
    /// The check: it draws shapes and values from the generator it is given and
    /// returns a verdict. A check never compares against a stored answer.
    public let check: @Sendable (inout SplitMix64) -> Verdict

    public init(id: String, title: String, points: Int, file: String, symbol: String, hints: [String],
                check: @escaping @Sendable (inout SplitMix64) -> Verdict) {
        self.id = id
        self.title = title
        self.points = points
        self.file = file
        self.symbol = symbol
        self.hints = hints
        self.check = check
    }

    /// The chapter number, read from the id.
    public var chapter: Int { Int(id.split(separator: ".")[0])! }

    /// Where to go to start this exercise.
    public var whereToEdit: String { "edit \(file), \(symbol)" }
}

/// What a check concluded about the learner's code.
public enum Verdict: Sendable, Equatable {
    /// Every part of the check agreed; the text says what was checked.
    case passed(String)
    /// Something disagreed; the text is the diagnosis for the learner, and `judged` the
    /// function of the exercise whose result it was (a symbol as in ``Exercise/symbol``),
    /// when the exercise has several.
    case failed(String, judged: String? = nil)

    /// Whether the verdict is a pass.
    public var isPassed: Bool {
        if case .passed = self { return true }
        return false
    }
}

extension Verdict {
    /// This verdict, a failure of `function` when it failed and did not yet say whose.
    public func judging(_ function: String) -> Verdict {
        if case .failed(let text, nil) = self { return .failed(text, judged: function) }
        return self
    }

    /// Combines the verdicts of several parts: the first failure wins, and a pass
    /// lists every part.
    public static func all(_ parts: [Verdict]) -> Verdict {
        var passes = [String]()
        for part in parts {
            switch part {
            case .failed: return part
            case .passed(let text): passes.append(text)
            }
        }
        return .passed(passes.joined(separator: "\n"))
    }

    /// A pass when `report` passed, otherwise a failure that explains it, with
    /// `context` saying what was being checked.
    public static func from(_ report: GradientReport, context: String) -> Verdict {
        report.passed ? .passed("\(context): \(report)") : .failed("\(context):\n\(report)")
    }

    /// A verdict for one report, without a context line.
    public static func from(_ report: GradientReport) -> Verdict {
        report.passed ? .passed("\(report)") : .failed("\(report)")
    }
}

extension Exercise {
    /// The seed checks use: `WORKBOOK_SEED` when set, so an instructor can grade
    /// with values the learners never saw, and 1 otherwise.
    public static var seedFromEnvironment: UInt64 {
        ProcessInfo.processInfo.environment["WORKBOOK_SEED"].flatMap { UInt64($0) } ?? 1
    }
}
