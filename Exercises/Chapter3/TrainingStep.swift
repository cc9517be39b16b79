// Exercise 3.2: one step of training on the whole batch.

import WorkbookCore

// listing: training-step-stub
/// Computes the loss and the gradients of `network` on the batch, takes one
/// gradient-descent step, and returns the loss *before* the step.
public func trainingStep(_ network: inout Network, inputs x: Matrix, targets t: Matrix, learningRate eta: Double,
                         using functions: NetworkFunctions) -> Double {
    // TODO(3.2): Take one step with `functions`, and return the loss from before it. Then delete the next line.
    notStarted("3.2", returning: 0)
}
// end listing
