import Foundation
import WorkbookCore

/// `workbook reset ID`: puts an exercise's stub back in its file, after asking
/// (or with `--yes`). The learner's version is kept in `.workbook/backups/`.
///
/// The stub comes from the repository's history: the newest version of the file
/// that still calls `notStarted("ID")`.
func reset(_ exercise: Exercise, confirmed: Bool, style: Style) throws -> Int32 {
    let root = PackageRoot.url
    let file = root.appendingPathComponent(exercise.file)
    let current = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    let stub = try stubFromHistory(of: exercise, root: root)
    guard stub != current else {
        print(localized("\(exercise.file) already holds the stub of exercise \(exercise.id): nothing to reset.",
                        zh: "\(exercise.file) 中已经是练习 \(exercise.id) 的桩代码：无需重置。"))
        return 0
    }
    let others = allExercises.filter { $0.id != exercise.id && $0.file == exercise.file }.map(\.id)
    let backups = root.appendingPathComponent(".workbook/backups")
    let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
    let backup = backups.appendingPathComponent("\(file.deletingPathExtension().lastPathComponent)-\(stamp).swift.txt")
    let kept = backup.path.replacingOccurrences(of: root.path + "/", with: "")
    print(localized("This puts back the stub of exercise \(exercise.id) in \(exercise.file).",
                    zh: "这会把 \(exercise.file) 中练习 \(exercise.id) 的桩代码放回去。"))
    if !others.isEmpty {
        print(style.yellow(localized("The file also holds exercise \(others.joined(separator: ", ")), which is reset with it.",
                                     zh: "这个文件里还有练习 \(others.joined(separator: ", "))，它会一起被重置。")))
    }
    print(localized("Your version will be kept as \(kept).", zh: "你的版本将保存为 \(kept)。"))
    if !confirmed {
        print(localized("Reset? [y/N] ", zh: "重置吗？[y/N] "), terminator: "")
        guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
            print(localized("Nothing was changed.", zh: "什么都没有改。"))
            return 1
        }
    }
    try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
    try Data(current.utf8).write(to: backup)
    try Data(stub.utf8).write(to: file, options: .atomic)
    print(style.green(localized("Exercise \(exercise.id) is back to its stub.", zh: "练习 \(exercise.id) 已恢复为桩代码。"))
        + localized(" Check: ", zh: "检查：") + "swift run workbook check \(exercise.id)")
    print(localized("Your version is in \(kept); to have it back: ", zh: "你的版本在 \(kept) 中；要恢复它：")
        + "cp \"\(kept)\" \(exercise.file)")
    return 0
}

/// The newest committed version of the exercise's file that is still its stub.
private func stubFromHistory(of exercise: Exercise, root: URL) throws -> String {
    let unavailable = localized("reset takes the stub from the repository's git history, and ",
                                zh: "reset 从仓库的 git 历史中取回桩代码，但")
    guard let log = git(["log", "--format=%H", "-n", "500", "--", exercise.file], in: root) else {
        throw ResetError(errorDescription: unavailable + localized("git could not read it here. Copy \(exercise.file) from the course repository.",
                                                                   zh: "这里的 git 读不了它。请从课程仓库复制 \(exercise.file)。"))
    }
    for commit in log.split(separator: "\n") {
        if let text = git(["show", "\(commit):\(exercise.file)"], in: root),
           ExerciseSource.callsNotStarted(exercise.id, in: text) {
            return text
        }
    }
    throw ResetError(errorDescription: unavailable + localized("no commit holds the stub of \(exercise.id). Copy \(exercise.file) "
        + "from the course repository.", zh: "没有哪个提交含有 \(exercise.id) 的桩代码。请从课程仓库复制 \(exercise.file)。"))
}

/// The output of `git ARGUMENTS` in `folder`, or `nil` when it fails.
private func git(_ arguments: [String], in folder: URL) -> String? {
    let child = ChildProcess(executable: URL(fileURLWithPath: "/usr/bin/env"),
                             arguments: ["git", "-C", folder.path] + arguments, timeLimit: 30)
    guard let result = try? child.run(), case .exited(0) = result.termination else { return nil }
    return String(decoding: result.standardOutput, as: UTF8.self)
}

/// Why a stub could not be put back.
private struct ResetError: LocalizedError {
    let errorDescription: String?
}
