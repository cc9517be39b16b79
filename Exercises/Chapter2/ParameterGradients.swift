// Exercise 2.5: the gradient of the batch's mean loss for every parameter.

import WorkbookCore

// listing: parameter-gradients-stub
/// The gradients of the batch's mean loss L with respect to W¹, b¹, W² and b²,
/// each with its parameter's shape, from the deltas of the m examples (columns),
/// the inputs x and the forward pass.
public func parameterGradients(delta1: Matrix, delta2: Matrix, x: Matrix, pass: ForwardPass) -> Gradients {
    // TODO(2.5): Compute the four gradients, each with its parameter's shape. Then delete the next lines.
    let zero = Gradients(dW1: Matrix(rows: delta1.rows, columns: x.rows), dB1: Matrix(rows: delta1.rows, columns: 1),
                         dW2: Matrix(rows: delta2.rows, columns: delta1.rows), dB2: Matrix(rows: delta2.rows, columns: 1))
    return notStarted("2.5", returning: zero)
}
// end listing
