// Exercise 3.2: one step of training on the whole batch.

import WorkbookCore

// listing: training-step
/// Computes the loss and the gradients of `network` on the batch, takes one
/// gradient-descent step, and returns the loss *before* the step.
public func trainingStep(_ network: inout Network, inputs x: Matrix, targets t: Matrix, learningRate eta: Double,
                         using functions: NetworkFunctions) -> Double {
    let loss = functions.loss(network, x, t)
    let gradients = functions.backprop(network, x, t)
    functions.step(&network, gradients, eta)
    return loss
}
// end listing
