// Exercise 3.1: the XOR problem as a batch.

import WorkbookCore

// listing: xor-data-stub
/// The four points of XOR: inputs 2×4 with one point per column, and targets
/// 1×4 holding x₁ XOR x₂ for each column.
public func xorDataset() -> (inputs: Matrix, targets: Matrix) {
    // TODO(3.1): Build the 2×4 inputs and the 1×4 targets. Then delete the next line.
    notStarted("3.1", returning: (Matrix(rows: 2, columns: 4), Matrix(rows: 1, columns: 4)))
}
// end listing
