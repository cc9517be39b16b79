import Chapter4
import WorkbookCore

/// Exercise 4.5: the predicted digit is the largest output of each row, and the
/// confusion matrix counts (actual, predicted) pairs with actual digits as rows.
public func checkEvaluation(predict: (Matrix) -> [Int], confusion: ([Int], [Int]) -> [[Int]],
                            using generator: inout SplitMix64) -> Verdict {
    let outputs = Matrix(rows: 30, columns: 10, uniformIn: 0, 1, using: &generator)
    let expected = (0 ..< 30).map { row in (0 ..< 10).max { outputs[row, $0] < outputs[row, $1] }! }
    let predicted = predict(outputs)
    guard predicted == expected else {
        let row = predicted.indices.first { $0 >= expected.count || predicted[$0] != expected[$0] } ?? min(predicted.count, expected.count - 1)
        return .failed("predictedDigits gave \(predicted.count > row ? String(predicted[row]) : "nothing") for row \(row), "
            + "whose largest output is in column \(expected[row])\n  likely cause: the prediction is the column "
            + "(digit) of the row's largest output")
    }
    let actual = (0 ..< 30).map { _ in generator.integer(in: 0 ... 9) }
    var counts = Array(repeating: Array(repeating: 0, count: 10), count: 10)
    for (guess, truth) in zip(expected, actual) { counts[truth][guess] += 1 }
    let got = confusion(expected, actual)
    guard got == counts else {
        let transposed = (0 ..< 10).map { row in (0 ..< 10).map { counts[$0][row] } }
        let hint = got == transposed ? "\n  likely cause: rows are the actual digits and columns the predicted ones" : ""
        return .failed("the confusion matrix of 30 predictions differs from the counts of (actual, predicted) pairs\(hint)")
    }
    return .passed("predictedDigits and confusionMatrix agree on 30 random outputs")
}
