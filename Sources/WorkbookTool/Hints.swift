import Foundation
import WorkbookCore

/// Shows hints one at a time: the first call for an exercise shows the first
/// hint, each later call one more. The count is kept in `.build/workbook-hints.json`
/// under the package, which `swift package clean` resets.
func printHints(for exercise: Exercise, all: Bool, style: Style) {
    let file = PackageRoot.url.appendingPathComponent(".build/workbook-hints.json")
    var seen = (try? JSONDecoder().decode([String: Int].self, from: Data(contentsOf: file))) ?? [:]
    let hints = exercise.shownHints
    let shown = all ? hints.count : min((seen[exercise.id] ?? 0) + 1, hints.count)
    print(style.bold(localized("Exercise", zh: "练习") + " \(exercise.id) — \(exercise.shownTitle)"))
    print("  \(exercise.shownWhereToEdit)")
    for (number, hint) in hints.prefix(shown).enumerated() {
        print("\n  " + localized("Hint \(number + 1) of \(hints.count): ", zh: "提示 \(number + 1)/\(hints.count)：") + hint)
    }
    print()
    if shown < hints.count {
        print(style.dim(localized("  Ask again for a bigger hint: ", zh: "  再问一次可得到更大的提示：")
            + "swift run workbook hint \(exercise.id)"))
    } else {
        print(style.dim(localized("  That is every hint. The chapter's text walks through the idea step by step.",
                                  zh: "  提示就这些了。本章正文会一步一步讲解这个思路。")))
    }
    seen[exercise.id] = shown
    try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? JSONEncoder().encode(seen).write(to: file)
}
