// Exercise 2.2: the quadratic loss, averaged over a batch.

import WorkbookCore

// listing: loss-stub
/// The quadratic loss L of the batch as Chapter 2 defines it: one number for the m
/// examples, which are the columns of ŷ and t (outputs×m).
public func quadraticLoss(_ yHat: Matrix, _ t: Matrix) -> Double {
    precondition(yHat.shape == t.shape, "ŷ (\(yHat.shape)) and t (\(t.shape)) must have the same shape")
    // TODO(2.2): Compute L from ŷ and t. Then delete the next line.
    return notStarted("2.2", returning: 0)
}
// end listing
