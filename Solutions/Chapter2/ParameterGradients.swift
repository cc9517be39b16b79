// Exercise 2.5: the gradient of the batch's mean loss for every parameter.

import WorkbookCore

// listing: parameter-gradients
/// ∂L/∂W² = (1/m) δ²(a¹)ᵀ, ∂L/∂b² = (1/m) Σⱼ δ²ⱼ, ∂L/∂W¹ = (1/m) δ¹xᵀ and
/// ∂L/∂b¹ = (1/m) Σⱼ δ¹ⱼ, for a batch of m examples.
public func parameterGradients(delta1: Matrix, delta2: Matrix, x: Matrix, pass: ForwardPass) -> Gradients {
    let m = Double(x.columns)
    let dW2 = (1 / m) * (delta2 * pass.a1.transposed)
    let dB2 = (1 / m) * delta2.rowSums()
    let dW1 = (1 / m) * (delta1 * x.transposed)
    let dB1 = (1 / m) * delta1.rowSums()
    return Gradients(dW1: dW1, dB1: dB1, dW2: dW2, dB2: dB2)
}
// end listing
