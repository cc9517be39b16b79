/// Compares analytic gradients with finite-difference gradients.
///
/// The numbers here are chosen for `Double` and smooth functions of moderate
/// size, and Chapter 1 derives them:
/// - ``step`` h = 1e-5: a central difference has truncation error of order h²
///   (about 1e-10) and rounding error of order ε/h (about 1e-11 for ε ≈ 2.2e-16),
///   so both stay far below the tolerance.
/// - ``relativeError(_:_:)`` divides by max(|a|, |n|, ``floor``): entries whose
///   true gradient is nearly zero are judged by their absolute error instead of
///   by the noise of dividing two tiny numbers.
/// - ``tolerance`` 1e-5: a correct gradient lands near 1e-9; every classic
///   mistake (a wrong sign, a factor of 2, a transposed matrix) lands above 1e-2.
public enum GradientCheck {
    /// The finite-difference step h.
    public static let step = 1e-5
    /// The largest relative error that still counts as agreement.
    public static let tolerance = 1e-5
    /// The smallest denominator in ``relativeError(_:_:)``.
    public static let floor = 1e-4
    /// Matrices with more entries than this are checked on a random sample.
    public static let sampleLimit = 64

    /// |a − n| / max(|a|, |n|, floor): how far an analytic value is from a numeric one.
    public static func relativeError(_ analytic: Double, _ numeric: Double) -> Double {
        guard analytic.isFinite && numeric.isFinite else { return .infinity }
        return abs(analytic - numeric) / max(abs(analytic), abs(numeric), floor)
    }

    /// The central difference (f(x + h) − f(x − h)) / 2h, accurate to O(h²).
    public static func centralDifference(_ f: (Double) -> Double, at x: Double, step h: Double = step) -> Double {
        (f(x + h) - f(x - h)) / (2 * h)
    }

    /// The numeric partial derivative of `f` with respect to `point[index]`.
    public static func partialDerivative(of f: ([Double]) -> Double, at point: [Double], index: Int,
                                         step h: Double = step) -> Double {
        var shifted = point
        return centralDifference({ value in
            shifted[index] = value
            return f(shifted)
        }, at: point[index], step: h)
    }

    /// The indices to check in a parameter with `count` entries: all of them, or a
    /// random sample of ``sampleLimit`` when there are more.
    public static func entriesToCheck(count: Int, using generator: inout some RandomNumberGenerator) -> [Int] {
        guard count > sampleLimit else { return Array(0 ..< count) }
        var all = Array(0 ..< count)
        for i in 0 ..< sampleLimit { all.swapAt(i, generator.integer(in: i ... count - 1)) }
        return all[..<sampleLimit].sorted()
    }

    /// Checks an analytic gradient of the scalar function `f` at `point`.
    ///
    /// - Parameters:
    ///   - name: What the gradient is called in the text, such as `dW2`.
    ///   - shape: The parameter's shape, so entries print as (row, column).
    ///   - analytic: The gradient to check, one entry per entry of `point`.
    ///   - point: The parameter's values, row by row.
    ///   - entries: Which indices to check; all of them when `nil`.
    ///   - f: The loss as a function of this parameter alone.
    public static func compare(name: String, shape: Shape, analytic: [Double], at point: [Double],
                               entries: [Int]? = nil, of f: ([Double]) -> Double) -> GradientReport {
        precondition(point.count == shape.rows * shape.columns, "\(name): point does not have shape \(shape)")
        guard analytic.count == point.count else {
            return GradientReport(name: name, shape: shape, entries: [], totalCount: point.count,
                                  likelyCause: "\(name) has \(analytic.count) entries but the parameter has "
                                      + "\(point.count) (shape \(shape)): check its shape")
        }
        let indices = entries ?? Array(point.indices)
        let numeric = indices.map { partialDerivative(of: f, at: point, index: $0) }
        let checks = zip(indices, numeric).map { index, numericValue in
            EntryCheck(row: index / max(shape.columns, 1), column: index % max(shape.columns, 1),
                       analytic: analytic[index], numeric: numericValue)
        }
        let report = GradientReport(name: name, shape: shape, entries: checks, totalCount: point.count,
                                    likelyCause: nil)
        guard !report.passed else { return report }
        return report.withLikelyCause(LikelyMistake.diagnose(checks, shape: shape, fullyChecked: entries == nil))
    }
}
