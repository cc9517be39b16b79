import Foundation
import WorkbookCore

/// Grades a folder of submissions: builds each in a sandbox, runs every
/// exercise's check in its own process, and records the results.
public struct Grader: Sendable {
    public struct Options: Sendable {
        public var jobs = 1
        /// Seconds each exercise's check may run.
        public var timeLimit = 20.0
        public var seed: UInt64 = 1
        /// Seconds a submission's build may take. Each sandbox builds the stubs first
        /// (``warmUpTimeLimit``), so this is the time for what the learner changed: a few
        /// seconds for a whole class's worth of honest code.
        public var buildTimeLimit = 300.0
        /// Seconds one chapter may take to compile on its own, when the whole build took
        /// too long: a slower chapter's stubs are graded in its place, as for a chapter that
        /// does not compile.
        public var chapterBuildTimeLimit = 120.0
        /// Seconds the stubs' build may take in a new sandbox (the whole package, from
        /// nothing: under a minute on 2 cores); longer is the grader's error, never a learner's.
        public var warmUpTimeLimit = 1800.0
        /// Compile jobs each build runs (`swift build -j`): by default what the memory and
        /// processors this grader may use hold, shared among the learners graded at once.
        public var buildJobs: Int?
        /// How each build and check is shut in.
        public var isolation = Isolation.none
        /// Read-only folders the checks may read besides their program (the MNIST files).
        public var dataFolders = [String]()
        /// Paths a check must not read where the isolation shows it everything but them
        /// (`sandbox-exec`): the submissions, the grader's results. (The instructor's
        /// package is always among them.)
        public var hiddenFolders = [String]()
        /// Judges a check's report; in this process when `nil`. The `workbook` program
        /// judges in a child process of its own, which runs no learner code, so that a
        /// forged report that traps or stalls the judge costs only its exercise.
        public var judge: (@Sendable (Exercise, CallReport, UInt64) -> Outcome)?

        public init() {}
    }

    public let chapters: [Chapter]
    /// Compile jobs per build: the option, or the machine's share for each learner graded at once.
    public var buildJobs: Int { options.buildJobs ?? max(1, MachineLimits.current().buildJobs / max(1, options.jobs)) }
    public let instructorPackage: URL
    public let options: Options

    public init(chapters: [Chapter], instructorPackage: URL, options: Options) {
        self.chapters = chapters
        self.instructorPackage = instructorPackage
        self.options = options
    }

