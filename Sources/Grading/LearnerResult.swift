import WorkbookCore

/// Everything grading found out about one learner, saved as JSON as soon as the
/// learner is graded, so an interrupted run keeps it.
public struct LearnerResult: Codable, Sendable, Equatable {
    /// One exercise's grade.
    public struct ExerciseGrade: Codable, Sendable, Equatable {
        public let id: String
        public let status: Outcome.Status
        public let points: Int
        public let maxPoints: Int
        public let message: String
        /// The causes of a failure the diagnosis named, as data; `nil` when it named none.
        public var causes: [Cause]?
        /// `true` when the exercise failed without its check running (the submission did not
        /// build, or its chapter was replaced by the stubs); `nil` when the check ran.
        public var unchecked: Bool?

        public init(id: String, status: Outcome.Status, points: Int, maxPoints: Int, message: String,
                    causes: [Cause] = [], checked: Bool = true) {
            self.id = id
            self.status = status
            self.points = points
            self.maxPoints = maxPoints
            self.message = message
            self.causes = causes.isEmpty ? nil : causes
            self.unchecked = checked ? nil : true
        }
    }

    /// The learner's folder name.
    public let learner: String
    public let exercises: [ExerciseGrade]
    /// Problems with the submission as a whole, such as "chapter 2 did not compile".
    public let problems: [String]
    /// Compiler messages of chapters that did not compile, by chapter number.
    public let compilerMessages: [Int: String]
    /// Entries of the submission that grading did not take in, with why (see ``SubmittedFiles``).
    public var skippedFiles: [String] = []
    /// Why grading itself failed for this learner (the compiler ran out of memory), so that
    /// the result says nothing about the learner's work: `nil` when it did not. Such a result
    /// is kept in the gradebook but graded again by the next run.
    public var graderError: String?
    /// How the submission's build and checks were shut in.
    public var isolation = Isolation.none
    /// Seconds spent building the submission, and running its checks.
    public var buildSeconds = 0.0
    public var checkSeconds = 0.0

    public init(learner: String, exercises: [ExerciseGrade], problems: [String], compilerMessages: [Int: String]) {
        self.learner = learner
        self.exercises = exercises
        self.problems = problems
        self.compilerMessages = compilerMessages
    }

    public var score: Int { exercises.reduce(0) { $0 + $1.points } }
    public var maxScore: Int { exercises.reduce(0) { $0 + $1.maxPoints } }

    /// "ok", or the problems and the exercises that crashed or timed out.
    public var status: String {
        let incidents = exercises.filter { $0.status == .crashed || $0.status == .timedOut }
            .map { "\($0.id) \($0.status.rawValue)" }
        let all = graderError.map { ["grader error: \($0)"] } ?? problems + incidents
        return all.isEmpty ? "ok" : all.joined(separator: "; ")
    }
}
