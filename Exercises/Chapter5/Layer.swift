// Exercise 5.2: one layer's forward pass and its two backward steps.

import WorkbookCore

// listing: layer-stub
/// One layer's forward pass for a batch with one example per row of `input`
/// (m×inputs): z and a = f(z), both m×outputs, into `cache`.
public func forward(_ layer: DenseLayer, _ input: Matrix, into cache: inout LayerCache) {
    // TODO(5.2): Fill cache.z and cache.a, allocating nothing. Then delete the next line.
    notStarted("5.2")
}

/// A layer's gradients from its δ (m×outputs, ∂ℓⱼ/∂z for each example j) and the
/// input it read (m×inputs): dW and dB, the gradients of the batch's mean loss.
public func parameterGradients(_ delta: Matrix, input: Matrix, into gradients: inout LayerGradients) {
    // TODO(5.2): Fill gradients.dW and gradients.dB. Then delete the next line.
    notStarted("5.2")
}

/// The δ of the layer below, from the δ of `layer` (the layer above it), the cache
/// of the layer below and that layer's activation.
public func backpropagate(_ delta: Matrix, through layer: DenseLayer, below: LayerCache, activation: Activation,
                          into deltaBelow: inout Matrix) {
    // TODO(5.2): Fill deltaBelow (m×the layer below's outputs). Then delete the next line.
    notStarted("5.2")
}
// end listing
