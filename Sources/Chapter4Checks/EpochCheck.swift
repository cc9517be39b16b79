import Chapter4
import Datasets
import WorkbookCore

/// The learner's `trainEpoch`, as a function the check can call.
public typealias EpochTrainer = (inout Network, [Int], MNIST.Split, inout Matrix, inout Matrix, inout SplitMix64,
                                 (inout Network, Matrix, Matrix) -> Double) -> Double

/// Exercise 4.4: every full batch is filled and stepped once, each example at most
/// once, in an order that comes from the generator; the result is the mean loss;
/// and training with it converges (``checkConvergence(_:using:)``).
public func checkTrainEpoch(_ trainEpoch: EpochTrainer, using generator: inout SplitMix64) -> Verdict {
    // Example i's first pixel is i, so a batch row says which example it holds.
    let count = 23, batchSize = 5
    var split = fakeSplit(count: count, using: &generator)
    var pixels = split.pixels
    for example in 0 ..< count { pixels[example * split.imageSize] = UInt8(example) }
    split = MNIST.Split(pixels: pixels, labels: split.labels, rows: split.rows, columns: split.columns)
    var network = Network(inputs: split.imageSize, hidden: 2, outputs: 10, using: &generator)
    let examples = Array(0 ..< count).filter { $0 != 7 }  // An example left out of the epoch must stay out.

    func run(seed: UInt64) -> (order: [Int], batches: Int, loss: Double) {
        var x = Matrix(rows: batchSize, columns: split.imageSize), t = Matrix(rows: batchSize, columns: 10)
        var seeded = SplitMix64(seed: seed)
        var order = [Int]()
        var batches = 0
        let loss = trainEpoch(&network, examples, split, &x, &t, &seeded) { _, x, _ in
            batches += 1
            order += (0 ..< x.rows).map { Int((x[$0, 0] * 255).rounded()) }
            return Double(batches)  // Batch losses 1, 2, 3, …: their mean is known.
        }
        return (order, batches, loss)
    }
    let seed = generator.next()
    let first = run(seed: seed), again = run(seed: seed), other = run(seed: seed &+ 1)
    let fullBatches = examples.count / batchSize
    let context = "trainEpoch on \(examples.count) examples in batches of \(batchSize)"
    guard first.batches == fullBatches else {
        return .failed("\(context) called step \(first.batches) times; there are \(fullBatches) full batches "
            + "(the \(examples.count % batchSize) examples left over sit the epoch out)")
    }
    guard Set(first.order).count == first.order.count, Set(first.order).isSubset(of: examples) else {
        return .failed("\(context) used the examples \(first.order): each of \(examples) may appear once at most")
    }
    guard first.order != Array(examples.prefix(first.order.count)) else {
        return .failed("\(context) used the examples in their original order\n"
            + "  likely cause: shuffle them first, with the generator: order.shuffle(using: &generator)")
    }
    guard first.order == again.order, first.order != other.order else {
        return .failed("\(context) gave a different order for the same seed, or the same order for another seed\n"
            + "  likely cause: shuffle with the generator passed in, not the system's random numbers")
    }
    let expectedLoss = Double(fullBatches + 1) / 2
    let loss = ScalarComparison(subject: "\(context): the returned loss", got: first.loss, expected: expectedLoss,
                                mistakes: [.init(Double(fullBatches * (fullBatches + 1) / 2),
                                                 "this is the total of the batch losses; return their mean")])
    guard loss.agrees else { return loss.verdict }
    return Verdict.all([.passed("\(context): \(fullBatches) shuffled batches, each example once"), loss.verdict,
                        checkConvergence(trainEpoch, using: &generator)])
}
