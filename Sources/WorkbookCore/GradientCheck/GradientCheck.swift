/// Compares analytic gradients with finite-difference gradients.
///
/// The numbers here are chosen for `Double` and smooth functions of moderate
/// size, and Chapter 1 derives them:
/// - ``step`` h = 1e-5: a central difference has truncation error of order h²
///   (about 1e-10) and rounding error of order ε/h (about 1e-11 for the unit roundoff
///   ε ≈ 1.1e-16, Chapter 1's ε; half of `Double.ulpOfOne`, 2.2e-16),
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
    ///   - mistakes: Known wrong answers to recognise, tried before the general patterns.
    ///   - f: The loss as a function of this parameter alone.
    public static func compare(name: String, shape: Shape, analytic: [Double], at point: [Double],
                               entries: [Int]? = nil, mistakes: [KnownMistake] = [],
                               of f: ([Double]) -> Double) -> GradientReport {
        precondition(point.count == shape.rows * shape.columns, "\(name): point does not have shape \(shape)")
        let indices = entries ?? Array(point.indices)
        let numeric = indices.map { partialDerivative(of: f, at: point, index: $0) }
        return report(name: name, shape: shape, got: analytic, expected: numeric, at: indices,
                      fullyChecked: indices.count == point.count, mistakes: mistakes)
    }

    /// Checks the analytic gradient `analytic` of `f` with respect to the matrix
    /// `parameter`, starting with its shape.
    ///
    /// With a `computation` (what the gradient is, in the chapter's quantities), the
    /// report names no cause itself: it records the learner's result for ``Diagnosis``,
    /// which looks for the cause across every problem of the check.
    public static func compare(name: String, analytic: Matrix, parameter: Matrix, entries: [Int]? = nil,
                               mistakes: [KnownMistake] = [], computation: Computation? = nil,
                               of f: (Matrix) -> Double) -> GradientReport {
        if let computation {
            let report = compare(name: name, analytic: analytic, parameter: parameter, entries: entries, of: f)
                .factsOnly(got: analytic.shape)
            DiagnosisLog.current?.record(computation.observation(name: name, got: analytic, passed: report.passed))
            return report
        }
        if let shapeReport = shapeMismatch(name: name, got: analytic.shape, expected: parameter.shape,
                                           mistakes: mistakes) {
            return shapeReport
        }
        return compare(name: name, shape: parameter.shape, analytic: analytic.elements, at: parameter.elements,
                       entries: entries, mistakes: mistakes) { point in
            f(Matrix(rows: parameter.rows, columns: parameter.columns, elements: point))
        }
    }

    /// Compares computed values (not gradients) with the values they should have,
    /// such as the activations of a forward pass.
    public static func compareValues(name: String, got: Matrix, expected: Matrix,
                                     mistakes: [KnownMistake] = [], computation: Computation? = nil) -> GradientReport {
        if let computation {
            let report = compareValues(name: name, got: got, expected: expected).factsOnly(got: got.shape)
            DiagnosisLog.current?.record(computation.observation(name: name, got: got, passed: report.passed))
            return report
        }
        if let shapeReport = shapeMismatch(name: name, got: got.shape, expected: expected.shape, mistakes: mistakes) {
            return shapeReport
        }
        return report(name: name, shape: expected.shape, got: got.elements, expected: expected.elements,
                      at: Array(expected.elements.indices), fullyChecked: true, mistakes: mistakes, quantity: .value)
    }

    private static func shapeMismatch(name: String, got: Shape, expected: Shape,
                                      mistakes: [KnownMistake]) -> GradientReport? {
        guard got != expected else { return nil }
        var cause = "\(name) has shape \(got) but must have shape \(expected)"
        if let known = mistakes.first(where: { $0.shape == got }) {
            cause += ": \(known.explanation)"
        } else if got == Shape(rows: expected.columns, columns: expected.rows) {
            cause += ": it is transposed"
        }
        return GradientReport(name: name, shape: expected, entries: [], totalCount: expected.rows * expected.columns,
                              likelyCause: cause)
    }

    private static func report(name: String, shape: Shape, got: [Double], expected: [Double], at indices: [Int],
                               fullyChecked: Bool, mistakes: [KnownMistake],
                               quantity: LikelyMistake.Quantity = .gradient) -> GradientReport {
        let columnNames = quantity == .gradient ? ("analytic", "numeric") : ("yours", "expected")
        guard got.count == shape.rows * shape.columns else {
            return GradientReport(name: name, shape: shape, entries: [], totalCount: shape.rows * shape.columns,
                                  likelyCause: "\(name) has \(got.count) entries but must have "
                                      + "\(shape.rows * shape.columns) (shape \(shape)): check its shape")
        }
        let columns = max(shape.columns, 1)
        let checks = zip(indices, expected).map { index, expectedValue in
            EntryCheck(row: index / columns, column: index % columns, analytic: got[index], numeric: expectedValue)
        }
        let report = GradientReport(name: name, shape: shape, entries: checks, totalCount: shape.rows * shape.columns,
                                    likelyCause: nil, columnNames: columnNames)
        guard !report.passed else { return report }
        let known = mistakes.first { mistake in
            guard let values = mistake.values, values.count == got.count else { return false }
            return LikelyMistake.agree(indices.map { got[$0] }, indices.map { values[$0] })
        }
        return report.withLikelyCause(known?.explanation
            ?? LikelyMistake.diagnose(checks, shape: shape, fullyChecked: fullyChecked, quantity: quantity))
    }
}

extension GradientReport {
    /// This report with what it measured and no cause of its own: a wrong shape is
    /// stated as a fact, and the cause is left to ``Diagnosis``.
    func factsOnly(got: Shape) -> GradientReport {
        var report = GradientReport(name: name, shape: shape, entries: entries, totalCount: totalCount, likelyCause: nil,
                                    columnNames: columnNames)
        if got != shape {
            report.fact = "\(name) has shape \(got) but must have shape \(shape)"
        } else if entries.isEmpty {
            report.fact = "no entries were checked"
        } else if let likelyCause, likelyCause.contains("NaN") {
            report.fact = likelyCause
        }
        return report
    }
}

/// A wrong answer a check knows how to explain: recognised by its values, or by
/// its shape when the shape is already wrong.
public struct KnownMistake: Sendable {
    public let values: [Double]?
    public let shape: Shape?
    public let explanation: String

    /// The mistake whose result would be `matrix`.
    public static func values(_ matrix: Matrix, _ explanation: String) -> KnownMistake {
        KnownMistake(values: matrix.elements, shape: nil, explanation: explanation)
    }

    /// The mistake whose result would have shape `shape`.
    public static func shape(_ shape: Shape, _ explanation: String) -> KnownMistake {
        KnownMistake(values: nil, shape: shape, explanation: explanation)
    }
}
