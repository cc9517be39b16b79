import Chapter4
import WorkbookCore

/// Exercise 4.5: the predicted digit is the largest output of each row, and the
/// confusion matrix counts (actual, predicted) pairs with actual digits as rows.
public func checkEvaluation(predict: (Matrix) -> [Int], confusion: ([Int], [Int]) -> [[Int]],
                            using generator: inout SplitMix64) -> Verdict {
    // Outputs of both signs, and a few rows with no positive output at all (z² before a softmax can be so).
    var outputs = Matrix(rows: 30, columns: 10, uniformIn: -1, 1, using: &generator)
    for row in (0 ..< 30).shuffled(using: &generator).prefix(3) {
        for column in 0 ..< 10 { outputs[row, column] = -abs(outputs[row, column]) - 0.01 }
    }
    let expected = (0 ..< 30).map { row in (0 ..< 10).max { outputs[row, $0] < outputs[row, $1] }! }
    let predicted = learnerCode { predict(outputs) }
    guard predicted == expected else {
        let row = predicted.indices.first { $0 >= expected.count || predicted[$0] != expected[$0] } ?? min(predicted.count, expected.count - 1)
        let negative = (0 ..< 10).allSatisfy { outputs[row, $0] < 0 }
        let cause = negative && predicted.count > row && predicted[row] == 0
            ? "every output of this row is negative, so a search for the largest that starts from 0 never moves: "
                + "start from the row's first output"
            : "the prediction is the column (digit) of the row's largest output"
        return .failed("predictedDigits gave \(predicted.count > row ? String(predicted[row]) : "nothing") for row \(row), "
            + "whose largest output is in column \(expected[row])\(negative ? " (all its outputs are negative)" : "")"
            + "\n  likely cause: \(cause)")
    }
    let actual = (0 ..< 30).map { _ in generator.integer(in: 0 ... 9) }
    var counts = Array(repeating: Array(repeating: 0, count: 10), count: 10)
    for (guess, truth) in zip(expected, actual) { counts[truth][guess] += 1 }
    let got = learnerCode { confusion(expected, actual) }
    guard got == counts else {
        let transposed = (0 ..< 10).map { row in (0 ..< 10).map { counts[$0][row] } }
        let hint = got == transposed ? "\n  likely cause: rows are the actual digits and columns the predicted ones" : ""
        return .failed("the confusion matrix of 30 predictions differs from the counts of (actual, predicted) pairs\(hint)")
    }
    return .passed("predictedDigits and confusionMatrix agree on 30 random outputs")
}
