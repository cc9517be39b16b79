import Chapter4
import Foundation
import WorkbookCore

/// Exercise 4.6: softmax rows that sum to 1 without overflowing, and δ² = ŷ − t
/// against finite differences of the summed cross-entropy with respect to z².
public func checkSoftmax(softmax: (Matrix, inout Matrix) -> Void, delta: (Matrix, Matrix, inout Matrix) -> Void,
                         using generator: inout SplitMix64) -> Verdict {
    func referenceSoftmax(_ z: Matrix) -> Matrix {
        var result = z
        for row in 0 ..< z.rows {
            let largest = (0 ..< z.columns).map { z[row, $0] }.max()!
            let total = (0 ..< z.columns).reduce(0.0) { $0 + exp(z[row, $1] - largest) }
            for column in 0 ..< z.columns { result[row, column] = exp(z[row, column] - largest) / total }
        }
        return result
    }
    var parts = [Verdict]()
    // The last case shifts every entry by +1000, where e^z overflows: softmax does not change.
    for (rows, columns, shift) in [(4, 10, 0.0), (1, 3, 0.0), (3, 5, 1000.0)] {
        let z = Matrix(rows: rows, columns: columns, uniformIn: -3, 3, using: &generator).map { $0 + shift }
        var yHat = z
        softmax(z, &yHat)
        let context = "softmaxRows of a \(z.shape) z" + (shift == 0 ? "" : " with entries near \(formatNumber(shift))")
        if yHat.elements.contains(where: { !$0.isFinite }) {
            return .failed("\(context) gave NaN or ∞\n  likely cause: e^z overflows for large z; subtract each row's "
                + "largest entry first (softmax is unchanged by adding a constant to a row)")
        }
        let report = GradientCheck.compareValues(name: "ŷ", got: yHat, expected: referenceSoftmax(z))
        if !report.passed { return .failed("\(context):\n\(report)") }
        parts.append(.passed("\(context): every row sums to 1"))
    }
    let z = Matrix(rows: 4, columns: 10, uniformIn: -3, 3, using: &generator)
    var t = Matrix(rows: 4, columns: 10)
    for row in 0 ..< 4 { t[row, generator.integer(in: 0 ... 9)] = 1 }
    let yHat = referenceSoftmax(z)
    var got = z
    delta(yHat, t, &got)
    let report = GradientCheck.compare(name: "δ²", analytic: got, parameter: z, mistakes: [
        .values(t - yHat, "the sign is flipped: δ² = ŷ − t"),
    ]) { z in
        let probabilities = referenceSoftmax(z)
        return -zip(probabilities.elements, t.elements).reduce(0) { $0 + $1.1 * log($1.0) }
    }
    parts.append(report.passed ? .passed("crossEntropyDelta: \(report)") : .failed("crossEntropyDelta:\n\(report)"))
    return Verdict.all(parts)
}
