// Exercise 4.4: one epoch of shuffled mini-batch SGD.

import Datasets
import WorkbookCore

// listing: train-epoch-stub
/// Shuffles `examples` with `generator`, then, for each full batch of `x.rows`
/// examples, fills `x` and `t` (Exercise 4.1) and calls `step`. Examples that
/// do not fill a last batch sit this epoch out. Returns the mean batch loss.
public func trainEpoch(_ network: inout Network, examples: [Int], of split: MNIST.Split,
                       x: inout Matrix, t: inout Matrix, using generator: inout SplitMix64,
                       step: (inout Network, Matrix, Matrix) -> Double) -> Double {
    // TODO(4.4): Shuffle a copy of examples with the generator, then fill and step batch by batch.
    // Then delete the next line.
    return notStarted("4.4", returning: 0)
}
// end listing
