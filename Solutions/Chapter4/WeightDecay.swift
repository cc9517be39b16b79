// Exercise 4.7: L2 weight decay, added to the loss and to its gradient.

import WorkbookCore

/// (λ/2n) Σ w² over W¹ and W².
public func weightDecayPenalty(_ network: Network, lambda: Double, trainingSetSize n: Int) -> Double {
    let squares = (network.W1.elements + network.W2.elements).reduce(0) { $0 + $1 * $1 }
    return lambda / (2 * Double(n)) * squares
}

/// ∂/∂w of (λ/2n) Σ w² is (λ/n) w; the biases are not penalised.
public func addWeightDecay(to gradients: inout Gradients, _ network: Network, lambda: Double,
                           trainingSetSize n: Int) {
    let rate = lambda / Double(n)
    gradients.dW1 = gradients.dW1 + rate * network.W1
    gradients.dW2 = gradients.dW2 + rate * network.W2
}
