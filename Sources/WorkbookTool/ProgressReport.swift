import WorkbookCore

/// Prints a table of exercises and outcomes per chapter, then the score.
func printProgress(_ exercises: [Exercise], _ outcomes: [Outcome], style: Style) {
    let outcomeOf = Dictionary(uniqueKeysWithValues: zip(exercises.map(\.id), outcomes))
    for chapter in curriculum {
        let shown = chapter.exercises.filter { outcomeOf[$0.id] != nil }
        guard !shown.isEmpty else { continue }
        print(style.bold(localized("Chapter \(chapter.number)", zh: "第 \(chapter.number) 章") + " · \(chapter.shownTitle)")
            + style.dim("  (\(chapter.shownText))"))
        var table = Table(headers: ["", localized("exercise", zh: "练习"), localized("points", zh: "得分"),
                                    localized("status", zh: "状态")], alignments: [.left, .left, .right, .left])
        for exercise in shown {
            let status = outcomeOf[exercise.id]!.status
            let earned = status == .passed ? exercise.points : 0
            table.append([exercise.id, exercise.shownTitle, "\(earned)/\(exercise.points)",
                          style.status(status, symbol(status) + " " + status.shown)])
        }
        print(table.render(style: style).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        print()
    }
    for chapter in curriculum where !chapter.exercises.isEmpty
        && chapter.exercises.allSatisfy({ outcomeOf[$0.id]?.status == .passed }) {
        print(style.green(localized("Chapter \(chapter.number) is done:", zh: "第 \(chapter.number) 章完成了："))
            + localized(" watch it with \(chapter.program)", zh: "用 \(chapter.program) 看它运行"))
    }
    let earned = zip(exercises, outcomes).filter { $0.1.status == .passed }.reduce(0) { $0 + $1.0.points }
    let total = exercises.reduce(0) { $0 + $1.points }
    let counts = Outcome.Status.allCases.compactMap { status -> String? in
        let count = outcomes.filter { $0.status == status }.count
        return count == 0 ? nil : localized("\(count) \(status.rawValue)", zh: "\(count) 个\(status.shown)")
    }
    print(style.bold(localized("Score: \(earned)/\(total) points", zh: "得分：\(earned)/\(total)")) + " · "
        + counts.joined(separator: " · "))
}

/// Prints the diagnosis of every exercise that is not passed and not merely not started.
func printDiagnoses(_ exercises: [Exercise], _ outcomes: [Outcome], style: Style) {
    for (exercise, outcome) in zip(exercises, outcomes) {
        print(style.status(outcome.status, "\(symbol(outcome.status)) " + localized("Exercise", zh: "练习")
            + " \(exercise.id) \(outcome.status.shown)") + " — \(exercise.shownTitle)")
        switch outcome.status {
        case .passed:
            print(indent(outcome.message, style: style.dim))
        case .notStarted:
            print("  \(exercise.shownWhereToEdit)")
        case .failed, .crashed, .timedOut:
            print("  \(exercise.shownWhereToFix(outcome))")
            print(indent(outcome.message, style: { $0 }))
            print(localized("  stuck? ", zh: "  卡住了？") + "swift run workbook hint \(exercise.id)")
        }
        print()
    }
}

/// Prints what to do next: the first failing exercise, else the first not started.
func printNextStep(_ exercises: [Exercise], _ outcomes: [Outcome], style: Style) {
    let pairs = Array(zip(exercises, outcomes))
    let next = pairs.first { [.failed, .crashed, .timedOut].contains($0.1.status) }
        ?? pairs.first { $0.1.status == .notStarted }
    guard let (exercise, outcome) = next else {
        print(style.green(localized("Every exercise passes. Well done!", zh: "每个练习都通过了。干得好！")))
        return
    }
    let chapter = curriculum.first { $0.number == exercise.chapter }!
    print()
    print(style.bold(localized("Next: Exercise", zh: "下一步：练习") + " \(exercise.id) — \(exercise.shownTitle)")
        + localized(" (\(outcome.status.rawValue))", zh: "（\(outcome.status.shown)）"))
    print(localized("  read   ", zh: "  阅读    ") + chapter.shownText)
    print(localized("  edit   ", zh: "  编辑    ") + exercise.shownPlace(outcome))
    print(localized("  check  ", zh: "  检查    ") + "swift test --filter Chapter\(exercise.chapter)"
        + localized("   or   ", zh: "   或   ") + "swift run workbook check \(exercise.id)")
    print(localized("  stuck? ", zh: "  卡住了？") + "swift run workbook hint \(exercise.id)")
}

func symbol(_ status: Outcome.Status) -> String {
    switch status {
    case .passed: "✔"
    case .notStarted: "·"
    case .failed, .crashed, .timedOut: "✘"
    }
}

private func indent(_ text: String, style: (String) -> String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { style("  " + $0) }.joined(separator: "\n")
}
