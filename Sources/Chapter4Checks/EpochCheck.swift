import Chapter4
import Datasets
import WorkbookCore

/// The learner's `trainEpoch`, as a function the check can call.
public typealias EpochTrainer = (inout Network, [Int], MNIST.Split, inout Matrix, inout Matrix, inout SplitMix64,
                                 (inout Network, Matrix, Matrix) -> Double) -> Double

/// Exercise 4.4: every full batch is filled and stepped once, each example at most
/// once, in an order that comes from the generator (and moves on with it from one
/// epoch to the next); the result is the mean loss; and training with it converges
/// (``checkConvergence(_:using:)``, skipped when `convergence` is false).
public func checkTrainEpoch(_ trainEpoch: EpochTrainer, using generator: inout SplitMix64,
                            convergence: Bool = true) -> Verdict {
    // A batch size that leaves examples over, and one that divides them exactly,
    // in a random order, so that skipping the last full batch shows too.
    var layouts = [(count: 23, batchSize: 5), (count: 21, batchSize: 4)]  // 22 and 20 examples used.
    layouts.shuffle(using: &generator)
    var parts = [Verdict]()
    for layout in layouts {
        parts.append(checkEpochStructure(trainEpoch, count: layout.count, batchSize: layout.batchSize,
                                         using: &generator))
        if case .failed = parts.last! { return parts.last! }
    }
    if convergence { parts.append(checkConvergence(trainEpoch, using: &generator)) }
    return Verdict.all(parts)
}

private func checkEpochStructure(_ trainEpoch: EpochTrainer, count: Int, batchSize: Int,
                                 using generator: inout SplitMix64) -> Verdict {
    // Example i's first pixel is i, so a batch row says which example it holds.
    var split = fakeSplit(count: count, using: &generator)
    var pixels = split.pixels
    for example in 0 ..< count { pixels[example * split.imageSize] = UInt8(example) }
    split = MNIST.Split(pixels: pixels, labels: split.labels, rows: split.rows, columns: split.columns)
    let initial = Network(inputs: split.imageSize, hidden: 2, outputs: 10, using: &generator)
    let examples = Array(0 ..< count).filter { $0 != 7 }  // An example left out of the epoch must stay out.
    let seed = generator.next()
    // Learner code: four epochs, each as the batches it stepped and the loss it returned.
    let runs = learnerCode { () -> [EpochRun] in
        var network = initial
        func run(_ seeded: inout SplitMix64) -> EpochRun {
            var x = Matrix(rows: batchSize, columns: split.imageSize), t = Matrix(rows: batchSize, columns: 10)
            var order = [Int]()
            var batches = 0
            let loss = trainEpoch(&network, examples, split, &x, &t, &seeded) { _, x, _ in
                batches += 1
                order += (0 ..< x.rows).map { Int((x[$0, 0] * 255).rounded()) }
                return Double(batches)  // Batch losses 1, 2, 3, …: their mean is known.
            }
            return EpochRun(order: order, batches: batches, loss: loss)
        }
        var seeded = SplitMix64(seed: seed), same = SplitMix64(seed: seed), other = SplitMix64(seed: seed &+ 1)
        // The last: the same generator, one epoch on. It must have moved.
        return [run(&seeded), run(&same), run(&other), run(&seeded)]
    }
    guard runs.count == 4 else { return .failed("the check process sent \(runs.count) epochs; the check ran 4") }
    let (first, again, another, nextEpoch) = (runs[0], runs[1], runs[2], runs[3])
    let fullBatches = examples.count / batchSize
    let leftOver = examples.count % batchSize
    let context = "trainEpoch on \(examples.count) examples in batches of \(batchSize)"
    guard first.batches == fullBatches else {
        var text = "\(context) called step \(first.batches) times; there are \(fullBatches) full batches "
            + (leftOver == 0 ? "(they divide the examples exactly)" : "(the \(counted(leftOver, "example")) left over \(leftOver == 1 ? "sits" : "sit") the epoch out)")
        if first.batches == fullBatches - 1 && leftOver == 0 {
            text += "\n  likely cause: the loop stops one batch early when the batch size divides the examples: "
                + "a batch may start at index examples.count − batchSize"
        } else if first.batches == fullBatches + 1 {
            text += "\n  likely cause: a last, partial batch was stepped; only full batches are"
        }
        return .failed(text)
    }
    guard Set(first.order).count == first.order.count, Set(first.order).isSubset(of: examples) else {
        return .failed("\(context) used the examples \(first.order): each of \(examples) may appear once at most")
    }
    guard first.order != Array(examples.prefix(first.order.count)) else {
        return .failed("\(context) used the examples in their original order\n"
            + "  likely cause: shuffle them first, with the generator: order.shuffle(using: &generator)")
    }
    guard first.order == again.order, first.order != another.order else {
        return .failed("\(context) gave a different order for the same seed, or the same order for another seed\n"
            + "  likely cause: shuffle with the generator passed in, not the system's random numbers")
    }
    guard nextEpoch.order != first.order else {
        return .failed("\(context), called twice with the same generator, used the same order both times\n"
            + "  likely cause: the shuffle used a copy of the generator (var g = generator), so it never moves on: "
            + "shuffle with the inout generator itself, so that every epoch gets a new order")
    }
    let expectedLoss = Double(fullBatches + 1) / 2
    let total = Double(fullBatches * (fullBatches + 1) / 2)
    let loss = ScalarComparison(subject: "trainEpoch(…) on \(examples.count) examples in batches of \(batchSize)",
                                got: first.loss, expected: expectedLoss,
                                mistakes: [
                                    .init(total, "this is the total of the batch losses; return their mean"),
                                    .init(total / Double(examples.count), "this divides the total by the number "
                                        + "of examples (\(examples.count)); the mean is over the \(fullBatches) batches"),
                                    .init(Double(fullBatches), "this is the last batch's loss; return the mean of all"),
                                ])
    guard loss.agrees else { return loss.verdict }
    return Verdict.all([.passed("\(context): \(fullBatches) shuffled batches, each example once"), loss.verdict])
}

/// One epoch as the check sees it: the examples of each batch stepped, in order, and the loss returned.
struct EpochRun: Recordable {
    var order: [Int]
    var batches: Int
    var loss: Double

    static var placeholder: EpochRun { EpochRun(order: [], batches: 0, loss: 0) }
}
