// Exercise 2.5: the gradient of the batch's mean loss for every parameter.

import WorkbookCore

// listing: parameter-gradients-stub
/// ∂L/∂W² = (1/m) δ²(a¹)ᵀ, ∂L/∂b² = (1/m) Σⱼ δ²ⱼ, ∂L/∂W¹ = (1/m) δ¹xᵀ and
/// ∂L/∂b¹ = (1/m) Σⱼ δ¹ⱼ, for a batch of m examples.
public func parameterGradients(delta1: Matrix, delta2: Matrix, x: Matrix, pass: ForwardPass) -> Gradients {
    // TODO(2.5): Compute the four gradients, each with its parameter's shape. Then delete the next lines.
    let zero = Gradients(dW1: Matrix(rows: delta1.rows, columns: x.rows), dB1: Matrix(rows: delta1.rows, columns: 1),
                         dW2: Matrix(rows: delta2.rows, columns: delta1.rows), dB2: Matrix(rows: delta2.rows, columns: 1))
    return notStarted("2.5", returning: zero)
}
// end listing
