import Foundation
import Chapter2Checks
import WorkbookCore

/// `swift run two-layer-net trace`: a 2-2-1 network traced by hand, for one example:
/// the forward values, the loss, the deltas and the gradients, each as the
/// arithmetic that gives it, and one gradient entry checked by a central difference.
/// Everything comes from the checker's own reference (``ReferenceNetwork``), so the
/// numbers the chapter quotes do not depend on anyone's exercises.
public enum HandTrace {
    /// The network of the trace: small round weights, so every product can be done by hand.
    public static let network = Network(W1: Matrix([[0.5, -0.4], [0.3, 0.8]]), b1: Matrix([[0.1], [-0.2]]),
                                        W2: Matrix([[1.2, -0.7]]), b2: Matrix([[0.3]]))
    public static let x = Matrix([[1.0], [2.0]])
    public static let t = Matrix([[1.0]])

    public static func render(style: Style = .plain) -> String {
        let pass = ReferenceNetwork.forward(network, x)
        let (delta2, delta1) = ReferenceNetwork.deltas(network, pass, t)
        let gradients = ReferenceNetwork.backprop(network, x, t)
        // Four decimals, with a true minus sign, in parentheses when negative as a factor.
        let f = { (value: Double) in decimals(value, 4) }
        let p = { (value: Double) in value < 0 ? "(\(f(value)))" : f(value) }
        /// "a·b + c·d + e" with the signs of the terms written as + and −.
        func sum(_ terms: [(Double, String)], plus constant: Double) -> String {
            var text = ""
            for (index, (coefficient, factor)) in terms.enumerated() {
                let sign = coefficient < 0 ? (index == 0 ? "−" : " − ") : (index == 0 ? "" : " + ")
                text += sign + String(format: "%.4f", abs(coefficient)) + "·" + factor
            }
            return text + (constant < 0 ? " − " : " + ") + String(format: "%.4f", abs(constant))
        }
        let (z1, a1, z2, a2) = (pass.z1, pass.a1, pass.z2, pass.a2)
        let W1 = network.W1, b1 = network.b1, W2 = network.W2, b2 = network.b2
        var lines = [style.bold("A 2-2-1 network by hand") + ", one example: x = (1, 2), t = 1;",
                     "W¹ = [[0.5, −0.4], [0.3, 0.8]], b¹ = (0.1, −0.2), W² = [1.2, −0.7], b² = 0.3.", ""]
        lines.append("Forward:")
        for i in 0 ..< 2 {
            lines.append("  z¹\(sub(i)) = \(sum([(W1[i, 0], "1"), (W1[i, 1], "2")], plus: b1[i, 0])) = \(f(z1[i, 0]))"
                + "      a¹\(sub(i)) = σ(z¹\(sub(i))) = \(f(a1[i, 0]))")
        }
        lines.append("  z² = \(sum([(W2[0, 0], f(a1[0, 0])), (W2[0, 1], f(a1[1, 0]))], plus: b2[0, 0])) = \(f(z2[0, 0]))"
            + "      ŷ = σ(z²) = \(f(a2[0, 0]))")
        let loss = ReferenceNetwork.loss(network, x, t)
        lines.append("  ℓ = ½(ŷ − t)² = ½·\(p(a2[0, 0] - 1))² = \(f(loss))")
        lines.append("")
        lines.append("Backward:")
        lines.append("  δ² = (ŷ − t)·ŷ(1 − ŷ) = \(p(a2[0, 0] - 1))·\(f(a2[0, 0] * (1 - a2[0, 0]))) = \(f(delta2[0, 0]))")
        for i in 0 ..< 2 {
            lines.append("  δ¹\(sub(i)) = W²\(sub(i))·δ²·a¹\(sub(i))(1 − a¹\(sub(i))) = \(p(W2[0, i]))·\(p(delta2[0, 0]))·"
                + "\(f(a1[i, 0] * (1 - a1[i, 0]))) = \(f(delta1[i, 0]))")
        }
        lines.append("  ∂ℓ/∂W² = δ²·(a¹)ᵀ = (\(f(gradients.dW2[0, 0])), \(f(gradients.dW2[0, 1])))      ∂ℓ/∂b² = δ² = "
            + f(gradients.dB2[0, 0]))
        lines.append("  ∂ℓ/∂W¹ = δ¹·xᵀ = [[\(f(gradients.dW1[0, 0])), \(f(gradients.dW1[0, 1]))], "
            + "[\(f(gradients.dW1[1, 0])), \(f(gradients.dW1[1, 1]))]]      ∂ℓ/∂b¹ = δ¹ = "
            + "(\(f(gradients.dB1[0, 0])), \(f(gradients.dB1[1, 0])))")
        lines.append("")
        // One entry, numerically: W¹₁₂ (row 1, column 2) moved by ±h.
        let h = 1e-5
        func lossWith(_ delta: Double) -> Double {
            var moved = network
            moved.W1[0, 1] += delta
            return ReferenceNetwork.loss(moved, x, t)
        }
        let numeric = (lossWith(h) - lossWith(-h)) / (2 * h)
        lines.append("Checked: (ℓ(W¹₁₂ + h) − ℓ(W¹₁₂ − h)) / 2h with h = 10⁻⁵ is \(decimals(numeric, 8)); "
            + "backprop gives \(decimals(gradients.dW1[0, 1], 8)).")
        return lines.joined(separator: "\n")
    }

    private static func sub(_ index: Int) -> String { ["₁", "₂"][index] }

    /// `value` with `places` decimals and a true minus sign.
    private static func decimals(_ value: Double, _ places: Int) -> String {
        String(format: "%.\(places)f", value).replacingOccurrences(of: "-", with: "−")
    }
}
