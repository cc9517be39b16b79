// The output of every Chapter 5 network: a softmax over the last layer's z, with
// the cross-entropy cost. Given code, so that Chapter 5 does not depend on your
// Chapter 4; it is the answer to Exercise 4.6, so do that one first.

import Foundation
import WorkbookCore

/// Turns the last layer's z into probabilities ŷ = softmax(z), row by row, in the
/// last cache's a; sets the last δ = ∂ℓ/∂z = ŷ − t for each example (row); and
/// returns the batch's mean cross-entropy −(1/m) Σⱼ Σₖ tⱼₖ log ŷⱼₖ. The last layer
/// must be an identity layer and `t` (m×outputs) one-hot.
public func softmaxCrossEntropy(_ workspace: inout DeepWorkspace, targets t: Matrix) -> Double {
    let last = workspace.caches.count - 1
    precondition(t.shape == workspace.caches[last].z.shape, "t must be m×outputs, one row per example")
    let z = workspace.caches[last].z
    var loss = 0.0
    for row in 0 ..< z.rows {
        var largest = -Double.infinity
        for column in 0 ..< z.columns { largest = max(largest, z[row, column]) }
        var total = 0.0
        for column in 0 ..< z.columns { total += exp(z[row, column] - largest) }
        for column in 0 ..< z.columns {
            // log ŷ = z − max − log Σ e^(z − max): finite even where ŷ underflows to 0.
            let logProbability = z[row, column] - largest - log(total)
            workspace.caches[last].a[row, column] = exp(logProbability)
            loss -= t[row, column] * logProbability
        }
    }
    workspace.deltas[last].assign(workspace.caches[last].a) { $0 }
    workspace.deltas[last].combine(with: t) { probability, target in probability - target }
    return loss / Double(z.rows)
}
