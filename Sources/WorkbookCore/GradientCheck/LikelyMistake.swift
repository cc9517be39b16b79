/// Recognises the classic patterns of a wrong gradient.
///
/// Each pattern compares the analytic entries with the numeric ones across the
/// whole parameter, so one coincidence cannot trigger it. A check that knows
/// more (for example the batch size) can add its own diagnosis on top.
public enum LikelyMistake {
    /// A plain-words diagnosis for entries that disagree, or `nil` when no
    /// pattern fits.
    ///
    /// - Parameter fullyChecked: Whether `entries` covers every entry of the
    ///   parameter, which the transpose test needs.
    public static func diagnose(_ entries: [EntryCheck], shape: Shape, fullyChecked: Bool,
                                quantity: Quantity = .gradient) -> String? {
        let analytic = entries.map(\.analytic)
        let numeric = entries.map(\.numeric)
        let (yours, truth) = quantity == .gradient ? ("analytic", "numeric") : ("yours", "expected")
        if analytic.contains(where: { !$0.isFinite }) {
            return "\(quantity == .gradient ? "the analytic gradient" : "it") contains NaN or ∞: look for a division "
                + "by zero, or exp of a large number"
        }
        let significant = entries.filter { abs($0.numeric) > GradientCheck.floor }
        guard !significant.isEmpty else {
            guard quantity == .gradient, analytic.contains(where: { abs($0) > GradientCheck.floor }) else { return nil }
            return "the loss does not depend on this parameter (every numeric entry is 0): is it used in the "
                + "forward pass, or is another parameter used in its place?"
        }
        if analytic.allSatisfy({ $0 == 0 }) {
            return quantity == .gradient
                ? "the gradient is all zeros: the backward step never wrote to it (is it computed, and added to "
                    + "the right variable?)"
                : "every entry is 0: nothing was written to it (is the result stored in this matrix?)"
        }
        if agree(significant.map { -$0.analytic }, significant.map(\.numeric)) {
            return "the sign is flipped: \(yours) = −\(truth) \(significant.count > 1 ? "everywhere " : "")"
                + "(a − b where b − a was meant?)"
        }
        // A ratio says something only when several entries share it.
        if significant.count > 1, let factor = constantFactor(significant) {
            return "off by a constant factor: \(yours) ≈ \(formatNumber(factor)) × \(truth) everywhere "
                + factorHint(factor, quantity: quantity)
        }
        if fullyChecked && shape.rows == shape.columns && shape.rows > 1 {
            let transposedAnalytic = (0 ..< analytic.count).map { index in
                analytic[(index % shape.columns) * shape.columns + index / shape.columns]
            }
            if agree(transposedAnalytic, numeric) {
                return "transposed: \(quantity == .gradient ? "the analytic gradient" : "yours") is the transpose of "
                    + "the true one (it runs only because the matrix is square)"
            }
        }
        return nil
    }

    /// What is compared, for the wording of a diagnosis.
    public enum Quantity: Sendable {
        /// A derivative, compared with a finite difference.
        case gradient
        /// A computed value (activations, pixels, probabilities), compared with the right one.
        case value
    }

    /// Whether two lists agree entry by entry within the tolerance.
    static func agree(_ lhs: [Double], _ rhs: [Double]) -> Bool {
        zip(lhs, rhs).allSatisfy { GradientCheck.relativeError($0, $1) <= GradientCheck.tolerance }
    }

    /// The ratio analytic / numeric when it is the same for every significant entry.
    static func constantFactor(_ entries: [EntryCheck]) -> Double? {
        let ratios = entries.map { $0.analytic / $0.numeric }
        guard let first = ratios.first, first.isFinite, abs(first - 1) > 1e-3 else { return nil }
        let consistent = ratios.allSatisfy { abs($0 - first) <= 1e-4 * max(1, abs(first)) }
        return consistent ? first : nil
    }

    private static func factorHint(_ factor: Double, quantity: Quantity) -> String {
        let rounded = factor.rounded()
        guard quantity == .gradient else { return "(a scale applied twice, or not at all?)" }
        if abs(factor - 2) < 1e-3 || abs(factor - 0.5) < 1e-3 {
            return "(a lost or extra factor of 2, such as the ½ in ½‖y − t‖² or the 2 in x²?)"
        }
        if abs(factor - rounded) < 1e-3 || abs(1 / factor - (1 / factor).rounded()) < 1e-3 {
            return "(a sum where a mean was meant, or the reverse? Compare the factor with the batch size)"
        }
        return ""
    }
}