    /// Grades `submissions`, `options.jobs` at a time, each job in its own sandbox
    /// under `workDirectory`. `finished` is called as each learner is graded.
    public func grade(_ submissions: [Submission], workDirectory: URL,
                      finished: @escaping @Sendable (LearnerResult) -> Void) throws {
        let jobs = max(1, min(options.jobs, submissions.count))
        let sandboxes = try (0 ..< jobs).map {
            try Sandbox(copying: instructorPackage, into: workDirectory.appendingPathComponent("job\($0)"),
                        isolation: options.isolation)
        }
        let queue = WorkQueue(submissions)
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            while let submission = queue.next() {
                finished(grade(submission, in: sandboxes[job]))
            }
        }
    }

    /// Grades one submission in `sandbox`, timing its build and its checks.
    /// A sandbox builds the stubs before its first learner (not counted in their times).
    public func grade(_ submission: Submission, in sandbox: Sandbox) -> LearnerResult {
        if let failure = sandbox.warmUp(timeLimit: options.warmUpTimeLimit, jobs: buildJobs) {
            let error: String
            switch failure {
            case .killed: error = outOfMemory
            case .timedOut: error = "the grader's build of the stubs took longer than \(formatNumber(options.warmUpTimeLimit)) s: "
                + "this machine is too slow or too busy to grade on"
            case .failed(let output): error = "the grader's own stubs do not build: " + String(output.suffix(2000))
            }
            var result = notGraded(submission.learner, problems: [], because: error)
            result.isolation = options.isolation
            return result
        }
        var buildSeconds = 0.0
        let start = Date()
        var result = gradeInPristine(submission, in: sandbox, buildSeconds: &buildSeconds)
        result.isolation = options.isolation
        result.buildSeconds = buildSeconds
        result.checkSeconds = Date().timeIntervalSince(start) - buildSeconds
        return result
    }

    private func gradeInPristine(_ submission: Submission, in sandbox: Sandbox, buildSeconds: inout Double) -> LearnerResult {
        do {
            try sandbox.restoreIfChanged()
        } catch {
            return zeroResult(submission.learner, problems: ["grading failed: \(error)"], message: "\(error)")
        }
        var problems = [String]()
        var skipped = [String]()
        var compilerMessages = [Int: String]()
        /// Chapters whose stubs are graded in their place, with why.
        var stubbed = [Int: String]()
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-loose-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        var exercises = submission.exercises
        if exercises == nil, let loose = try? LooseFiles(in: submission.folder, stubs: sandbox.stubs, into: staging) {
            exercises = loose.exercises
            if exercises != nil { skipped += loose.skipped }
        }
        guard let exercises else {
            return zeroResult(submission.learner, problems: ["nothing to grade in the submission"], message: Self.whatToUpload)
        }
        do {
            for chapter in chapters {
                let installed = try sandbox.install(chapter: chapter.number, from: exercises, stubbed: false)
                if !installed.hadChapter { problems.append("chapter \(chapter.number) missing") }
                skipped += installed.skipped
            }
            // Build; put the stubs back for each chapter that does not compile, or compiles too
            // slowly, until the rest builds.
            var searchedForSlowChapters = false
            while let failure = timed({ sandbox.build(timeLimit: options.buildTimeLimit, jobs: buildJobs) },
                                      adding: &buildSeconds) {
                switch failure {
                case .killed:
                    return outOfMemoryResult(submission.learner, problems: problems)
                case .timedOut where !searchedForSlowChapters:
                    // Found as a compile error is found: each chapter built on its own.
                    searchedForSlowChapters = true
                    for chapter in chapters.map(\.number) where stubbed[chapter] == nil {
                        let alone = timed({ sandbox.build(target: "Chapter\(chapter)", timeLimit: options.chapterBuildTimeLimit,
                                                          jobs: buildJobs) }, adding: &buildSeconds)
                        if case .killed? = alone { return outOfMemoryResult(submission.learner, problems: problems) }
                        guard case .timedOut? = alone else { continue }
                        problems.append("chapter \(chapter) took longer than \(formatNumber(options.chapterBuildTimeLimit)) s to compile")
                        stubbed[chapter] = "Chapter \(chapter) took longer than \(formatNumber(options.chapterBuildTimeLimit)) s to "
                            + "compile on its own, so its stubs were graded in its place; the other chapters were graded as usual. "
                            + "Look for what is slow to compile: an expression the type checker is slow on (give its literals and "
                            + "closures explicit types, or compute it in steps), or a very large file."
                        try sandbox.install(chapter: chapter, from: exercises, stubbed: true)
                    }
                case .timedOut:
                    return zeroResult(submission.learner, problems: problems + ["build timed out"],
                                      message: "the build took longer than \(formatNumber(options.buildTimeLimit)) s, though "
                                          + "each chapter compiled on its own in less than "
                                          + "\(formatNumber(options.chapterBuildTimeLimit)) s")
                case .failed(let output):
                    let broken = Sandbox.chaptersWithErrors(in: output).subtracting(stubbed.keys)
                    guard !broken.isEmpty else {
                        return zeroResult(submission.learner, problems: problems + ["the submission did not build"],
                                          message: "the build failed:\n" + String(output.suffix(3000)))
                    }
                    for number in broken.sorted() {
                        compilerMessages[number] = sandbox.errors(in: output, chapter: number)
                        problems.append("chapter \(number) did not compile")
                        stubbed[number] = "Chapter \(number) did not compile:\n" + (compilerMessages[number] ?? "")
                        try sandbox.install(chapter: number, from: exercises, stubbed: true)
                    }
                }
            }
        } catch {
            return zeroResult(submission.learner, problems: problems + ["grading failed: \(error)"], message: "\(error)")
        }
        let grades = chapters.flatMap(\.exercises).map { exercise -> LearnerResult.ExerciseGrade in
            if let why = stubbed[exercise.chapter] {
                return LearnerResult.ExerciseGrade(id: exercise.id, status: .failed, points: 0, maxPoints: exercise.points,
                                                   message: why, checked: false)
            }
            let outcome = check(exercise, with: sandbox.workbook)
            return LearnerResult.ExerciseGrade(id: exercise.id, status: outcome.status,
                                               points: outcome.status == .passed ? exercise.points : 0,
                                               maxPoints: exercise.points, message: outcome.message,
                                               causes: outcome.causes)
        }
        var result = LearnerResult(learner: submission.learner, exercises: grades, problems: problems,
                                   compilerMessages: compilerMessages)
        result.skippedFiles = skipped
        return result
    }

    /// Runs one check in a shut-in child process of the learner's build, which sees its
    /// own program and the data folders only, then judges what it reported outside it.
    func check(_ exercise: Exercise, with workbook: URL) -> Outcome {
        var arguments = [workbook.path, "__run-check", exercise.id, "--seed", String(options.seed),
                         "--time-limit", String(options.timeLimit)]
        if options.isolation != .none { arguments.append("--limits") }
        var view = View(readOnly: View.system + [workbook.path] + options.dataFolders, writable: [],
                        workingDirectory: "/tmp")
        view.hidden = [instructorPackage.path] + options.hiddenFolders
        if let data = options.dataFolders.first { view.environment["MNIST_DIR"] = data }
        view.environment.merge(CrashReport.childEnvironment) { $1 }
        let command = options.isolation.wrap(arguments, in: view)
        let child = ChildProcess(executable: URL(fileURLWithPath: command[0]), arguments: Array(command.dropFirst()),
                                 timeLimit: options.timeLimit + 10)
        let run = try? child.run()
        options.isolation.endLearnerProcesses()
        guard let result = run else { return Outcome(.crashed, "the check could not be started") }
        let seed = options.seed
        return IsolatedCheck.outcome(of: options.isolation.commandTermination(result.termination),
                                     standardOutput: result.standardOutput,
                                     standardError: result.standardError, exercise: exercise, seed: seed,
                                     timeLimit: options.timeLimit, judge: options.judge.map { judge in { judge(exercise, $0, seed) } })
    }

    private func timed<T>(_ body: () -> T, adding seconds: inout Double) -> T {
        let start = Date()
        defer { seconds += Date().timeIntervalSince(start) }
        return body()
    }

    /// What a submission with nothing to grade is told.
    static let whatToUpload = "the submission holds no Exercises folder, no Chapter1 … Chapter5 folders and no file named as an "
        + "exercise's file: upload your Exercises folder (or the chapter folders in it, or the exercises' .swift files), "
        + "or your whole repository"

    /// A learner not graded because the compiler was killed: the grader's error, graded again later.
    private func outOfMemoryResult(_ learner: String, problems: [String]) -> LearnerResult {
        notGraded(learner, problems: problems, because: outOfMemory)
    }

    /// A learner not graded for `error`, the grader's and not theirs: graded again by the next run.
    private func notGraded(_ learner: String, problems: [String], because error: String) -> LearnerResult {
        var result = zeroResult(learner, problems: problems, message: "not graded: " + error)
        result.graderError = error
        return result
    }

    /// What a build killed for want of memory means, and what to do about it.
    private var outOfMemory: String {
        let limits = MachineLimits.current()
        return "the grader ran out of memory: the compiler was killed while building the submission with \(buildJobs) job"
            + (buildJobs == 1 ? "" : "s") + " in \(limits.memoryBytes.map { "\($0 >> 20) MiB" } ?? "the memory there is")"
            + ". Give the grader more memory (on Gradescope, at least 1 GiB in the autograder's settings)"
            + (buildJobs > 1 ? " or pass --build-jobs 1" : "") + ", then grade again: this learner is graded again then."
    }

    private func zeroResult(_ learner: String, problems: [String], message: String) -> LearnerResult {
        LearnerResult(learner: learner, exercises: chapters.flatMap(\.exercises).map {
            LearnerResult.ExerciseGrade(id: $0.id, status: .failed, points: 0, maxPoints: $0.points, message: message,
                                        checked: false)
        }, problems: problems, compilerMessages: [:])
    }
}

/// Submissions handed out to the grading jobs one at a time.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: [Submission]

    init(_ submissions: [Submission]) { remaining = submissions.reversed() }

    func next() -> Submission? {
        lock.lock()
        defer { lock.unlock() }
        return remaining.popLast()
    }
}
