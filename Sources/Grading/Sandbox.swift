import Foundation
import WorkbookCore

/// A private copy of the instructor's package in which learners' code is built,
/// one learner at a time. Only `Exercises/` ever changes; `Package.swift`, the
/// checks and the tests are always the instructor's. The build folder is kept
/// between learners, so each build after the first recompiles only what changed.
public final class Sandbox: @unchecked Sendable {
    public let root: URL
    private let scratch: URL
    private let stubs: URL

    /// Copies the parts of `package` a build needs into `directory`.
    public init(copying package: URL, into directory: URL) throws {
        root = directory.appendingPathComponent("package")
        scratch = directory.appendingPathComponent("build")
        stubs = package.appendingPathComponent("Exercises")
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["Package.swift", "Sources", "Tests", "Exercises"] {
            try FileManager.default.copyItem(at: package.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
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
    }

    /// Builds the `workbook` program; the failure, when it does not build in `timeLimit` seconds.
    public func build(timeLimit: Double) -> BuildFailure? {
        var child = ChildProcess(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                 arguments: ["swift", "build", "--product", "workbook", "--package-path", root.path,
                                             "--scratch-path", scratch.path],
                                 timeLimit: timeLimit)
        child.removedEnvironment = ["WORKBOOK_SOLUTIONS"]  // Always the learner's code, never the reference.
        guard let result = try? child.run() else { return .failed("could not start swift build") }
        if case .exited(0) = result.termination { return nil }
        if case .timedOut(let seconds) = result.termination { return .timedOut(seconds: seconds) }
        return .failed(String(decoding: result.standardOutput + result.standardError, as: UTF8.self))
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
