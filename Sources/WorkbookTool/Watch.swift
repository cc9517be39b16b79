import Foundation
import WorkbookCore

/// `workbook watch`: each time a file in `Exercises/` is saved, the exercises of that
/// file, then the next unfinished exercise, until every exercise passes or the
/// learner quits (`q`, or Ctrl-C).
///
/// The running program is the one built before the edit, so each save rebuilds the
/// package first; the checks then run in children started from the new build.
func watch(seed: UInt64, timeLimit: Double, style: Style) -> Int32 {
    let keys = KeyboardWatch()
    defer { keys.restore() }
    let exercisesFolder = PackageRoot.url.appendingPathComponent("Exercises")
    var saved = SourceSnapshot(of: exercisesFolder)
    print(style.bold(localized("Watching Exercises/", zh: "正在监视 Exercises/"))
        + localized(" — save a file to check again. ", zh: " — 保存文件即重新检查。")
        + style.dim(localized("Press q (then Enter, if your terminal needs it) or Ctrl-C to stop.",
                              zh: "按 q（终端需要时再按回车）或 Ctrl-C 停止。")))
    let outcomes = runChecks(allExercises, seed: seed, timeLimit: timeLimit)
    var next = zip(allExercises, outcomes).first { $0.1.status != .passed }
    guard var current = next else { return everyExercisePasses(style: style) }
    show(current.0, current.1, style: style)
    while true {
        if keys.quitRequested { print("\n" + localized("Stopped watching.", zh: "已停止监视。")); return 0 }
        fflush(nil)  // What was printed shows now, also in a pipe.
        Thread.sleep(forTimeInterval: 0.3)
        let now = SourceSnapshot(of: exercisesFolder)
        guard now != saved else { continue }
        let changed = now.changedFiles(since: saved)
        saved = now
        print(style.dim(localized("\n— saved \(changed.joined(separator: ", ")); building…",
                                  zh: "\n— 已保存 \(changed.joined(separator: ", "))；正在构建…")))
        if let errors = rebuild() {
            print(style.red(localized("✘ The package does not build:", zh: "✘ 包无法构建：")))
            print(errors)
            printWaiting(style: style)
            continue
        }
        // The exercises of the files just saved first, wherever they are in the course.
        let savedExercises = allExercises.filter { exercise in changed.contains { "Exercises/" + $0 == exercise.file } }
        var checked = [String: Outcome]()
        for (exercise, outcome) in zip(savedExercises, runChecks(savedExercises, seed: seed, timeLimit: timeLimit)) {
            checked[exercise.id] = outcome
            report(exercise, outcome, style: style)
        }
        // Then the current exercise; once it passes, on to the next one that does not.
        next = nil
        for exercise in allExercises.drop(while: { $0.id != current.0.id }) {
            let outcome = checked[exercise.id] ?? runChecks([exercise], seed: seed, timeLimit: timeLimit)[0]
            if outcome.status != .passed { next = (exercise, outcome); break }
            if checked[exercise.id] == nil { report(exercise, outcome, style: style) }
        }
        guard let found = next else { return everyExercisePasses(style: style) }
        // The next exercise in full, unless that was just shown, or is what it was before this save.
        let unchanged = found.0.id == current.0.id && found.1 == current.1
        current = found
        if checked[current.0.id] == nil && !unchanged {
            report(current.0, current.1, style: style)
        } else if savedExercises.count > 1 || savedExercises.first?.id != current.0.id {
            print("\n" + localized("Next: Exercise \(current.0.id)", zh: "下一步：练习 \(current.0.id)")
                + " — \(current.0.shownTitle) (\(current.1.status.shown))")
        }
        printWaiting(style: style)
    }
}

/// One exercise's outcome: a line when it passed, else its diagnosis.
private func report(_ exercise: Exercise, _ outcome: Outcome, style: Style) {
    guard outcome.status != .passed else {
        print(style.green(localized("✔ Exercise \(exercise.id) passed", zh: "✔ 练习 \(exercise.id) 通过"))
            + " — \(exercise.shownTitle)")
        return
    }
    print()
    printDiagnoses([exercise], [outcome], style: style)
}

