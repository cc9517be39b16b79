// Exercise 2.6: one step of gradient descent.

import WorkbookCore

// listing: gradient-descent
/// Moves every parameter against its gradient: W ← W − η ∂L/∂W.
public func gradientDescentStep(_ network: inout Network, _ gradients: Gradients, learningRate eta: Double) {
    network.W1 = network.W1 - eta * gradients.dW1
    network.b1 = network.b1 - eta * gradients.dB1
    network.W2 = network.W2 - eta * gradients.dW2
    network.b2 = network.b2 - eta * gradients.dB2
}
// end listing
