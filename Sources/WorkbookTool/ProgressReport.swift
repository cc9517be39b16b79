import WorkbookCore

/// Prints a table of exercises and outcomes per chapter, then the score.
func printProgress(_ exercises: [Exercise], _ outcomes: [Outcome], style: Style) {
    let outcomeOf = Dictionary(uniqueKeysWithValues: zip(exercises.map(\.id), outcomes))
    for chapter in curriculum {
        let shown = chapter.exercises.filter { outcomeOf[$0.id] != nil }
        guard !shown.isEmpty else { continue }
        print(style.bold("Chapter \(chapter.number) · \(chapter.title)") + style.dim("  (\(chapter.text))"))
        var table = Table(headers: ["", "exercise", "points", "status"], alignments: [.left, .left, .right, .left])
        for exercise in shown {
            let status = outcomeOf[exercise.id]!.status
            let earned = status == .passed ? exercise.points : 0
            table.append([exercise.id, exercise.title, "\(earned)/\(exercise.points)",
                          style.status(status, symbol(status) + " " + status.rawValue)])
        }
        print(table.render(style: style).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        print()
    }
    for chapter in curriculum where !chapter.exercises.isEmpty
        && chapter.exercises.allSatisfy({ outcomeOf[$0.id]?.status == .passed }) {
        print(style.green("Chapter \(chapter.number) is done:") + " watch it with \(chapter.program)")
    }
    let earned = zip(exercises, outcomes).filter { $0.1.status == .passed }.reduce(0) { $0 + $1.0.points }
    let total = exercises.reduce(0) { $0 + $1.points }
    let counts = Outcome.Status.allCases.compactMap { status -> String? in
        let count = outcomes.filter { $0.status == status }.count
        return count == 0 ? nil : "\(count) \(status.rawValue)"
    }
    print(style.bold("Score: \(earned)/\(total) points") + " · " + counts.joined(separator: " · "))
}

/// Prints the diagnosis of every exercise that is not passed and not merely not started.
func printDiagnoses(_ exercises: [Exercise], _ outcomes: [Outcome], style: Style) {
    for (exercise, outcome) in zip(exercises, outcomes) {
        print(style.status(outcome.status, "\(symbol(outcome.status)) Exercise \(exercise.id) \(outcome.status.rawValue)")
            + " — \(exercise.title)")
        switch outcome.status {
        case .passed:
            print(indent(outcome.message, style: style.dim))
        case .notStarted:
            print("  \(exercise.whereToEdit)")
        case .failed, .crashed, .timedOut:
            print("  \(exercise.whereToEdit)")
            print(indent(outcome.message, style: { $0 }))
            print("  stuck? swift run workbook hint \(exercise.id)")
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
        print(style.green("Every exercise passes. Well done!"))
        return
    }
    let chapter = curriculum.first { $0.number == exercise.chapter }!
    print()
    print(style.bold("Next: Exercise \(exercise.id) — \(exercise.title)") + " (\(outcome.status.rawValue))")
    print("  read   \(chapter.text)")
    print("  \(exercise.whereToEdit)")
    print("  check  swift test --filter Chapter\(exercise.chapter)   or   swift run workbook check \(exercise.id)")
    print("  stuck? swift run workbook hint \(exercise.id)")
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
