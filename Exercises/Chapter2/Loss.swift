// Exercise 2.2: the quadratic loss, averaged over a batch.

import WorkbookCore

// listing: loss-stub
/// L = (1/m) Σⱼ ½‖ŷⱼ − tⱼ‖²: half the squared error of each of the m examples
/// (columns), averaged over the batch.
public func quadraticLoss(_ yHat: Matrix, _ t: Matrix) -> Double {
    precondition(yHat.shape == t.shape, "ŷ (\(yHat.shape)) and t (\(t.shape)) must have the same shape")
    // TODO(2.2): Half the sum of squared errors, divided by the number of examples. Then delete the next line.
    return notStarted("2.2", returning: 0)
}
// end listing
