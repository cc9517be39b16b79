import Foundation

/// The source file an exercise is written in, read as text: whether it is still
/// the untouched stub, and the line a front end should point the learner at.
public struct ExerciseSource: Sendable {
    public let exercise: Exercise
    /// The file, resolved against the package root.
    public let url: URL
    /// The file's lines, or none when it cannot be read.
    public let lines: [Substring]

    /// Reads `path` (by default the exercise's own file) under `root`.
    public init(_ exercise: Exercise, root: URL, path: String? = nil) {
        self.exercise = exercise
        url = root.appendingPathComponent(path ?? exercise.file)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Whether code (not a comment) in the file still calls `notStarted("id")`:
    /// the mark of an exercise the learner has not started.
    public var callsNotStarted: Bool { lines.contains { Self.callsNotStarted(exercise.id, onLine: $0) } }

    /// Whether code (not a comment) in `text` calls `notStarted("id")`.
    public static func callsNotStarted(_ id: String, in text: String) -> Bool {
        text.split(separator: "\n").contains { callsNotStarted(id, onLine: $0) }
    }

    private static func callsNotStarted(_ id: String, onLine line: Substring) -> Bool {
        let code = line.range(of: "//").map { line[..<$0.lowerBound] } ?? line[...]
        return code.contains("notStarted(\"\(id)\"")
    }

    /// The line to point at (from 1): the declaration of `function` when a check said
    /// which function it judged, else the exercise's `TODO(id)` while it is there, else
    /// the declaration of the first function it names, else its first line of code.
    public func line(judging function: String? = nil) -> Int {
        if let function, let index = declarationLine(Exercise.declaration(of: function[...])) { return index }
        if let index = lines.firstIndex(where: { $0.contains("TODO(\(exercise.id))") }) { return index + 1 }
        for declaration in exercise.declarations {
            if let index = declarationLine(declaration) { return index }
        }
        return (lines.firstIndex { Self.code(of: $0).contains { !$0.isWhitespace } && !$0.hasPrefix("import ") } ?? 0) + 1
    }

    /// The line (from 1) where code, not a comment, holds `declaration`.
    private func declarationLine(_ declaration: String) -> Int? {
        lines.firstIndex { Self.code(of: $0).contains(declaration) }.map { $0 + 1 }
    }

    /// `line` without its comment.
    private static func code(of line: Substring) -> Substring {
        line.range(of: "//").map { line[..<$0.lowerBound] } ?? line
    }
}

extension Exercise {
    /// How the functions of ``symbol`` are declared: `` `train(_:epochs:)` `` is
    /// `func train(`, and `` `static func +` `` is itself.
    var declarations: [String] {
        symbol.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
            .map { Self.declaration(of: $0.element) }
    }

    /// How `name` is declared: `train(_:epochs:)` is `func train(`, `Activation.value(_:)`
    /// (a method of an enum) is `func value(`, and `static func +` is itself.
    static func declaration(of name: Substring) -> String {
        guard let parenthesis = name.firstIndex(of: "(") else { return String(name) }
        let base = name[..<parenthesis]
        return "func " + (base.split(separator: ".").last.map(String.init) ?? String(base)) + "("
    }
}
