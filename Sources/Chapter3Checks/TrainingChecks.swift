import Chapter2Checks
import WorkbookCore

/// A training step, as Chapter 3 defines it.
public typealias TrainingStep = (inout Network, Matrix, Matrix, Double, NetworkFunctions) -> Double
/// A training loop, as Chapter 3 defines it.
public typealias TrainingLoop = (inout Network, Matrix, Matrix, Int, Double, NetworkFunctions) -> [Double]

/// Exercise 3.2: one step computes the loss, calls backprop and step once each,
/// and returns the loss from before the step. It trains with the reference
/// network, so Chapter 2 cannot affect it.
public func checkTrainingStep(_ trainingStep: TrainingStep, using generator: inout SplitMix64) -> Verdict {
    let problems = [(3, 4), (1, 1), (generator.integer(in: 1 ... 6), generator.integer(in: 1 ... 5))].map { hidden, batch in
        Problem(inputs: 2, hidden: hidden, outputs: 1, batch: batch, using: &generator)
    }
    return checkEach(problems, describe: \.description, batchSize: \.x.columns, using: &generator) { problem, generator in
        let eta = generator.uniform(0.1, 3)
        let reference = ReferenceNetwork.functions
        let gradients = reference.backprop(problem.network, problem.x, problem.t)
        var expected = problem.network
        reference.step(&expected, gradients, eta)
        // Learner code: the loss it returned, the network after, and how often it called backprop and step.
        let step = learnerCode { () -> Pair<Pair<Double, Network>, [Int]> in
            let counter = CallCounter()
            var network = problem.network
            let returned = trainingStep(&network, problem.x, problem.t, eta, counter.wrapping(reference))
            return Pair(Pair(returned, network), [counter["backprop"], counter["step"]])
        }
        let (returned, network) = (step.first.first, step.first.second)
        let context = "trainingStep with η = \(formatNumber(eta))"
        for (name, calls) in zip(["backprop", "step"], step.second + [0, 0]) where calls != 1 {
            return [.failed("\(context) called \(name) \(calls) times; one step calls it once")]
        }
        let before = reference.loss(problem.network, problem.x, problem.t)
        let after = reference.loss(expected, problem.x, problem.t)
        let quantities = Environment(
            quantities: ["the loss before the step": Matrix(rows: 1, columns: 1, repeating: before),
                         "the loss after the step": Matrix(rows: 1, columns: 1, repeating: after),
                         "W¹": problem.network.W1, "∂L/∂W¹": gradients.dW1],
            sizes: ["η": (eta, "the learning rate"), "m": (Double(problem.x.columns), "the number of examples")])
        let loss = ScalarComparison(subject: context, got: returned, expected: before,
                                    computation: Computation(.quantity("the loss before the step"), in: quantities),
                                    name: "the loss returned")
        let weights = GradientCheck.compareValues(
            name: "W1 after the step", got: network.W1, expected: expected.W1,
            computation: Computation(.difference(.quantity("W¹"), .scaled(.size("η"), .quantity("∂L/∂W¹"))), in: quantities))
        return [loss.verdict, .from(weights, context: context)]
    }
}

