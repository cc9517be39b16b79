// Exercise 5.2: one layer's forward pass and its two backward steps.

import WorkbookCore

// listing: layer
/// One layer's forward pass for a batch with one example per row of `input`
/// (m×inputs): z = input·Wᵀ + b and a = f(z), both m×outputs, into `cache`.
public func forward(_ layer: DenseLayer, _ input: Matrix, into cache: inout LayerCache) {
    Matrix.multiply(input, transposing: layer.weights, into: &cache.z)
    cache.z.addToEachRow(layer.bias)
    layer.activation.apply(cache.z, into: &cache.a)
}

/// A layer's gradients from its δ (m×outputs) and the input it read (m×inputs):
/// dW = (1/m) δᵀ·input and dB = (1/m) Σⱼ δⱼ, the gradients of the batch's mean loss.
public func parameterGradients(_ delta: Matrix, input: Matrix, into gradients: inout LayerGradients) {
    let m = Double(delta.rows)
    Matrix.multiply(transposing: delta, input, into: &gradients.dW, scaledBy: 1 / m)
    delta.columnSums(into: &gradients.dB)
    gradients.dB.scale(by: 1 / m)
}

/// The δ of the layer below, from the δ of `layer` (the layer above it):
/// δ_below = (δ·W) ⊙ f′(z_below), with W the weights of `layer` and f the activation
/// of the layer below, whose cache is `below`.
public func backpropagate(_ delta: Matrix, through layer: DenseLayer, below: LayerCache, activation: Activation,
                          into deltaBelow: inout Matrix) {
    Matrix.multiply(delta, layer.weights, into: &deltaBelow)
    deltaBelow.combine(with: below.z) { backpropagated, z in backpropagated * activation.derivative(z) }
}
// end listing
