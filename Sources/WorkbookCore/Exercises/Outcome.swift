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

    public init(_ status: Status, _ message: String) {
        self.status = status
        self.message = message
    }
}

extension Exercise {
    /// Runs the check in this process with a generator seeded from `seed` and
    /// this exercise's id, and classifies the result.
    ///
    /// The exercise is *not started* when its own stub was reached. When the
    /// check fails after reaching another exercise's stub, the message says so,
    /// since the failure may come from there.
    public func evaluate(seed: UInt64) -> Outcome {
        StubLog.shared.reset()
        var generator = SplitMix64(seed: seed ^ stableHash(id))
        let verdict = check(&generator)
        let reached = StubLog.shared.exercises
        if reached.contains(id) {
            return Outcome(.notStarted, "Exercise \(id) not started — \(whereToEdit) (a notStarted(\"\(id)\") call still runs)")
        }
        switch verdict {
        case .passed(let text):
            return Outcome(.passed, text)
        case .failed(let text):
            let others = reached.sorted()
            guard !others.isEmpty else { return Outcome(.failed, text) }
            return Outcome(.failed, text + "\nnote: this check ran the stub of exercise "
                + others.joined(separator: ", ") + ", which is not started yet")
        }
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
