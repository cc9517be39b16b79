import Foundation
import WorkbookCore

/// The files grading writes into its output folder:
/// `results/<learner>.json` (what was found, written first, so nothing is lost),
/// `gradebook.csv`, `mistakes.md` (the class's causes of failure, counted),
/// `feedback/<learner>.md` and `gradescope/<learner>/results.json`.
public struct GradeReports: Sendable {
    public let folder: URL
    public let chapters: [Chapter]
    /// The learners of the class (the folders of the submissions): a saved result of
    /// anyone else is left out of the gradebook. Every saved result when `nil`.
    public let roster: Set<String>?

    private let seal: ResultSeal

    public init(folder: URL, chapters: [Chapter], roster: Set<String>? = nil) throws {
        self.folder = folder
        self.chapters = chapters
        self.roster = roster
        seal = try ResultSeal(folder: folder)
    }

    private var resultsFolder: URL { folder.appendingPathComponent("results") }

    /// Where the gradebook's seed is kept, so that a later run grades with the same one.
    public var seedFile: URL { folder.appendingPathComponent("seed") }

    /// The seed this gradebook grades with, and whether it was drawn now: `given` (kept for
    /// later runs), else the one kept from an earlier run, else one drawn at random, so
    /// that the shapes and values learners saw at home (seed 1, or their own) are not the
    /// ones graded. A `given` seed other than the kept one is refused while results graded
    /// with the kept one remain, unless `replacing` (they are all graded again).
    public func seed(given: UInt64?, replacing: Bool) throws -> (seed: UInt64, drawn: Bool) {
        let kept = (try? String(contentsOf: seedFile, encoding: .utf8))
            .flatMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if let given {
            if let kept, kept != given, !replacing, !savedResults().isEmpty {
                throw UsageError("\(folder.path) was graded with seed \(kept): grade with --seed \(kept) (or without --seed), "
                    + "or with --force to grade everyone again with seed \(given)")
            }
            try write(Data("\(given)\n".utf8), to: seedFile)
            return (given, false)
        }
        if let kept { return (kept, false) }
        let drawn = UInt64.random(in: 2 ... 999_999)
        try write(Data("\(drawn)\n".utf8), to: seedFile)
        return (drawn, true)
    }

    /// The learners of the roster already graded, from an earlier run: those with a
    /// result of their own, sealed by this grader, that grading did not fail for.
    public func gradedLearners() -> Set<String> { Set(savedResults().filter { $0.graderError == nil }.map(\.learner)) }

