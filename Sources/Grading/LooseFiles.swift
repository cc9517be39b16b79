import Foundation

/// A submission of loose files, as learners drop them onto an upload form: the exercises'
/// `.swift` files without their folders, laid out again as `ChapterN/NAME` by their names.
/// A name that more than one chapter has goes to the chapter whose stub of that name shares
/// the most identifiers with the file (its types, parameters, helpers); none on a tie.
struct LooseFiles {
    /// The folder laid out like `Exercises/`, or `nil` when no file is an exercise's.
    let exercises: URL?
    /// What was not taken in, with why, for the learner's feedback.
    let skipped: [String]

    /// Lays out the exercise files found directly in `folder` (by ``SubmittedFiles``' rules)
    /// under `destination`, by the names of the stubs in `stubs` (an `Exercises/` folder).
    init(in folder: URL, stubs: URL, into destination: URL) throws {
        let chapters = ((try? FileManager.default.contentsOfDirectory(atPath: stubs.path)) ?? [])
            .filter { $0.hasPrefix("Chapter") }.sorted()
        var homes = [String: [String]]()  // File name → the chapters that have it.
        for chapter in chapters {
            for (name, _) in SubmittedFiles(in: stubs.appendingPathComponent(chapter)).files { homes[name, default: []].append(chapter) }
        }
        let submitted = SubmittedFiles(in: folder)
        var skipped = submitted.skipped.filter { !$0.hasSuffix("(a folder)") && !$0.hasSuffix("(not a .swift file)") }
        var placed = 0
        for (name, contents) in submitted.files {
            guard let candidates = homes[name] else {
                skipped.append("\(SubmittedFiles.printable(name)) (no exercise has a file of that name)")
                continue
            }
            let text = String(decoding: contents, as: UTF8.self)
            guard let chapter = Self.home(of: text, named: name, among: candidates, stubs: stubs) else {
                skipped.append("\(SubmittedFiles.printable(name)) (\(candidates.joined(separator: " and ")) both have a file "
                    + "of that name: upload it in its chapter's folder)")
                continue
            }
            let target = destination.appendingPathComponent(chapter)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try contents.write(to: target.appendingPathComponent(name))
            placed += 1
        }
        exercises = placed > 0 ? destination : nil
        self.skipped = skipped
    }

    /// The one chapter of `candidates` whose stub of the file `name` shares the most
    /// identifiers with `text`; `nil` on a tie.
    private static func home(of text: String, named name: String, among candidates: [String], stubs: URL) -> String? {
        guard candidates.count > 1 else { return candidates.first }
        let words = Set(identifiers(in: text))
        let scores = candidates.map { chapter -> (String, Int) in
            let stub = SubmittedFiles(in: stubs.appendingPathComponent(chapter)).files.filter { $0.name == name }
            let stubWords = stub.flatMap { identifiers(in: String(decoding: $0.contents, as: UTF8.self)) }
            return (chapter, Set(stubWords).intersection(words).count)
        }.sorted { $0.1 > $1.1 }
        return scores[0].1 > scores[1].1 ? scores[0].0 : nil
    }

    /// The identifiers of Swift source text.
    private static func identifiers(in text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
    }
}
