// One step of mini-batch SGD, assembled from Exercises 4.2, 4.3 and 4.6.

import WorkbookCore

// listing: sgd-step
/// Forward, loss and δ², backward, then W ← W − η∂L/∂W for every parameter;
/// returns the batch's mean loss before the step. Allocates nothing.
public func sgdStep(_ network: inout Network, _ x: Matrix, _ t: Matrix, cost: Cost, learningRate eta: Double,
                    workspace: inout Workspace) -> Double {
    forward(network, x, into: &workspace)
    let loss = cost.finishForward(&workspace, targets: t)
    backward(network, x, &workspace)
    network.W1.subtract(workspace.gradients.dW1, scaledBy: eta)
    network.b1.subtract(workspace.gradients.dB1, scaledBy: eta)
    network.W2.subtract(workspace.gradients.dW2, scaledBy: eta)
    network.b2.subtract(workspace.gradients.dB2, scaledBy: eta)
    return loss
}
// end listing
