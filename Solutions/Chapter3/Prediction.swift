// Exercise 3.4: from outputs to classes, and how many are right.

import WorkbookCore

// listing: prediction
/// The class of each example: 1 where its output ŷ is at least 0.5, else 0.
/// `outputs` is 1×batch.
public func classify(_ outputs: Matrix) -> [Int] {
    outputs.elements.map { $0 >= 0.5 ? 1 : 0 }
}

/// The fraction of `predictions` equal to the `targets` (1×batch, 0 or 1).
public func accuracy(of predictions: [Int], targets: Matrix) -> Double {
    precondition(predictions.count == targets.columns, "one prediction per example")
    let correct = zip(predictions, targets.elements).filter { Double($0) == $1 }.count
    return Double(correct) / Double(predictions.count)
}
// end listing
