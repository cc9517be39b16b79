// Exercise 3.1: the XOR problem as a batch.

import WorkbookCore

// listing: xor-data
/// The four points of XOR: inputs 2×4 with one point per column, and targets
/// 1×4 holding x₁ XOR x₂ for each column.
public func xorDataset() -> (inputs: Matrix, targets: Matrix) {
    let inputs = Matrix([[0, 0, 1, 1],
                         [0, 1, 0, 1]])
    let targets = Matrix([[0, 1, 1, 0]])
    return (inputs, targets)
}
// end listing
