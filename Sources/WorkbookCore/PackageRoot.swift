import Foundation

/// The workbook's own package folder, found from any working directory: Xcode,
/// for one, runs programs in its DerivedData folder, far from the package.
public enum PackageRoot {
    /// The folder holding the workbook's `Package.swift`: the nearest one at or
    /// above the working directory, else above the running program (under
    /// `.build/`), else the one this library was compiled from; the working
    /// directory when none is found.
    public static let url: URL = {
        let here = FileManager.default.currentDirectoryPath
        let program = Bundle.main.executableURL?.deletingLastPathComponent().path ?? here
        let compiled = URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Sources/WorkbookCore
            .deletingLastPathComponent().deletingLastPathComponent().path
        for start in [here, program, compiled] {
            if let root = workbook(atOrAbove: URL(fileURLWithPath: start)) { return root }
        }
        return URL(fileURLWithPath: here)
    }()

    /// Whether this copy has the reference solutions: a learner's copy (`workbook export-learner`)
    /// does not, and nothing in it may suggest `WORKBOOK_SOLUTIONS=1`.
    public static let hasReferenceSolutions =
        FileManager.default.fileExists(atPath: url.appendingPathComponent("Solutions/Chapter1").path)

    /// `", or <what>: <command>"` where the reference solutions exist, else `"."`: the end of a
    /// sentence that sends the learner on (`Finish it (swift run workbook)` + this).
    public static func orTheReference(_ what: String, _ command: String) -> String {
        hasReferenceSolutions ? ", or \(what): \(command)" : "."
    }

    /// `usage` without its lines about `WORKBOOK_SOLUTIONS` where there are no reference solutions.
    public static func forThisCopy(_ usage: String) -> String {
        hasReferenceSolutions ? usage
            : usage.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("WORKBOOK_SOLUTIONS") }.joined(separator: "\n")
    }

    /// The nearest folder at or above `start` whose `Package.swift` is the workbook's.
    static func workbook(atOrAbove start: URL) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            let manifest = folder.appendingPathComponent("Package.swift")
            if let text = try? String(contentsOf: manifest, encoding: .utf8), text.contains("name: \"BackpropWorkbook\"") {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
