// Exercise 2.2: the quadratic loss, averaged over a batch.

import WorkbookCore

// listing: loss
/// L = (1/m) Σⱼ ½‖ŷⱼ − tⱼ‖²: half the squared error of each of the m examples
/// (columns), averaged over the batch.
public func quadraticLoss(_ yHat: Matrix, _ t: Matrix) -> Double {
    precondition(yHat.shape == t.shape, "ŷ (\(yHat.shape)) and t (\(t.shape)) must have the same shape")
    let error = yHat - t
    let squaredError = error.elements.reduce(0) { $0 + $1 * $1 }
    return 0.5 * squaredError / Double(yHat.columns)
}
// end listing
