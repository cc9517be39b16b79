// Exercise 4.7: L2 weight decay, added to the loss and to its gradient.

import WorkbookCore

// listing: weight-decay-stub
/// The L2 penalty (λ/2n) Σ w² of `network`: the sum runs over every weight of both
/// layers (W¹ and W², not the biases), n is the number of training examples.
public func weightDecayPenalty(_ network: Network, lambda: Double, trainingSetSize n: Int) -> Double {
    // TODO(4.7): Compute the penalty. Then delete the next line.
    notStarted("4.7", returning: 0)
}

/// Adds to `gradients` (the gradients of the unpenalised loss) the gradient of the
/// penalty above, so that they become the gradients of loss + penalty.
public func addWeightDecay(to gradients: inout Gradients, _ network: Network, lambda: Double,
                           trainingSetSize n: Int) {
    // TODO(4.7): Add the penalty's gradient, parameter by parameter. Then delete the next line.
    notStarted("4.7")
}
// end listing
