// Exercise 3.4: from outputs to classes, and how many are right.

import WorkbookCore

// listing: prediction-stub
/// The class of each example: 1 where its output ŷ is at least 0.5, else 0.
/// `outputs` is 1×batch.
public func classify(_ outputs: Matrix) -> [Int] {
    // TODO(3.4): One class per output. Then delete the next line.
    notStarted("3.4", returning: outputs.elements.map { _ in 0 })
}

/// The fraction of `predictions` equal to the `targets` (1×batch, 0 or 1).
public func accuracy(of predictions: [Int], targets: Matrix) -> Double {
    precondition(predictions.count == targets.columns, "one prediction per example")
    // TODO(3.4): The fraction of predictions that are right. Then delete the next line.
    return notStarted("3.4", returning: 0)
}
// end listing
