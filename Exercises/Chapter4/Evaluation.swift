// Exercise 4.5: predictions, and where they go wrong.

import WorkbookCore

// listing: evaluation-stub
/// The predicted digit of each example: the column of the largest output in its row
/// (the first of them, when several columns share the largest).
public func predictedDigits(_ outputs: Matrix) -> [Int] {
    // TODO(4.5): For each row, the column of its largest entry. Then delete the next line.
    notStarted("4.5", returning: Array(repeating: 0, count: outputs.rows))
}

/// counts[actual][predicted]: how often each digit was taken for each other one.
public func confusionMatrix(predicted: [Int], actual: [Int], classes: Int = 10) -> [[Int]] {
    precondition(predicted.count == actual.count, "one prediction per label")
    // TODO(4.5): Count each (actual, predicted) pair. Then delete the next line.
    return notStarted("4.5", returning: Array(repeating: Array(repeating: 0, count: classes), count: classes))
}
// end listing
