// Exercise 4.5: predictions, and where they go wrong.

import WorkbookCore

// listing: evaluation
/// The predicted digit of each example: the column of the largest output in its row
/// (the first of them, when several columns share the largest).
public func predictedDigits(_ outputs: Matrix) -> [Int] {
    (0 ..< outputs.rows).map { row in
        var best = 0
        for column in 1 ..< outputs.columns where outputs[row, column] > outputs[row, best] { best = column }
        return best
    }
}

/// counts[actual][predicted]: how often each digit was taken for each other one.
public func confusionMatrix(predicted: [Int], actual: [Int], classes: Int = 10) -> [[Int]] {
    precondition(predicted.count == actual.count, "one prediction per label")
    var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
    for (guess, truth) in zip(predicted, actual) { counts[truth][guess] += 1 }
    return counts
}
// end listing
