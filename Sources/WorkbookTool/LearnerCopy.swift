import Foundation
import WorkbookCore

/// Copies of the package for others: a learner's (`workbook export-learner`), and the one
/// an autograder builds. Neither holds what gives answers away or is the maintainers' only:
/// the reference solutions, the maintainers' tests (their kept implementations) and fixtures,
/// the CI scripts and workflow, build folders, downloaded data and grading output.
enum LearnerCopy {
    /// Paths, relative to the package, that no copy gets.
    static let excluded: Set<String> = [
        ".build", ".git", ".swiftpm", ".workbook", "Package.resolved", "Solutions", "Tests/Maintainer", "Tests/Fixtures",
        ".ci", ".github", "data", "grades",
    ]

    /// Writes the package's last commit, without what no copy gets, into `destination` (which
    /// must not exist, or be an empty folder). The commit, not the working tree: an
    /// instructor's clone holds their own answers, submissions and ignored files, none of
    /// which may reach learners. It refuses when `Exercises/` differs from the commit, since
    /// the copy would then not be what the instructor sees.
    /// - Returns: How many files were copied.
    @discardableResult
    static func writeCommitted(to destination: URL, from package: URL = PackageRoot.url) throws -> Int {
        func git(_ arguments: [String]) throws -> String {
            let child = ChildProcess(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                     arguments: ["git", "-C", package.path] + arguments, timeLimit: 120)
            let result = try child.run()
            guard case .exited(0) = result.termination else {
                throw UsageError("a learner's copy is made from the package's last git commit, and git could not read it "
                    + "(\(String(decoding: result.standardError, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))")
            }
            return String(decoding: result.standardOutput, as: UTF8.self)
        }
        let changed = try git(["status", "--porcelain", "--untracked-files=all", "--", "Exercises"])
            .split(separator: "\n").map { String($0.dropFirst(3)) }
        guard changed.isEmpty else {
            throw UsageError("Exercises/ differs from the last commit (\(changed.prefix(3).joined(separator: ", "))"
                + (changed.count > 3 ? ", …" : "") + "), so the copy would not hold the stubs you see: commit, "
                + "stash or reset those files (workbook reset ID), then export again")
        }
        let tree = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tree) }
        let archive = tree.appendingPathComponent("commit.tar")
        _ = try git(["archive", "--format=tar", "-o", archive.path, "HEAD"])
        let unpack = ChildProcess(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                  arguments: ["tar", "-xf", archive.path, "-C", tree.path], timeLimit: 120)
        guard case .exited(0) = try unpack.run().termination else { throw UsageError("could not unpack the last commit") }
        try FileManager.default.removeItem(at: archive)
        return try write(to: destination, from: tree, outside: package)
    }

    /// Copies the files of `package` as they are (the working tree: what tests of the
    /// package's own code want), the READMEs in their learner's edition (``LearnerReadme``),
    /// into `destination` (which must not exist, or be an empty folder, and lie outside
    /// `original`), keeping symbolic links inside the package as links.
    /// - Returns: How many files were copied.
    @discardableResult
    static func write(to destination: URL, from package: URL, outside original: URL? = nil) throws -> Int {
        let original = original ?? package
        let manager = FileManager.default
        if manager.fileExists(atPath: destination.path) {
            guard (try? manager.contentsOfDirectory(atPath: destination.path))?.isEmpty == true else {
                throw UsageError("\(destination.path) already exists and is not empty")
            }
        }
        guard !destination.standardizedFileURL.path.hasPrefix(original.standardizedFileURL.path + "/") else {
            throw UsageError("the copy must go outside the package")
        }
        var count = 0
        func copy(_ relative: String) throws {
            let source = package.appendingPathComponent(relative)
            let target = destination.appendingPathComponent(relative)
            let attributes = try manager.attributesOfItem(atPath: source.path)
            switch attributes[.type] as? FileAttributeType {
            case .typeDirectory?:
                try manager.createDirectory(at: target, withIntermediateDirectories: true)
                for name in try manager.contentsOfDirectory(atPath: source.path).sorted() {
                    let child = relative.isEmpty ? name : relative + "/" + name
                    if !excluded.contains(child) && !name.hasPrefix(".DS_Store") { try copy(child) }
                }
            case .typeSymbolicLink?:
                try manager.createSymbolicLink(atPath: target.path,
                                               withDestinationPath: manager.destinationOfSymbolicLink(atPath: source.path))
                count += 1
            case .typeRegular? where LearnerReadme.files.contains(relative):
                let readme = try String(contentsOf: source, encoding: .utf8)
                try Data(LearnerReadme.learnersEdition(of: readme).utf8).write(to: target)
                count += 1
            case .typeRegular?:
                try manager.copyItem(at: source, to: target)
                count += 1
            default:
                break  // Sockets, FIFOs and devices are nobody's source.
            }
        }
        try copy("")
        return count
    }
}

/// `workbook export-learner DIR`: a learner's copy of the repository, as a new git
/// repository with one commit (so that `workbook reset` finds the stubs in its history).
func exportLearner(_ arguments: Arguments, style: Style) throws -> Int32 {
    guard arguments.positional.count == 2 else { throw UsageError("export-learner needs the folder to create") }
    let destination = URL(fileURLWithPath: arguments.positional[1])
    let count = try LearnerCopy.writeCommitted(to: destination)
    let committed = commitEverything(in: destination, message: "The Backprop Workbook, a learner's copy")
    print(style.bold("Wrote a learner's copy") + " of the workbook's last commit to \(destination.path): \(count) files, "
        + "without the solutions, the maintainers' tests or the CI scripts"
        + (committed ? ", as a git repository with one commit." : " (git was not found: no repository made)."))
    print("In it: swift run workbook, swift test, and every chapter's program work as in the full repository.")
    return 0
}

/// Makes `folder` a git repository holding its files in one commit; whether it could.
private func commitEverything(in folder: URL, message: String) -> Bool {
    let steps = [["init", "--quiet"], ["add", "--all"],
                 ["-c", "user.name=Backprop Workbook", "-c", "user.email=workbook@localhost", "commit", "--quiet",
                  "-m", message]]
    for step in steps {
        let child = ChildProcess(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                 arguments: ["git", "-C", folder.path] + step, timeLimit: 120)
        guard let result = try? child.run(), case .exited(0) = result.termination else { return false }
    }
    return true
}
