import Chapter4
import WorkbookCore

/// Exercise 4.5: the predicted digit is the largest output of each row, and the
/// confusion matrix counts (actual, predicted) pairs with actual digits as rows.
public func checkEvaluation(predict: (Matrix) -> [Int], confusion: ([Int], [Int]) -> [[Int]],
                            using generator: inout SplitMix64) -> Verdict {
    withDiagnosis { evaluationVerdict(predict: predict, confusion: confusion, using: &generator) }
}

private func evaluationVerdict(predict: (Matrix) -> [Int], confusion: ([Int], [Int]) -> [[Int]],
                               using generator: inout SplitMix64) -> Verdict {
    // Outputs of both signs, a few rows with no positive output at all (z² before a softmax can be so),
    // and a few rows whose largest output is shared by two columns (the first of them is the answer).
    var outputs = Matrix(rows: 30, columns: 10, uniformIn: -1, 1, using: &generator)
    let rows = (0 ..< 30).shuffled(using: &generator)
    for row in rows.prefix(3) {
        for column in 0 ..< 10 { outputs[row, column] = -abs(outputs[row, column]) - 0.01 }
    }
    for row in rows.dropFirst(3).prefix(3) {
        let largest = (0 ..< 10).map { outputs[row, $0] }.max()!
        let columns = (0 ..< 10).shuffled(using: &generator).prefix(2)
        for column in columns { outputs[row, column] = largest + 0.5 }
    }
    let quantities = Environment(quantities: ["z²": outputs], sizes: ["m": (30, "the number of examples")])
    let expected = ArgmaxRule.firstLargest.apply(outputs)
    let predicted = learnerCode { predict(outputs) }
    let asColumn = Matrix(rows: predicted.count, columns: 1, elements: predicted.map(Double.init))
    let predictions = GradientCheck.compareValues(name: "the predicted digits", got: asColumn,
                                                  expected: Matrix(rows: 30, columns: 1, elements: expected.map(Double.init)),
                                                  computation: Computation(.argmax(.quantity("z²"), .firstLargest), in: quantities))
    guard predictions.passed else { return .failed("predictedDigits of 30 rows of outputs:\n\(predictions)",
                                                         judged: "predictedDigits(_:)") }
    let actual = (0 ..< 30).map { _ in generator.integer(in: 0 ... 9) }
    var counts = Matrix(rows: 10, columns: 10)
    for (guess, truth) in zip(expected, actual) { counts[truth, guess] += 1 }
    let got = learnerCode { confusion(expected, actual) }
    let gotMatrix = got.count == 10 && got.allSatisfy({ $0.count == 10 })
        ? Matrix(got.map { $0.map(Double.init) }) : Matrix(rows: got.count, columns: got.first?.count ?? 0)
    let table = GradientCheck.compareValues(
        name: "the confusion matrix C (C[actual][predicted] counts each pair)", got: gotMatrix, expected: counts,
        computation: Computation(.quantity("C"), in: Environment(quantities: ["C": counts])))
    guard table.passed else { return .failed("the confusion matrix of 30 predictions:\n\(table)",
                                                   judged: "confusionMatrix(predicted:actual:classes:)") }
    return .passed("predictedDigits and confusionMatrix agree on 30 random outputs, ties included")
}
