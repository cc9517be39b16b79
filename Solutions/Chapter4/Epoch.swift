// Exercise 4.4: one epoch of shuffled mini-batch SGD.

import Datasets
import WorkbookCore

// listing: train-epoch
/// Shuffles `examples` with `generator`, then, for each full batch of `x.rows`
/// examples, fills `x` and `t` (Exercise 4.1) and calls `step`. Examples that
/// do not fill a last batch sit this epoch out. Returns the mean batch loss.
public func trainEpoch(_ network: inout Network, examples: [Int], of split: MNIST.Split,
                       x: inout Matrix, t: inout Matrix, using generator: inout SplitMix64,
                       step: (inout Network, Matrix, Matrix) -> Double) -> Double {
    let batchSize = x.rows
    var order = examples
    order.shuffle(using: &generator)
    var totalLoss = 0.0
    var batches = 0
    for start in stride(from: 0, through: order.count - batchSize, by: batchSize) {
        fillBatch(x: &x, t: &t, from: split, examples: order[start ..< start + batchSize])
        totalLoss += step(&network, x, t)
        batches += 1
    }
    return totalLoss / Double(max(batches, 1))
}
// end listing
