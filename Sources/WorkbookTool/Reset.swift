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
        print("\(exercise.file) already holds the stub of exercise \(exercise.id): nothing to reset.")
        return 0
    }
    let others = allExercises.filter { $0.id != exercise.id && $0.file == exercise.file }.map(\.id)
    let backups = root.appendingPathComponent(".workbook/backups")
    let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "-")
    let backup = backups.appendingPathComponent("\(file.deletingPathExtension().lastPathComponent)-\(stamp).swift.txt")
    print("This puts back the stub of exercise \(exercise.id) in \(exercise.file).")
    if !others.isEmpty {
        print(style.yellow("The file also holds exercise \(others.joined(separator: ", ")), which is reset with it."))
    }
    print("Your version is kept as \(backup.path.replacingOccurrences(of: root.path + "/", with: "")).")
    if !confirmed {
        print("Reset? [y/N] ", terminator: "")
        guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
            print("Nothing was changed.")
            return 1
        }
    }
    try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
    try Data(current.utf8).write(to: backup)
    try Data(stub.utf8).write(to: file, options: .atomic)
    print(style.green("Exercise \(exercise.id) is back to its stub.") + " Check: swift run workbook check \(exercise.id)")
    return 0
}

/// The newest committed version of the exercise's file that is still its stub.
private func stubFromHistory(of exercise: Exercise, root: URL) throws -> String {
    let unavailable = "reset takes the stub from the repository's git history, and "
    guard let log = git(["log", "--format=%H", "-n", "500", "--", exercise.file], in: root) else {
        throw ResetError(errorDescription: unavailable + "git could not read it here. Copy \(exercise.file) from the course repository.")
    }
    for commit in log.split(separator: "\n") {
        if let text = git(["show", "\(commit):\(exercise.file)"], in: root),
           ExerciseSource.callsNotStarted(exercise.id, in: text) {
            return text
        }
    }
    throw ResetError(errorDescription: unavailable + "no commit holds the stub of \(exercise.id). Copy \(exercise.file) "
        + "from the course repository.")
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
