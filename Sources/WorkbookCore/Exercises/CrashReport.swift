import Foundation

/// A line of a learner's file: where a crash happened, or the function a check judged.
public struct SourceSite: Codable, Sendable, Equatable {
    /// The file, relative to the package root: `Exercises/Chapter2/ForwardPass.swift`.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The function, as the backtracer names it: `forward(_:_:)`.
    public var function: String?

    public init(file: String, line: Int, function: String? = nil) {
        self.file = file
        self.line = line
        self.function = function
    }

    /// `Exercises/Chapter2/ForwardPass.swift:8, in forward(_:_:)`.
    public var description: String { "\(file):\(line)" + (function.map { ", in \($0)" } ?? "") }
}

/// What a crashed check process wrote on standard error, read for the learner: the
/// runtime's message without its file prefix, and the deepest frame of the crashed
/// thread that lies in the learner's own files, from the Swift backtracer.
public struct CrashReport: Sendable, Equatable {
    /// `Precondition failed: …` or `Fatal error: Index out of range`, when the runtime said one.
    public var message: String?
    /// The deepest frame in `Exercises/` (or `Solutions/`), when the backtracer ran.
    public var site: SourceSite?
    /// The text of the site's line, when its file could be read.
    public var code: String?

    /// The backtracer's settings for a check process: on even without a terminal (macOS
    /// enables it only for one; Swift Testing turns it off in exit tests on Linux unless it
    /// is set), the crashed thread only, plain text, whole paths.
    public static let backtracerSettings = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,"
        + "images=none,sanitize=no"

    /// The environment a check process is started with, so that its crashes can be placed.
    public static var childEnvironment: [String: String] { ["SWIFT_BACKTRACE": backtracerSettings] }

    public init(standardError: String) {
        let lines = standardError.split(separator: "\n").map(String.init)
        message = lines.lazy.compactMap(Self.runtimeMessage).first
        guard let (path, site) = lines.lazy.compactMap(Self.learnerFrame).first else { return }
        self.site = site
        code = (try? String(contentsOfFile: path, encoding: .utf8))
            .flatMap { text in
                let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false)
                return site.line <= fileLines.count ? fileLines[site.line - 1].trimmingCharacters(in: .whitespaces) : nil
            }
            .flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The crash for the learner: where, their line, then what the runtime said.
    public var text: String {
        var parts = [String]()
        if let site { parts.append("at " + site.description + (code.map { ":\n    " + $0 } ?? "")) }
        if let message { parts.append(message) }
        return parts.joined(separator: "\n")
    }

    /// `Precondition failed: …` from `WorkbookCore/MatrixArithmetic.swift:9: Precondition failed: …`.
    private static func runtimeMessage(_ line: String) -> String? {
        for kind in ["Fatal error", "Precondition failed", "Assertion failed"] {
            if let range = line.range(of: kind) { return String(line[range.lowerBound...]).trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    /// The absolute path and the site of a backtracer frame such as
    /// `2 [ra]  0x…ab forward(_:_:) + 842 in workbook at /…/Exercises/Chapter2/ForwardPass.swift:8:16`,
    /// when its file is one of a chapter's in `Exercises/` or `Solutions/`.
    static func learnerFrame(_ line: String) -> (String, SourceSite)? {
        guard let at = line.range(of: " at /", options: .backwards) else { return nil }
        let parts = ("/" + line[at.upperBound...]).split(separator: ":")
        guard parts.count >= 3, let number = Int(parts[parts.count - 2]) else { return nil }
        let path = parts.dropLast(2).joined(separator: ":")
        guard let folder = ["/Exercises/Chapter", "/Solutions/Chapter"].lazy.compactMap({ path.range(of: $0, options: .backwards) }).first
        else { return nil }
        let relative = String(path[path.index(after: folder.lowerBound)...])
        // The function: after the address, before " + offset in image".
        let head = line[..<at.lowerBound]
        var function: String?
        if let address = head.range(of: " 0x"), let offset = head.range(of: " + ", options: .backwards),
           let end = head[address.upperBound...].firstIndex(of: " "), end < offset.lowerBound {
            function = String(head[head.index(after: end) ..< offset.lowerBound])
        }
        return (path, SourceSite(file: relative, line: number, function: function))
    }
}
