// Exercise 5.5: one step of training with momentum.

import WorkbookCore

// listing: training-step-stub
/// One step of mini-batch gradient descent with momentum μ on the batch x (m×inputs)
/// with one-hot targets t (m×outputs): the forward pass, the softmax cross-entropy
/// loss (which sets the last δ), the backward pass, then every parameter w of every
/// layer moved by −Σⱼ μ^(k−j)·ηⱼ·gⱼ, where this is step k and gⱼ is w's gradient at
/// step j. `velocity` (0 before the first step, kept from step to step) is what you
/// keep between steps: one matrix per parameter. Returns the batch's loss before the step.
public func trainingStep(_ network: inout DeepNetwork, velocity: inout [LayerGradients], x: Matrix, t: Matrix,
                         learningRate eta: Double, momentum mu: Double, workspace: inout DeepWorkspace) -> Double {
    // TODO(5.5): Forward, loss, backward (5.3), then move every velocity and parameter. Then delete the next line.
    notStarted("5.5", returning: 0)
}
// end listing
