import Foundation
import WorkbookCore

/// Shows hints one at a time: the first call for an exercise shows the first
/// hint, each later call one more. The count is kept in `.build/workbook-hints.json`
/// under the package, which `swift package clean` resets.
func printHints(for exercise: Exercise, all: Bool, style: Style) {
    let file = PackageRoot.url.appendingPathComponent(".build/workbook-hints.json")
    var seen = (try? JSONDecoder().decode([String: Int].self, from: Data(contentsOf: file))) ?? [:]
    let shown = all ? exercise.hints.count : min((seen[exercise.id] ?? 0) + 1, exercise.hints.count)
    print(style.bold("Exercise \(exercise.id) — \(exercise.title)"))
    print("  \(exercise.whereToEdit)")
    for (number, hint) in exercise.hints.prefix(shown).enumerated() {
        print("\n  Hint \(number + 1) of \(exercise.hints.count): \(hint)")
    }
    print()
    if shown < exercise.hints.count {
        print(style.dim("  Ask again for a bigger hint: swift run workbook hint \(exercise.id)"))
    } else {
        print(style.dim("  That is every hint. The chapter's text walks through the idea step by step."))
    }
    seen[exercise.id] = shown
    try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? JSONEncoder().encode(seen).write(to: file)
}
