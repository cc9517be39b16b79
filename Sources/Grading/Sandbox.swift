import Foundation
import WorkbookCore

/// A private copy of the instructor's package in which learners' code is built,
/// one learner at a time. Only `Exercises/` ever changes; `Package.swift`, the
/// checks and the tests are always the instructor's, verified before each learner
/// (``restoreIfChanged()``). The build folder is kept between learners, so each build
/// after the first recompiles only what changed.
public final class Sandbox: @unchecked Sendable {
    public let root: URL
    private let directory: URL
    private let scratch: URL
    private let package: URL
    /// The instructor's stubs, the `Exercises/` of the package that grades.
    let stubs: URL
    private let isolation: Isolation
    /// The instructor's files, as copied: what every learner's build must start from.
    private let pristine: PackageFingerprint

    /// The parts of the package a build needs; `Exercises/` is each learner's.
    static let instructorItems = ["Package.swift", "Sources", "Tests"]

    /// Copies the parts of `package` a build needs into `directory`.
    public init(copying package: URL, into directory: URL, isolation: Isolation = .none) throws {
        self.directory = directory
        self.package = package
        self.isolation = isolation
        root = directory.appendingPathComponent("package")
        scratch = directory.appendingPathComponent("build")
        stubs = package.appendingPathComponent("Exercises")
        pristine = try PackageFingerprint(of: package, items: Self.instructorItems)
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in Self.instructorItems + ["Exercises"] {
            try FileManager.default.copyItem(at: package.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
    }

    /// Copies the instructor's files in again if anything changed them since the last
    /// learner (which no isolated build or check can, but one run with `--no-isolation`
    /// could); returns whether it had to.
    @discardableResult
    public func restoreIfChanged() throws -> Bool {
        guard (try? PackageFingerprint(of: root, items: Self.instructorItems)) != pristine else { return false }
        FileHandle.standardError.write(Data("warning: \(directory.lastPathComponent)'s copy of the package had changed; restored\n".utf8))
        for item in Self.instructorItems {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(item))
            try FileManager.default.copyItem(at: package.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        try? FileManager.default.removeItem(at: scratch)  // Whatever it built may have been changed too.
        return true
    }

    /// The `workbook` program built from the installed submission.
    public var workbook: URL { scratch.appendingPathComponent("debug/workbook") }

    /// Puts chapter `number` of `submission` in place, or the instructor's stubs when
    /// `stubbed` or when the submission has no such chapter. Only what ``SubmittedFiles``
    /// takes in is copied, by content; a file of the chapter that the submission lacks
    /// is the instructor's stub.
    /// - Returns: Whether the submission had the chapter, and the entries it skipped.
    @discardableResult
    public func install(chapter number: Int, from submission: URL?, stubbed: Bool) throws
        -> (hadChapter: Bool, skipped: [String]) {
        let target = root.appendingPathComponent("Exercises/Chapter\(number)")
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let learnerChapter = submission?.appendingPathComponent("Chapter\(number)")
        let hasChapter = learnerChapter.map(SubmittedFiles.isFolder) ?? false
        let taken = !stubbed && hasChapter
            ? SubmittedFiles(in: learnerChapter!)
            : SubmittedFiles(in: stubs.appendingPathComponent("Chapter\(number)"))
        for (name, contents) in taken.files {
            try contents.write(to: target.appendingPathComponent(name))
        }
        // A file the submission lacks (a learner who cloned before an exercise was added) is the stub.
        let present = Set(taken.files.map(\.name))
        for (name, contents) in SubmittedFiles(in: stubs.appendingPathComponent("Chapter\(number)")).files
        where !present.contains(name) {
            try contents.write(to: target.appendingPathComponent(name))
        }
        return (hasChapter, taken.skipped.map { "Chapter\(number)/\($0)" })
    }

    /// Why a build did not give a `workbook` program.
    public enum BuildFailure: Error {
        /// The compiler's output.
        case failed(String)
        case timedOut(seconds: Double)
        /// The compiler (or the build) was killed (signal 9): on Linux, what the kernel does
        /// when the memory runs out. Nothing the learner wrote; the compiler's output.
        case killed(String)
    }

    /// Seconds the build of the instructor's stubs took in this sandbox, once ``warmUp(timeLimit:jobs:)`` has run.
    public private(set) var stubsBuildSeconds: Double?

    /// Builds the instructor's stubs, the first time only: every learner's build after it
    /// recompiles only what the learner changed (seconds, not minutes), so the time a
    /// learner's build is given is the time their own code takes, never the package's.
    public func warmUp(timeLimit: Double, jobs: Int) -> BuildFailure? {
        guard stubsBuildSeconds == nil else { return nil }
        let start = Date()
        let failure = build(timeLimit: timeLimit, jobs: jobs)
        if failure == nil { stubsBuildSeconds = Date().timeIntervalSince(start) }
        return failure
    }

    /// Builds the `workbook` program (or `target` alone) with `jobs` compile jobs; the
    /// failure, when it does not build in `timeLimit` seconds.
    ///
    /// The build is shut in like the checks, seeing the system, the toolchain and this
    /// sandbox (writable) only, with an environment of its own: never `WORKBOOK_SOLUTIONS`,
    /// so always the learner's code.
    public func build(target: String? = nil, timeLimit: Double, jobs: Int) -> BuildFailure? {
        guard let toolchain = View.toolchain else { return .failed("no swift command on PATH") }
        var arguments = [toolchain.appendingPathComponent("bin/swift").path, "build"]
            + (target.map { ["--target", $0] } ?? ["--product", "workbook"])
            + ["--package-path", root.path, "--scratch-path", scratch.path, "-j", String(jobs)]
        #if os(macOS)
        if isolation == .sandboxExec { arguments.append("--disable-sandbox") }  // SwiftPM's own cannot nest in it.
        #endif
        let home = directory.appendingPathComponent("home")
        try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        // As a user of its own, the build may write its build folder and home only; in a namespace,
        // its sandbox folder is all it sees writable.
        let writable = isolation == .unprivilegedUser ? [scratch.path, home.path] : [directory.path]
        var view = View(readOnly: View.system + [toolchain.path], writable: writable, workingDirectory: root.path)
        view.hidden = [package.path]
        view.environment["HOME"] = home.path
        view.environment["PATH"] = toolchain.appendingPathComponent("bin").path + ":/usr/bin:/bin"
        let command = isolation.wrap(arguments, in: view)
        let child = ChildProcess(executable: URL(fileURLWithPath: command[0]), arguments: Array(command.dropFirst()),
                                 timeLimit: timeLimit)
        let run = try? child.run()
        isolation.endLearnerProcesses()
        guard let result = run else { return .failed("could not start swift build") }
        if case .exited(0) = result.termination { return nil }
        if case .timedOut(let seconds) = result.termination { return .timedOut(seconds: seconds) }
        let output = String(decoding: result.standardOutput + result.standardError, as: UTF8.self)
        return Self.wasKilled(result.termination, output: output) ? .killed(output) : .failed(output)
    }

    /// Whether a build that ended with `termination` and printed `output` was killed rather
    /// than refused: SwiftPM's own process killed, or a compiler job it ran ("error: compile
    /// command failed due to signal 9", as the Swift driver says it).
    public static func wasKilled(_ termination: IsolatedCheck.Termination, output: String) -> Bool {
        // 128 + 9: how a wrapper (bubblewrap, a shell) reports a child it ran that was killed.
        [.signal(SIGKILL), .exited(128 + SIGKILL)].contains(termination) || output.split(separator: "\n").contains {
            $0.contains("error:") && $0.contains("failed due to signal \(SIGKILL)")
        }
    }

    /// The chapters whose files (or checks) the compiler complained about.
    public static func chaptersWithErrors(in output: String) -> Set<Int> {
        var chapters = Set<Int>()
        for line in output.split(separator: "\n") where line.contains("error:") {
            for marker in ["Exercises/Chapter", "Sources/Chapter"] {
                guard let range = line.range(of: marker), let digit = line[range.upperBound...].first,
                      let number = Int(String(digit)) else { continue }
                chapters.insert(number)
            }
        }
        return chapters
    }

    /// The compiler's error lines about chapter `number`, shortened to the sandbox-relative path.
    public func errors(in output: String, chapter number: Int) -> String {
        let lines = output.split(separator: "\n").filter {
            $0.contains("error:") && ($0.contains("Exercises/Chapter\(number)/") || $0.contains("Sources/Chapter\(number)Checks/"))
        }
        let cleaned = Array(Set(lines.map { $0.replacingOccurrences(of: root.path + "/", with: "") })).sorted()
        return cleaned.prefix(20).joined(separator: "\n")
    }
}
