import Foundation

/// One learner's submission: a folder named after the learner, in one of the shapes learners
/// upload: an `Exercises/` tree somewhere inside (directly, or in a whole copy of the
/// repository), the `ChapterN` folders alone, or loose files named as the exercises' files.
public struct Submission: Sendable {
    public let learner: String
    /// The folder holding the learner's `ChapterN` folders (their `Exercises/`, or the
    /// submission itself when they uploaded the chapter folders alone), if there is one.
    public let exercises: URL?
    /// The submission's own folder, where loose files are looked for when it has no chapter folders.
    public let folder: URL

    /// The submissions in `folder`, one per subfolder, sorted by name. Files, dot-folders
    /// and symbolic links are ignored.
    public static func all(in folder: URL) throws -> [Submission] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return names.compactMap { name in
            let url = folder.appendingPathComponent(name)
            guard !name.hasPrefix("."), SubmittedFiles.isFolder(url) else { return nil }
            return Submission(learner: name, exercises: findExercises(in: url, depth: 3), folder: url)
        }
    }

    /// The shallowest folder named `Exercises` that holds a `ChapterN` folder, else the
    /// submission's own folder when it holds `ChapterN` folders itself; found without
    /// following symbolic links (an `Exercises` that links elsewhere, to the reference
    /// solutions say, is not the learner's).
    static func findExercises(in folder: URL, depth: Int, top: Bool = true) -> URL? {
        func holdsChapters(_ candidate: URL) -> Bool {
            guard SubmittedFiles.isFolder(candidate),
                  let names = try? FileManager.default.contentsOfDirectory(atPath: candidate.path) else { return false }
            return names.contains { $0.hasPrefix("Chapter") && SubmittedFiles.isFolder(candidate.appendingPathComponent($0)) }
        }
        let candidate = folder.appendingPathComponent("Exercises")
        if holdsChapters(candidate) { return candidate }
        if top, holdsChapters(folder), findExercises(in: folder, depth: depth, top: false) == nil { return folder }
        guard depth > 0, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        for name in names.sorted() where !name.hasPrefix(".") && name != ".build" {
            let child = folder.appendingPathComponent(name)
            if SubmittedFiles.isFolder(child), let found = findExercises(in: child, depth: depth - 1, top: false) {
                return found
            }
        }
        return nil
    }
}
