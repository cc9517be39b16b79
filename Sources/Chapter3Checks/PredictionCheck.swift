import Chapter2Checks
import WorkbookCore

/// Exercise 3.4: `classify` thresholds at 0.5 (0.5 itself is class 1) and
/// `accuracy` is the fraction of predictions that match.
public func checkPrediction(classify: (Matrix) -> [Int], accuracy: ([Int], Matrix) -> Double,
                            using generator: inout SplitMix64) -> Verdict {
    let count = generator.integer(in: 5 ... 12)
    var values = (0 ..< count).map { _ in generator.uniform(0, 1) }
    values[generator.integer(in: 0 ... count - 1)] = 0.5
    let outputs = Matrix(rows: 1, columns: count, elements: values)
    let classes = learnerCode { classify(outputs) }
    let expected = values.map { $0 >= 0.5 ? 1 : 0 }
    guard classes == expected else {
        let differences = zip(values, zip(classes, expected)).filter { $0.1.0 != $0.1.1 }
        let example = differences.first.map { "ŷ = \(formatNumber($0.0)) gave \($0.1.0), expected \($0.1.1)" } ?? ""
        var text = "classify gave \(classes), expected \(expected): \(example)"
        if differences.allSatisfy({ $0.0 == 0.5 }) { text += "\n  likely cause: an output of exactly 0.5 is class 1 (≥, not >)" }
        return .failed(text, judged: "classify(_:)")
    }
    // Some predictions right and some wrong, never half, so that a count, an integer division,
    // an error rate and the right fraction are four different numbers; three batches of them.
    let batches = (0 ..< 3).map { _ -> (count: Int, correct: Int) in
        let count = generator.integer(in: 5 ... 12)
        var correct = generator.integer(in: 1 ... count - 1)
        while 2 * correct == count { correct = generator.integer(in: 1 ... count - 1) }
        return (count, correct)
    }
    let accuracyVerdict = checkEach(batches, describe: { "\($0.count) predictions with \($0.correct) correct" },
                                    using: &generator) { batch, generator in
        let predictions = (0 ..< batch.count).map { _ in generator.integer(in: 0 ... 1) }
        var hits = Array(repeating: true, count: batch.correct) + Array(repeating: false, count: batch.count - batch.correct)
        hits.shuffle(using: &generator)
        let targets = Matrix(rows: 1, columns: batch.count,
                             elements: zip(predictions, hits).map { Double($1 ? $0 : 1 - $0) })
        let quantities = Environment(sizes: [
            "c": (Double(batch.correct), "the number of right predictions"),
            "w": (Double(batch.count - batch.correct), "the number of wrong predictions"),
            "n": (Double(batch.count), "the number of predictions"),
        ])
        return [ScalarComparison(subject: "accuracy", got: learnerCode { accuracy(predictions, targets) },
                                 expected: Double(batch.correct) / Double(batch.count),
                                 computation: Computation(.quotient(.size("c"), .size("n")), in: quantities),
                                 name: "accuracy").verdict.judging("accuracy(of:targets:)")]
    }
    return Verdict.all([.passed("classify thresholds \(counted(count, "output")) at 0.5"), accuracyVerdict])
}
