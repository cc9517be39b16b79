import WorkbookCore

/// A random network with a random batch: the material of every Chapter 2 check.
public struct Problem: Sendable {
    public let network: Network
    /// The inputs, one example per column.
    public let x: Matrix
    /// The targets, one example per column.
    public let t: Matrix

    /// "a 3-5-2 network with a batch of 4", for messages.
    public var description: String {
        let (inputs, hidden, outputs) = network.sizes
        return "a \(inputs)-\(hidden)-\(outputs) network with a batch of \(x.columns)"
    }

    public init(inputs: Int, hidden: Int, outputs: Int, batch: Int, using generator: inout SplitMix64) {
        network = Network(inputs: inputs, hidden: hidden, outputs: outputs, using: &generator)
        x = Matrix(rows: inputs, columns: batch, uniformIn: -2, 2, using: &generator)
        t = Matrix(rows: outputs, columns: batch, uniformIn: 0, 1, using: &generator)
    }

    /// A network whose units saturate: hidden pre-activations far beyond ±710, where eᶻ
    /// overflows, and outputs z² beyond ±40, where σ(z²) rounds to exactly 0 or 1.
    static func saturated(using generator: inout SplitMix64) -> Problem {
        let base = Problem(inputs: 2, hidden: 3, outputs: 2, batch: 3, using: &generator)
        // b² of ±60 puts z² near +60 for the first output and −60 for the second, whatever W²a¹ adds (at most ±3).
        let network = Network(W1: 600 * base.network.W1, b1: 600 * base.network.b1,
                              W2: base.network.W2, b2: Matrix([[60], [-60]]))
        return Problem(network: network, x: base.x, t: base.t)
    }

    init(network: Network, x: Matrix, t: Matrix) {
        self.network = network
        self.x = x
        self.t = t
    }

    /// The shapes every check covers: non-square layers whose batch size is none of
    /// the layer sizes (so that no product of the wrong matrices runs, and dividing
    /// by the wrong count gives another number), a single hidden unit with a batch
    /// of one, square layers (where a transposed matrix still runs), and one drawn
    /// at random.
    public static func all(using generator: inout SplitMix64) -> [Problem] {
        [Problem(inputs: 3, hidden: 5, outputs: 2, batch: 7, using: &generator),
         Problem(inputs: 2, hidden: 1, outputs: 3, batch: 1, using: &generator),
         Problem(inputs: 4, hidden: 4, outputs: 4, batch: 3, using: &generator),
         Problem(inputs: generator.integer(in: 1 ... 6), hidden: generator.integer(in: 1 ... 6),
                 outputs: generator.integer(in: 1 ... 4), batch: generator.integer(in: 2 ... 6), using: &generator),
         saturated(using: &generator)]
    }
}

/// Runs `check` on every problem and stops at the first failure, prefixing each
/// verdict with the problem it was about.
func checkEveryProblem(using generator: inout SplitMix64,
                       _ check: (Problem, inout SplitMix64) -> [Verdict]) -> Verdict {
    checkEach(Problem.all(using: &generator), describe: \.description, batchSize: \.x.columns, using: &generator, check)
}

/// Runs `check` on each of `problems`, prefixing each verdict with `describe` of
/// the problem it was about. A failure is reported for the first problem that
/// fails, with the problems that passed, and with a likely cause from another
/// failing problem when the first has none. When it fails on every batch but
/// batches of one, and no cause is known, that pattern is the cause.
public func checkEach<P>(_ problems: [P], describe: (P) -> String, batchSize: ((P) -> Int)? = nil,
                         using generator: inout SplitMix64,
                         _ check: (P, inout SplitMix64) -> [Verdict]) -> Verdict {
    var parts = [Verdict]()
    var failures = [(problem: P, text: String, judged: String?)]()
    var passed = [P]()
    let (_, log, ownsLog) = DiagnosisLog.collecting { () -> Void in
    for problem in problems {
        let verdicts = check(problem, &generator)
        if let failure = verdicts.lazy.compactMap({ verdict -> (String, String?)? in
            if case .failed(let text, let judged) = verdict { return (text, judged) }
            return nil
        }).first {
            failures.append((problem, failure.0, failure.1))
            continue
        }
        passed.append(problem)
        for case .passed(let text) in verdicts { parts.append(.passed("\(describe(problem)): \(text)")) }
    }
    }
    guard let first = failures.first else { return Verdict.all(parts) }
    var text = "For \(describe(first.problem)):\n\(first.text)"
    let cause = "likely cause: "
    let found = ownsLog ? log.causeText() : nil
    if let found { text += "\n" + found }
    if found == nil && !first.text.contains(cause) {
        if let other = failures.dropFirst().first(where: { $0.text.contains(cause) }),
           let line = other.text.split(separator: "\n").first(where: { $0.contains(cause) }) {
            text += "\n  " + line.trimmingCharacters(in: .whitespaces).replacingOccurrences(
                of: cause, with: "\(cause)(seen for \(describe(other.problem))) ")
        } else if let batchSize, !passed.isEmpty, passed.allSatisfy({ batchSize($0) == 1 }),
                  failures.allSatisfy({ batchSize($0.problem) > 1 }) {
            text += "\n  likely cause: it is right for a batch of one example and wrong for every larger batch: "
                + "is every example (not only the first) computed?"
        }
    }
    if !passed.isEmpty {
        text += "\n  (right for \(passed.map(describe).joined(separator: "; ")))"
    }
    return .failed(text, judged: first.judged)
}
