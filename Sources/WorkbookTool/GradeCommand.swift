import Foundation
import Grading
import WorkbookCore

/// `workbook grade SUBMISSIONS`: grades every learner's folder and writes the gradebook.
func gradeCommand(_ arguments: Arguments, style: Style) throws -> Int32 {
    guard arguments.positional.count == 2 else { throw UsageError("grade needs one folder of submissions") }
    let submissionsFolder = URL(fileURLWithPath: arguments.positional[1])
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: submissionsFolder.path, isDirectory: &isFolder), isFolder.boolValue else {
        throw UsageError("\(submissionsFolder.path) is not a folder")
    }
    var options = Grader.Options()
    options.jobs = try arguments.value("--jobs", default: 1, what: "a whole number from 1 to 64", wholeNumber(in: 1 ... 64))
    options.buildJobs = try arguments.value("--build-jobs", what: "a whole number from 1 to 64", wholeNumber(in: 1 ... 64))
    options.timeLimit = try arguments.value("--timeout", default: IsolatedCheck.defaultTimeLimit,
                                            what: "a positive number of seconds") { Double($0).flatMap { $0 > 0 ? $0 : nil } }
    let seconds = { (text: String) in Double(text).flatMap { $0 > 0 ? $0 : nil } }
    options.buildTimeLimit = try arguments.value("--build-timeout", default: options.buildTimeLimit,
                                                 what: "a positive number of seconds", seconds)
    options.chapterBuildTimeLimit = try arguments.value("--chapter-timeout", default: options.chapterBuildTimeLimit,
                                                        what: "a positive number of seconds", seconds)
    let givenSeed = try arguments.value("--seed", what: "a whole number", UInt64.init)
        ?? ProcessInfo.processInfo.environment["WORKBOOK_SEED"].flatMap(UInt64.init)
    let out = URL(fileURLWithPath: try arguments.value("--out", default: "grades", what: "a folder") { $0 })
    let package = PackageRoot.url
    guard FileManager.default.fileExists(atPath: package.appendingPathComponent("Sources/WorkbookTool").path) else {
        throw UsageError("run grade from inside the workbook's package (it builds each submission with it)")
    }

    options.isolation = try chosenIsolation(arguments)
    options.judge = judgeInChildProcess
    options.dataFolders = ProcessInfo.processInfo.environment["MNIST_DIR"].map { [URL(fileURLWithPath: $0).path] } ?? []
    options.hiddenFolders = [submissionsFolder.path, out.appendingPathComponent("results").path,
                             out.appendingPathComponent("feedback").path, out.appendingPathComponent("gradescope").path,
                             out.appendingPathComponent("gradebook.csv").path, out.appendingPathComponent(".grader-key").path]
        + (ProcessInfo.processInfo.environment["HOME"].map { [$0] } ?? [])

    let all = try Submission.all(in: submissionsFolder)
    let reports = try GradeReports(folder: out, chapters: curriculum, roster: Set(all.map(\.learner)))
    let done = arguments.has("--force") ? [] : reports.gradedLearners()
    let (seed, drawn) = try reports.seed(given: givenSeed, replacing: arguments.has("--force"))
    options.seed = seed
    let pending = all.filter { !done.contains($0.learner) }
    print(style.bold("Grading \(pending.count) submissions") + " from \(submissionsFolder.path) into \(out.path)"
        + (done.isEmpty ? "" : " (\(all.count - pending.count) already graded; --force grades them again)")
        + ", \(options.jobs) at a time, \(formatNumber(options.timeLimit)) s per check")
    print("Seed: \(seed) (" + (drawn ? "drawn for this gradebook: learners never saw its shapes and values; " : "")
        + "kept in \(reports.seedFile.path), so a regrade reproduces it)")
    print("Isolation: " + (options.isolation == .none ? style.yellow(options.isolation.summary) : options.isolation.summary))
    let grader = Grader(chapters: curriculum, instructorPackage: package, options: options)
    print("Builds: \(grader.buildJobs) compile job\(grader.buildJobs == 1 ? "" : "s") each"
        + (options.buildJobs == nil ? " (this machine: \(MachineLimits.current().summary))" : " (--build-jobs)")
        + "; the stubs first, then \(formatNumber(options.buildTimeLimit)) s for each learner's build (--build-timeout)"
        + " and, if that is not enough, \(formatNumber(options.chapterBuildTimeLimit)) s for each chapter on its own"
        + " (--chapter-timeout): a slower chapter's stubs are graded in its place")
    let progress = ProgressBar(total: pending.count, label: "learners graded")
    let start = Date()
    // As a user of its own, learner code must reach its sandbox but nothing of the grader's
    // output: the sandboxes then go in a folder of their own, removed after grading.
    let ownSandboxes = options.isolation == .unprivilegedUser
    let sandboxes = ownSandboxes
        ? FileManager.default.temporaryDirectory.appendingPathComponent("workbook-sandboxes-\(UUID().uuidString)")
        : out.appendingPathComponent(".sandboxes")
    defer { if ownSandboxes { try? FileManager.default.removeItem(at: sandboxes) } }
    try grader.grade(pending, workDirectory: sandboxes) { result in
        do {
            try reports.save(result)
        } catch {
            FileHandle.standardError.write(Data("error: could not save \(result.learner)'s grade: \(error)\n".utf8))
        }
        progress.advance()
    }
    progress.finish()
    var table = Table(headers: ["learner", "score", "build", "checks", "status"],
                      alignments: [.left, .right, .right, .right, .left])
    for result in reports.savedResults() {
        table.append([result.learner, "\(result.score)/\(result.maxScore)", String(format: "%.1f s", result.buildSeconds),
                      String(format: "%.1f s", result.checkSeconds),
                      result.status == "ok" ? style.green(result.status) : style.yellow(result.status)])
    }
    print(table.render(style: style))
    let (graded, mistakes) = reports.classMistakes()
    let named = mistakes.flatMap { entry in entry.causes.map { (id: entry.exercise.id, cause: $0) } }
        .sorted { $0.cause.learners > $1.cause.learners }
    if !named.isEmpty {
        print(style.bold("\nThe class's most common mistakes") + " (every one, exercise by exercise: \(reports.mistakesFile.path))")
        for (id, cause) in named.prefix(5) {
            print("  \(id) \(cause.text) — \(cause.learners) of \(graded) learner\(graded == 1 ? "" : "s")")
        }
    }
    print(String(format: "\nGraded in %.1f s. Wrote %@/gradebook.csv, feedback/ and gradescope/.", Date().timeIntervalSince(start),
                 out.path))
    let failed = reports.savedResults().filter { $0.graderError != nil }
    guard failed.isEmpty else {
        // Exit status 3: grading, not a learner, failed; the autograders stop here rather than report a 0.
        print(style.yellow("\nGrading failed for \(failed.count) learner\(failed.count == 1 ? "" : "s") (\(failed.map(\.learner).joined(separator: ", "))): ")
            + (failed.first?.graderError ?? "") + " Run grade again to grade them (without --force, only them).")
        return 3
    }
    return 0
}

