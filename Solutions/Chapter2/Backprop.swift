// Backpropagation, assembled from Exercises 2.1 to 2.5.

import WorkbookCore

// listing: backprop
/// The gradients of the quadratic loss averaged over the batch (x, t), with
/// one example per column of x and of t.
public func backprop(_ network: Network, _ x: Matrix, _ t: Matrix) -> Gradients {
    let pass = forward(network, x)
    let delta2 = outputDelta(pass, t)
    let delta1 = hiddenDelta(delta2, network, pass)
    return parameterGradients(delta1: delta1, delta2: delta2, x: x, pass: pass)
}
// end listing