    /// Saves one learner's result and feedback, then rewrites the gradebook from every saved result.
    public func save(_ result: LearnerResult) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(result)
        try write(data, to: resultsFolder.appendingPathComponent("\(result.learner).json"))
        try write(Data(seal.seal(data).utf8), to: resultsFolder.appendingPathComponent("\(result.learner).seal"))
        try write(Data(feedback(for: result).utf8), to: folder.appendingPathComponent("feedback/\(result.learner).md"))
        try write(encoder.encode(gradescope(result)),
                  to: folder.appendingPathComponent("gradescope/\(result.learner)/results.json"))
        try write(Data(gradebook().utf8), to: folder.appendingPathComponent("gradebook.csv"))
        try write(Data(mistakes().utf8), to: mistakesFile)
    }

    /// Where the class's mistakes are summed up.
    public var mistakesFile: URL { folder.appendingPathComponent("mistakes.md") }

    /// One exercise's failures across the class: each cause the diagnosis named, with the
    /// number of learners whose code it explains, most common first.
    public struct ExerciseMistakes: Sendable {
        public let exercise: Exercise
        public let failed: Int
        public let causes: [(text: String, learners: Int)]
        /// Failures the diagnosis named no cause for.
        public let unexplained: Int
    }

    /// The failures of every exercise some graded learner failed, in the rubric's order.
    public func classMistakes() -> (graded: Int, exercises: [ExerciseMistakes]) {
        let results = savedResults().filter { $0.graderError == nil }
        let exercises = chapters.flatMap(\.exercises).compactMap { exercise -> ExerciseMistakes? in
            let failures = results.compactMap { result in
                result.exercises.first { $0.id == exercise.id && $0.status == .failed && $0.unchecked != true }
            }
            guard !failures.isEmpty else { return nil }
            var learners = [String: (text: String, count: Int)]()
            var order = [String]()
            for failure in failures {
                var seen = Set<String>()
                for cause in failure.causes ?? [] where seen.insert(cause.mistake).inserted {
                    if learners[cause.mistake] == nil { order.append(cause.mistake) }
                    let text = (cause.result.isEmpty ? "" : cause.result + ": ") + cause.text
                    learners[cause.mistake, default: (text, 0)].count += 1
                }
            }
            let causes = order.map { (text: learners[$0]!.text, learners: learners[$0]!.count) }
                .sorted { $0.learners > $1.learners }
            return ExerciseMistakes(exercise: exercise, failed: failures.count, causes: causes,
                                    unexplained: failures.filter { ($0.causes ?? []).isEmpty }.count)
        }
        return (results.count, exercises)
    }

    /// `mistakes.md`: what an instructor reads to see the class's misconceptions, not only its scores.
    public func mistakes() -> String {
        let (graded, exercises) = classMistakes()
        var lines = ["# The class's mistakes", "",
                     "For each exercise that some of the \(graded) graded learner\(graded == 1 ? "" : "s") failed (crashes, "
                         + "time-outs, stubs and chapters that did not build not counted): the cause the checks worked out from each learner's results, and "
                         + "how many learners it explains. The words use the numbers of the problems graded.", ""]
        for entry in exercises {
            lines.append("## \(entry.exercise.id) \(entry.exercise.title): \(entry.failed) of \(graded) failed")
            lines.append("")
            for cause in entry.causes {
                lines.append("- \(cause.learners) of \(graded): \(Self.inline(cause.text))")
            }
            if entry.unexplained > 0 { lines.append("- \(entry.unexplained) of \(graded): no cause named") }
            lines.append("")
        }
        if exercises.isEmpty { lines.append("No exercise failed.") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every saved result of the roster, sorted by learner: only files whose seal matches
    /// (written by this grader, unchanged since) and that name their own learner.
    public func savedResults() -> [LearnerResult] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: resultsFolder.path)) ?? []
        let learners = Set(names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        return (roster.map { learners.intersection($0) } ?? learners).sorted().compactMap { learner in
            guard let data = try? Data(contentsOf: resultsFolder.appendingPathComponent("\(learner).json")),
                  let sealText = try? String(contentsOf: resultsFolder.appendingPathComponent("\(learner).seal"),
                                             encoding: .utf8),
                  seal.verifies(data, seal: sealText),
                  let result = try? JSONDecoder().decode(LearnerResult.self, from: data) else { return nil }
            return result.learner == learner ? result : nil
        }
    }

    /// One row per learner: each exercise's points, each chapter's subtotal, the total, the status.
    public func gradebook() -> String {
        let exercises = chapters.flatMap(\.exercises)
        let header = ["learner"] + exercises.map { "\($0.id) (\($0.points))" }
            + chapters.map { "chapter \($0.number) (\($0.points))" }
            + ["total (\(exercises.reduce(0) { $0 + $1.points }))", "status", "isolation"]
        var rows = [header]
        for result in savedResults() {
            let points = Dictionary(uniqueKeysWithValues: result.exercises.map { ($0.id, $0.points) })
            rows.append([result.learner] + exercises.map { String(points[$0.id] ?? 0) }
                + chapters.map { chapter in String(chapter.exercises.reduce(0) { $0 + (points[$1.id] ?? 0) }) }
                + [String(result.score), result.status, result.isolation.rawValue])
        }
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// What a learner reads: each exercise's result, with the diagnosis and the first hint.
    public func feedback(for result: LearnerResult) -> String {
        var lines = ["# Feedback for \(result.learner)", "",
                     "Score: **\(result.score) / \(result.maxScore)** points. Status: \(result.status).", "",
                     "Isolation: \(result.isolation.summary).", ""]
        if !result.skippedFiles.isEmpty {
            lines.append("Not graded (only regular `.swift` files with plain names are): "
                + result.skippedFiles.map { "`\(Self.inline($0))`" }.joined(separator: ", ") + ".")
            lines.append("")
        }
        let grades = Dictionary(uniqueKeysWithValues: result.exercises.map { ($0.id, $0) })
        for chapter in chapters {
            lines.append("## Chapter \(chapter.number) · \(chapter.title)")
            lines.append("")
            for exercise in chapter.exercises {
                guard let grade = grades[exercise.id] else { continue }
                lines.append("### \(exercise.id) \(exercise.title) — \(grade.status.rawValue), \(grade.points)/\(grade.maxPoints)")
                lines.append("")
                if grade.status != .passed {
                    lines.append("Edit `\(exercise.file)`, \(exercise.symbol).")
                    lines.append("")
                    lines.append(Self.fenced(grade.message))
                    lines.append("")
                    if let hint = exercise.hints.first { lines.append("Hint: \(hint)") }
                    lines.append("")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` (which may hold what learner code printed) as a Markdown code block that
    /// it cannot close or escape: control characters but newlines and tabs shown as
    /// `?`, and a fence longer than any run of backticks inside.
    static func fenced(_ text: String) -> String {
        let clean = printable(text)
        var longest = 0, run = 0
        for character in clean {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "\n" + clean + "\n" + fence
    }

    /// `text` for inline code: printable, with no backticks to end it.
    static func inline(_ text: String) -> String { printable(text).replacingOccurrences(of: "`", with: "'") }

    private static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
                || (0x80 ... 0x9F).contains(scalar.value) ? "?" : scalar
        }))
    }

    /// The result in Gradescope's autograder format.
    public func gradescope(_ result: LearnerResult) -> GradescopeResults {
        let titles = Dictionary(uniqueKeysWithValues: chapters.flatMap(\.exercises).map { ($0.id, $0.title) })
        return GradescopeResults(
            score: Double(result.score), maxScore: Double(result.maxScore),
            output: "Status: \(result.status)\nIsolation: \(result.isolation.summary)",
            executionTime: Int((result.buildSeconds + result.checkSeconds).rounded(.up)),
            tests: result.exercises.map { grade in
                GradescopeResults.Test(name: "\(grade.id) \(titles[grade.id] ?? "")", score: Double(grade.points),
                                       maxScore: Double(grade.maxPoints), status: grade.status == .passed ? "passed" : "failed",
                                       output: "\(grade.status.rawValue): \(grade.message)", visibility: "visible")
            })
    }

    private func write(_ data: Data, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file, options: .atomic)
    }

    private func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// Gradescope's `results.json`.
public struct GradescopeResults: Codable, Sendable {
    public struct Test: Codable, Sendable {
        public let name: String
        public let score: Double
        public let maxScore: Double
        /// "passed" or "failed".
        public let status: String
        public let output: String
        public let visibility: String

        enum CodingKeys: String, CodingKey {
            case name, score, status, output, visibility
            case maxScore = "max_score"
        }
    }

    public let score: Double
    public let maxScore: Double
    public let output: String
    /// Plain text: what learner code printed is never rendered as Markdown or HTML.
    public var outputFormat = "text"
    /// Whole seconds the build and the checks took.
    public let executionTime: Int
    public let tests: [Test]

    enum CodingKeys: String, CodingKey {
        case score, output, tests
        case maxScore = "max_score"
        case outputFormat = "output_format"
        case executionTime = "execution_time"
    }
}
