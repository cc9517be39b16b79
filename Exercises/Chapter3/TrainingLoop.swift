// Exercise 3.3: the training loop.

import WorkbookCore

// listing: train-stub
/// Trains `network` for `epochs` steps on the whole batch and returns the loss
/// history: element i is the loss before step i.
public func train(_ network: inout Network, inputs x: Matrix, targets t: Matrix, epochs: Int,
                  learningRate eta: Double, using functions: NetworkFunctions) -> [Double] {
    // TODO(3.3): Train for `epochs` steps and return the loss history. Then delete the next line.
    notStarted("3.3", returning: [])
}
// end listing
