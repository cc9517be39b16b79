// Exercise 5.5: one step of training with momentum.

import WorkbookCore

// listing: training-step
/// One step of mini-batch gradient descent with momentum μ on the batch x (m×inputs)
/// with one-hot targets t (m×outputs): the forward pass, the softmax cross-entropy
/// loss (which sets the last δ), the backward pass, then for every parameter w of
/// every layer, with its velocity v (which starts at 0 and is kept from step to step),
/// v ← μv − η·∂L/∂w and w ← w + v. Returns the batch's loss before the step.
public func trainingStep(_ network: inout DeepNetwork, velocity: inout [LayerGradients], x: Matrix, t: Matrix,
                         learningRate eta: Double, momentum mu: Double, workspace: inout DeepWorkspace) -> Double {
    forward(network, x, into: &workspace)
    let loss = softmaxCrossEntropy(&workspace, targets: t)
    backward(network, x, &workspace)
    for l in network.layers.indices {
        velocity[l].dW.scale(by: mu, adding: workspace.gradients[l].dW, scaledBy: -eta)
        velocity[l].dB.scale(by: mu, adding: workspace.gradients[l].dB, scaledBy: -eta)
        network.layers[l].weights.subtract(velocity[l].dW, scaledBy: -1)
        network.layers[l].bias.subtract(velocity[l].dB, scaledBy: -1)
    }
    return loss
}
// end listing