/// The isolation `--isolation KIND` names (it must work here), or the strongest this
/// machine has; none only with `--no-isolation`.
private func chosenIsolation(_ arguments: Arguments) throws -> Isolation {
    if arguments.has("--no-isolation") { return .none }
    if let chosen = try arguments.value("--isolation", what: "bubblewrap, unshare, user or sandbox-exec", { name in
        Isolation(rawValue: name).flatMap { $0 == .none ? nil : $0 }
    }) {
        let name = chosen.rawValue
        if let why = chosen.whyNot() { throw UsageError("--isolation \(name) cannot be used here: \(why)") }
        return chosen
    }
    guard let strongest = Isolation.strongestAvailable() else {
        throw UsageError("""
            no way to isolate learner code works here, so grading would run it as you, with your files.
            On Linux install bubblewrap (apt-get install bubblewrap) or allow user namespaces (unshare --user);
            on macOS sandbox-exec is needed. Or give --no-isolation to grade anyway (only code you trust).
            """)
    }
    return strongest
}

/// Judges a check's report in a child process of this program, which runs no learner code.
@Sendable private func judgeInChildProcess(_ exercise: Exercise, _ report: CallReport, _ seed: UInt64) -> Outcome {
    let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    var child = ChildProcess(executable: executable, arguments: ["__judge", exercise.id, "--seed", String(seed)],
                             timeLimit: 60)
    child.standardInput = try? JSONEncoder().encode(report)
    let unjudged = Outcome(.crashed, "the results the check process sent could not be judged: they do not fit the check")
    guard let result = try? child.run() else { return Outcome(.crashed, "the judge could not be started") }
    if case .timedOut = result.termination {
        return Outcome(.crashed, "judging the results the check process sent took longer than 60 s")
    }
    guard case .exited(0) = result.termination,
          let line = String(decoding: result.standardOutput, as: UTF8.self).split(separator: "\n").last,
          let outcome = try? JSONDecoder().decode(Outcome.self, from: Data(line.utf8)) else { return unjudged }
    return outcome
}

/// `workbook rubric`: every exercise with its points, as grading counts them.
func printRubric(style: Style) {
    var table = Table(headers: ["exercise", "title", "points", "file"], alignments: [.left, .left, .right, .left])
    for chapter in curriculum {
        for exercise in chapter.exercises {
            table.append([exercise.id, exercise.title, "\(exercise.points)", exercise.file])
        }
        table.append(["", style.bold("Chapter \(chapter.number) · \(chapter.title)"), style.bold("\(chapter.points)"), ""])
    }
    print(table.render(style: style))
    print(style.bold("\nTotal: \(curriculum.reduce(0) { $0 + $1.points }) points"))
}
