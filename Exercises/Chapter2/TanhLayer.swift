// Exercise 2.7: a hidden layer of tanh units instead of sigmoids.

import WorkbookCore

// listing: tanh-delta-stub
/// δ¹ (hidden×batch) of a network whose hidden layer is a¹ = tanh(z¹), entry by entry;
/// its output layer is still ŷ = σ(z²) and its loss still ½‖ŷ − t‖² per example.
/// Column j is the gradient of example j's loss with respect to its z¹, given δ²
/// (outputs×batch), the network and the forward pass (whose a¹ holds tanh(z¹)).
public func tanhHiddenDelta(_ delta2: Matrix, _ network: Network, _ pass: ForwardPass) -> Matrix {
    // TODO(2.7): Compute δ¹ for the tanh layer. Then delete the next line.
    notStarted("2.7", returning: pass.z1.map { _ in 0 })
}
// end listing
