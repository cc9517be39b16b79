import Foundation

/// One learner's submission: a folder named after the learner, holding an
/// `Exercises/` tree somewhere inside (directly, or in a whole copy of the repository).
public struct Submission: Sendable {
    public let learner: String
    /// The learner's `Exercises/` folder, if the submission has one.
    public let exercises: URL?

    /// The submissions in `folder`, one per subfolder, sorted by name. Files, dot-folders
    /// and symbolic links are ignored.
    public static func all(in folder: URL) throws -> [Submission] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return names.compactMap { name in
            let url = folder.appendingPathComponent(name)
            guard !name.hasPrefix("."), SubmittedFiles.isFolder(url) else { return nil }
            return Submission(learner: name, exercises: findExercises(in: url, depth: 3))
        }
    }

    /// The shallowest folder named `Exercises` that holds a `ChapterN` folder, found
    /// without following symbolic links (an `Exercises` that links elsewhere, to the
    /// reference solutions say, is not the learner's).
    static func findExercises(in folder: URL, depth: Int) -> URL? {
        let candidate = folder.appendingPathComponent("Exercises")
        if SubmittedFiles.isFolder(candidate), let chapters = try? FileManager.default.contentsOfDirectory(atPath: candidate.path),
           chapters.contains(where: { $0.hasPrefix("Chapter") && SubmittedFiles.isFolder(candidate.appendingPathComponent($0)) }) {
            return candidate
        }
        guard depth > 0, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        for name in names.sorted() where !name.hasPrefix(".") && name != ".build" {
            let child = folder.appendingPathComponent(name)
            if SubmittedFiles.isFolder(child), let found = findExercises(in: child, depth: depth - 1) {
                return found
            }
        }
        return nil
    }
}
