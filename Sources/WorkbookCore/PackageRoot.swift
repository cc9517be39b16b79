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
