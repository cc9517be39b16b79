// Exercise 2.6: one step of gradient descent.

import WorkbookCore

// listing: gradient-descent-stub
/// One step of gradient descent, with learning rate η, on every parameter of `network`.
public func gradientDescentStep(_ network: inout Network, _ gradients: Gradients, learningRate eta: Double) {
    // TODO(2.6): Update W1, b1, W2 and b2. Then delete the next line.
    notStarted("2.6")
}
// end listing