/// Exercise 3.3: the loop records one loss per epoch, each the loss before that
/// epoch's step, and with the documented configuration it learns XOR for
/// seeds 1, 2 and 3.
public func checkTrainingLoop(_ train: TrainingLoop, using generator: inout SplitMix64) -> Verdict {
    let reference = ReferenceNetwork.functions
    let problem = Problem(inputs: 2, hidden: 3, outputs: 1, batch: 4, using: &generator)
    let epochs = generator.integer(in: 3 ... 7)
    let eta = 1.5
    let run = learnerCode { () -> Pair<[Double], Network> in
        var network = problem.network
        let history = train(&network, problem.x, problem.t, epochs, eta, reference)
        return Pair(history, network)
    }
    let (history, trained) = (run.first, run.second)
    guard history.count == epochs else {
        return .failed("train(epochs: \(epochs)) returned \(history.count) losses; it must return one per epoch")
    }
    if history.count > 1, history.allSatisfy({ $0 == history[0] }) {
        let cause = trained == problem.network
            ? "every epoch starts from the same network: each trainingStep must update the network passed in "
                + "(inout), not a copy of it, with the learning rate passed in (not 0)"
            : "the network was trained, but the loss was not taken again in each epoch: record the loss that each "
                + "epoch's trainingStep returns"
        return .failed("train(epochs: \(epochs)) recorded the same loss, \(formatNumber(history[0])), for every epoch\n"
            + "  likely cause: " + cause)
    }
    /// The losses before each of `steps` reference steps with learning rate `rate`, and the one after the last.
    func losses(rate: Double, steps: Int) -> [Double] {
        var replay = problem.network
        return (0 ... steps).map { step in
            let loss = reference.loss(replay, problem.x, problem.t)
            if step < steps { reference.step(&replay, reference.backprop(replay, problem.x, problem.t), rate) }
            return loss
        }
    }
    let expected = losses(rate: eta, steps: epochs)
    for (epoch, loss) in history.enumerated() {
        let comparison = ScalarComparison(subject: "the loss recorded for epoch \(epoch)", got: loss, expected: expected[epoch])
        if !comparison.agrees {
            return .failed(comparison.verdict.text + historyCause(history, expected: expected, eta: eta, replay: losses(rate:steps:)))
        }
    }
    // The history is right, so the steps were taken: the network passed in must be where they lead.
    if trained == problem.network {
        return .failed("train(epochs: \(epochs)) recorded the right losses, but the network passed in is unchanged "
            + "afterwards\n  likely cause: the steps were taken on a copy (var network = network) that is never written "
            + "back: step the inout network itself")
    }
    var parts: [Verdict] = [.passed("train(epochs: \(epochs)) records the loss before each of its \(epochs) steps")]
    // The documented configuration fails on a few seeds in a thousand (Chapter 3 says why), so
    // the convergence test uses the documented seeds 1, 2 and 3, on which it converges.
    var configuration = XorConfiguration()
    for seed: UInt64 in [1, 2, 3] {
        configuration.seed = seed
        let initial = configuration.initialNetwork()
        let trained = learnerCode { () -> Pair<[Double], Network> in
            var xor = initial
            let losses = train(&xor, XorPoints.inputs, XorPoints.targets, configuration.epochs,
                               configuration.learningRate, reference)
            return Pair(losses, xor)
        }
        let (losses, xor) = (trained.first, trained.second)
        let outputs = reference.predict(xor, XorPoints.inputs)
        let correct = zip(outputs.elements, XorPoints.targets.elements).filter { ($0 >= 0.5) == ($1 == 1) }.count
        let context = "training the documented 2-4-1 network on XOR (seed \(configuration.seed), "
            + "η = \(formatNumber(configuration.learningRate)), \(configuration.epochs) epochs)"
        guard let first = losses.first, let last = losses.last, last < first / 2, correct == 4 else {
            return .failed("\(context): the loss went from \(formatNumber(losses.first ?? .nan)) to "
                + "\(formatNumber(losses.last ?? .nan)) and \(correct) of 4 points are classified correctly")
        }
        parts.append(.passed("\(context): loss \(formatNumber(first)) → \(formatNumber(last)), 4 of 4 correct"))
    }
    return Verdict.all(parts)
}

/// Why a history of losses differs from the reference's, when a replay of reference steps explains
/// it: the loss after each step instead of before, two steps an epoch, or steps with a fixed learning
/// rate other than the one passed in (found by replaying with the rate that gives the second loss).
private func historyCause(_ history: [Double], expected: [Double], eta: Double,
                          replay losses: (Double, Int) -> [Double]) -> String {
    func fits(_ losses: [Double]) -> Bool {
        zip(history, losses).allSatisfy { ScalarComparison(subject: "", got: $0, expected: $1).agrees }
    }
    if fits(Array(expected.dropFirst())) {
        return "\n  likely cause: element i of the history must be the loss before step i, not after it"
    }
    if fits(losses(eta, 2 * history.count).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)) {
        return "\n  likely cause: these are the losses of two steps an epoch: one trainingStep per epoch"
    }
    func replay(_ rate: Double) -> [Double] { losses(rate, history.count) }
    guard history.count > 1 else { return "" }
    // The second loss as a function of the rate, scanned for where it crosses the history's, then bisected.
    let target = history[1]
    let grid = (0 ... 400).map { Double($0) / 40 }
    let gaps = grid.map { replay($0)[1] - target }
    var rates = [Double]()
    for index in gaps.indices.dropLast() where (gaps[index] < 0) != (gaps[index + 1] < 0) {
        var (low, high) = (grid[index], grid[index + 1])
        for _ in 0 ..< 60 {
            let middle = (low + high) / 2
            if (replay(middle)[1] - target < 0) == (gaps[index] < 0) { low = middle } else { high = middle }
        }
        let rate = (low + high) / 2
        if abs(rate - eta) > 1e-6, !rates.contains(where: { abs($0 - rate) <= 1e-9 * max(1, rate) }), fits(replay(rate)) {
            rates.append(rate)
        }
    }
    guard rates.count == 1 else { return "" }
    return "\n  likely cause: these are the losses of steps with learning rate \(formatNumber(rates[0])), not the "
        + "\(formatNumber(eta)) passed in: hand learningRate on to each trainingStep"
}

extension Verdict {
    /// The verdict's text, whether it passed or failed.
    var text: String {
        switch self {
        case .passed(let text), .failed(let text, _): text
        }
    }
}
