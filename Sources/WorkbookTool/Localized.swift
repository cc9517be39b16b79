import WorkbookCore

/// The language the learner asked for (`WORKBOOK_LANG=zh`, or a Chinese locale).
let language = Language.current

/// A fixed message in the learner's language: `english`, or `chinese` when the learner
/// asked for Chinese. Each message is written once, both texts side by side, where it
/// is printed.
func localized(_ english: String, zh chinese: String) -> String {
    language.text(english, chinese)
}

extension Exercise {
    /// The title in the learner's language.
    var shownTitle: String {
        language == .chinese ? chineseText(of: self)?.title ?? title : title
    }

    /// The hints in the learner's language.
    var shownHints: [String] {
        language == .chinese ? chineseText(of: self)?.hints ?? hints : hints
    }

    /// Where to go to start this exercise, in the learner's language.
    var shownWhereToEdit: String { localized("edit ", zh: "编辑 ") + shownPlace() }

    /// Where to go to fix what `outcome` found, in the learner's language.
    func shownWhereToFix(_ outcome: Outcome) -> String { localized("edit ", zh: "编辑 ") + shownPlace(outcome) }

    /// The exercise's file and functions; the function a check judged, at its line, when
    /// `outcome` says which.
    func shownPlace(_ outcome: Outcome? = nil) -> String {
        if let judged = outcome?.judged {
            let line = ExerciseSource(self, root: PackageRoot.url).line(judging: judged)
            return localized("\(file):\(line), `\(judged)`", zh: "\(file):\(line)：`\(judged)`")
        }
        return localized("\(file), \(symbol)", zh: "\(file)：" + symbol.replacingOccurrences(of: "` and `", with: "` 和 `")
            .replacingOccurrences(of: "`, `", with: "`、`"))
    }
}

extension Chapter {
    /// The title in the learner's language.
    var shownTitle: String {
        language == .chinese ? chineseChapters[number]?.title ?? title : title
    }

    /// The chapter's text in the learner's language: `chapters/zh/…` in Chinese.
    var shownText: String { language.chapterPath(text) }
}

extension Outcome.Status {
    /// How an exercise stands, in the learner's language.
    var shown: String {
        switch self {
        case .passed: localized(rawValue, zh: "通过")
        case .failed: localized(rawValue, zh: "未通过")
        case .notStarted: localized(rawValue, zh: "未开始")
        case .crashed: localized(rawValue, zh: "崩溃")
        case .timedOut: localized(rawValue, zh: "超时")
        }
    }
}

/// The Chinese title and hints of `exercise`, when they are written.
private func chineseText(of exercise: Exercise) -> ChineseExercise? {
    chineseChapters[exercise.chapter]?.exercises[exercise.id]
}
