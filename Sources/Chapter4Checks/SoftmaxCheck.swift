import Chapter4
import Foundation
import WorkbookCore

/// Exercise 4.6: softmax rows that sum to 1 without overflowing, and δ² = ŷ − t
/// against finite differences of the summed cross-entropy with respect to z².
public func checkSoftmax(softmax: (Matrix, inout Matrix) -> Void, delta: (Matrix, Matrix, inout Matrix) -> Void,
                         using generator: inout SplitMix64) -> Verdict {
    withDiagnosis { softmaxVerdict(softmax: softmax, delta: delta, using: &generator) }
}

private func softmaxVerdict(softmax: (Matrix, inout Matrix) -> Void, delta: (Matrix, Matrix, inout Matrix) -> Void,
                            using generator: inout SplitMix64) -> Verdict {
    func referenceSoftmax(_ z: Matrix) -> Matrix { Formula.softmax(.quantity("z²"), .rowMaximum).evaluate(in: Environment(quantities: ["z²": z]))! }
    var parts = [Verdict]()
    // The last case shifts each row by its own constant, some far beyond where e^z overflows
    // (or underflows to 0): softmax does not change, whatever is subtracted from each row.
    var shifts = [1000.0, -1000, 0, 500]
    shifts.shuffle(using: &generator)
    for (rows, columns, rowShifts) in [(4, 10, [0.0, 0, 0, 0]), (1, 3, [0.0]), (4, 5, shifts)] {
        var z = Matrix(rows: rows, columns: columns, uniformIn: -3, 3, using: &generator)
        for row in 0 ..< rows { for column in 0 ..< columns { z[row, column] += rowShifts[row] } }
        let yHat = learnerCode { () -> Matrix in
            var yHat = z
            softmax(z, &yHat)
            return yHat
        }
        let shifted = rowShifts.contains { $0 != 0 }
        let context = "softmaxRows of a \(z.shape) z"
            + (shifted ? " whose rows lie near \(rowShifts.map(formatNumber).joined(separator: ", "))" : "")
        let quantities = Environment(quantities: ["z²": z], sizes: ["m": (Double(rows), "the number of examples")])
        let report = GradientCheck.compareValues(name: "ŷ", got: yHat, expected: referenceSoftmax(z),
                                                 computation: Computation(.softmax(.quantity("z²"), .rowMaximum), in: quantities))
        if !report.passed { return .failed("\(context):\n\(report)", judged: "softmaxRows(_:into:)") }
        parts.append(.passed("\(context): every row sums to 1"))
    }
    let z = Matrix(rows: 4, columns: 10, uniformIn: -3, 3, using: &generator)
    var t = Matrix(rows: 4, columns: 10)
    for row in 0 ..< 4 { t[row, generator.integer(in: 0 ... 9)] = 1 }
    let yHat = referenceSoftmax(z)
    let got = learnerCode { () -> Matrix in
        var delta2 = z
        delta(yHat, t, &delta2)
        return delta2
    }
    let quantities = Environment(quantities: ["z²": z, "ŷ": yHat, "t": t], sizes: ["m": (4, "the number of examples")])
    let report = GradientCheck.compare(name: "δ²", analytic: got, parameter: z,
                                       computation: Computation(.difference(.quantity("ŷ"), .quantity("t")), in: quantities)) { z in
        let probabilities = referenceSoftmax(z)
        return -zip(probabilities.elements, t.elements).reduce(0) { $0 + $1.1 * log($1.0) }
    }
    parts.append(report.passed ? .passed("crossEntropyDelta: \(report)") : .failed("crossEntropyDelta:\n\(report)",
                                                                                                      judged: "crossEntropyDelta(_:_:into:)"))
    return Verdict.all(parts)
}
