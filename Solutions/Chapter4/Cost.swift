// The two costs of Chapter 4: the quadratic cost of Chapter 2, and cross-entropy
// with a softmax output (Exercise 4.6).

import Foundation
import WorkbookCore

/// What the network is trained to minimise, and the output layer that goes with it.
public enum Cost: String, CaseIterable, Sendable {
    /// ½‖ŷ − t‖² with a sigmoid output, as in Chapter 2.
    case quadratic
    /// −Σₖ tₖ log ŷₖ with a softmax output (Exercise 4.6).
    case crossEntropy = "cross-entropy"

    /// Finishes the forward pass in `workspace` (a softmax output for cross-entropy),
    /// sets its δ², and returns the batch's mean loss. `t` is m×outputs, one-hot.
    public func finishForward(_ workspace: inout Workspace, targets t: Matrix) -> Double {
        let m = Double(t.rows)
        switch self {
        case .quadratic:
            // δ² = (ŷ − t) ⊙ σ′(z²), with σ′(z²) = ŷ(1 − ŷ) from the forward pass.
            workspace.delta2.assign(workspace.a2) { $0 }
            workspace.delta2.combine(with: t) { y, target in (y - target) * y * (1 - y) }
            let squaredError = zip(workspace.a2.elements, t.elements).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            return 0.5 * squaredError / m
        case .crossEntropy:
            softmaxRows(workspace.z2, into: &workspace.a2)
            crossEntropyDelta(workspace.a2, t, into: &workspace.delta2)
            // The tiny floor keeps log finite if a probability underflows to 0.
            let logLikelihood = zip(workspace.a2.elements, t.elements).reduce(0) { $0 + $1.1 * log(max($1.0, 1e-300)) }
            return -logLikelihood / m
        }
    }
}
