// Exercise 3.3: the training loop.

import WorkbookCore

// listing: train
/// Trains `network` for `epochs` steps on the whole batch and returns the loss
/// history: element i is the loss before step i.
public func train(_ network: inout Network, inputs x: Matrix, targets t: Matrix, epochs: Int,
                  learningRate eta: Double, using functions: NetworkFunctions) -> [Double] {
    var history = [Double]()
    history.reserveCapacity(epochs)
    for _ in 0 ..< epochs {
        history.append(trainingStep(&network, inputs: x, targets: t, learningRate: eta, using: functions))
    }
    return history
}
// end listing
