/// The result of running one exercise's check, as every front end reports it.
public struct Outcome: Codable, Sendable, Equatable {
    /// How an exercise stands.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case passed
        case failed
        case notStarted = "not started"
        case crashed
        case timedOut = "timed out"
    }

    public let status: Status
    /// What was checked (when passed) or what is wrong (otherwise).
    public let message: String
    /// The causes of a failure the diagnosis named, as data (their words are in `message`).
    public var causes: [Cause] = []
    /// The function of the exercise whose result was wrong, when the check said which
    /// (a symbol as in ``Exercise/symbol``, such as `accuracy(of:targets:)`).
    public var judged: String?
    /// Where in the learner's files a crash happened, when the backtracer said.
    public var site: SourceSite?

    public init(_ status: Status, _ message: String, causes: [Cause] = [], judged: String? = nil,
                site: SourceSite? = nil) {
        self.status = status
        self.message = message
        self.causes = causes
        self.judged = judged
        self.site = site
    }
}

extension Exercise {
    /// Runs the check in this process, learner code and judgement together, with a
    /// generator seeded from `seed` and this exercise's id, and classifies the result.
    /// For code that cannot misbehave (the reference solutions, in `workbook sweep`
    /// and the maintainers' tests); learner code goes through ``call(seed:)`` and
    /// ``judge(_:seed:)`` in two processes.
    ///
    /// The exercise is *not started* when its own stub was reached. When the
    /// check fails after reaching another exercise's stub, the message says so,
    /// since the failure may come from there.
    public func evaluate(seed: UInt64) -> Outcome {
        var generator = generator(seed: seed)
        let ((verdict, stubs), causes) = FoundCauses.collecting { withStubsReached { check(&generator) } }
        return classify(verdict, stubsReached: stubs, causes: causes)
    }

    /// The caller's half, in the process that holds learner code: runs the check,
    /// recording what learner code returned, and reports that (not a verdict).
    public func call(seed: UInt64) -> CallReport {
        let calls = LearnerCalls.calling()
        var generator = generator(seed: seed)
        let (_, stubs) = withStubsReached { LearnerCalls.$current.withValue(calls) { check(&generator) } }
        return CallReport(results: calls.recorded, stubsReached: stubs.sorted())
    }

    /// The judge's half, in a process that runs no learner code: the same check,
    /// from the same seed, on the results the caller recorded.
    public func judge(_ report: CallReport, seed: UInt64) -> Outcome {
        let calls = LearnerCalls.judging(report.results)
        var generator = generator(seed: seed)
        let (verdict, causes) = FoundCauses.collecting { LearnerCalls.$current.withValue(calls) { check(&generator) } }
        if let fault = calls.fault, !report.stubsReached.contains(id) {
            return Outcome(.crashed, "the check process sent results that do not fit the check: \(fault)")
        }
        return classify(verdict, stubsReached: Set(report.stubsReached), causes: causes)
    }

    private func generator(seed: UInt64) -> SplitMix64 { SplitMix64(seed: seed ^ stableHash(id)) }

    private func classify(_ verdict: Verdict, stubsReached reached: Set<String>, causes: [Cause]) -> Outcome {
        if reached.contains(id) {
            return Outcome(.notStarted, "Exercise \(id) not started — \(whereToEdit) (a notStarted(\"\(id)\") call still runs)")
        }
        switch verdict {
        case .passed(let text):
            return Outcome(.passed, text)
        case .failed(let text, let judged):
            let others = reached.sorted()
            guard !others.isEmpty else { return Outcome(.failed, text, causes: causes, judged: judged) }
            return Outcome(.failed, text + "\nnote: this check ran the stub of exercise "
                + others.joined(separator: ", ") + ", which is not started yet", causes: causes, judged: judged)
        }
    }
}

/// What the caller's half of a check sends the judge: the results of learner code,
/// and the exercises whose stubs it reached.
public struct CallReport: Codable, Sendable, Equatable {
    public var results: [String]
    public var stubsReached: [String]

    public init(results: [String], stubsReached: [String]) {
        self.results = results
        self.stubsReached = stubsReached
    }
}

/// A hash of `text` that is the same on every run and platform (FNV-1a),
/// unlike `Hasher`, which is seeded per process.
func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
    }
    return hash
}