private func show(_ exercise: Exercise, _ outcome: Outcome, style: Style) {
    report(exercise, outcome, style: style)
    printWaiting(style: style)
}

private func printWaiting(style: Style) {
    print(style.dim(localized("Waiting for you to save a file in Exercises/ …", zh: "等你在 Exercises/ 中保存文件 …")))
}

private func everyExercisePasses(style: Style) -> Int32 {
    print(style.green("\n" + localized("Every exercise passes. Well done!", zh: "每个练习都通过了。干得好！")))
    return 0
}

/// Rebuilds this program, as it was built (debug or release); the compiler's
/// errors when that fails.
private func rebuild() -> String? {
    let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    let configuration = executable.deletingLastPathComponent().lastPathComponent == "release" ? "release" : "debug"
    var build = ChildProcess(executable: URL(fileURLWithPath: "/usr/bin/env"),
                             arguments: ["swift", "build", "--package-path", PackageRoot.url.path,
                                         "-c", configuration, "--product", "workbook"],
                             timeLimit: 900)
    build.outputLimit = 1 << 22
    guard let result = try? build.run() else { return "could not run swift build" }
    if case .exited(0) = result.termination { return nil }
    let output = String(decoding: result.standardOutput + result.standardError, as: UTF8.self)
    // The compiler's own errors, at a file and line, before the build system's summary of them.
    let errors = output.split(separator: "\n").filter { $0.contains("error:") }
    let located = Set(errors.filter { $0.contains(".swift:") })
    let shown = located.isEmpty ? Array(errors) : errors.filter { located.contains($0) }
    var unique = [Substring]()
    for line in shown where !unique.contains(line) { unique.append(line) }
    return unique.isEmpty ? String(output.suffix(2000)) : unique.prefix(12).joined(separator: "\n")
}

/// The modification times and sizes of the `.swift` files under a folder.
struct SourceSnapshot: Equatable {
    private var files: [String: [Double]] = [:]

    init(of folder: URL) {
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { return }
        for case let file as URL in walker where file.pathExtension == "swift" {
            let values = try? file.resourceValues(forKeys: Set(keys))
            files[file.path.replacingOccurrences(of: folder.path + "/", with: "")] =
                [values?.contentModificationDate?.timeIntervalSince1970 ?? 0, Double(values?.fileSize ?? 0)]
        }
    }

    func changedFiles(since earlier: SourceSnapshot) -> [String] {
        Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
    }
}

/// Reads the keyboard on a thread of its own: `q` asks to stop. On a terminal,
/// keys arrive without Enter (canonical mode and echo off) until ``restore()``,
/// which Ctrl-C also runs (after ending any build or check under way).
final class KeyboardWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var quit = false

    init() {
        if isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &savedTerminal) == 0 {
            hasSavedTerminal = true
            var raw = savedTerminal
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        }
        ChildGroups.atInterrupt {  // Also ends a build or check under way.
            restoreTerminal()
            print("\n" + localized("Stopped watching.", zh: "已停止监视。"))
            fflush(nil)
        }
        Thread.detachNewThread { [self] in
            var byte: UInt8 = 0
            while read(STDIN_FILENO, &byte, 1) == 1 {
                if byte == UInt8(ascii: "q") || byte == UInt8(ascii: "Q") {
                    lock.lock()
                    quit = true
                    lock.unlock()
                }
            }
        }
    }

    var quitRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return quit
    }

    func restore() { restoreTerminal() }
}

// The terminal's settings before watch changed them, for the Ctrl-C handler to put back.
nonisolated(unsafe) private var savedTerminal = termios()
nonisolated(unsafe) private var hasSavedTerminal = false

private func restoreTerminal() {
    if hasSavedTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal) }
}
