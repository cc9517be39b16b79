// Exercise 4.6 (going further): a softmax output with the cross-entropy cost.

import Foundation
import WorkbookCore

// listing: softmax-stub
/// ŷ = softmax(z) for each row: ŷₖ = e^{zₖ} / Σᵢ e^{zᵢ}, computed as e^{zₖ − max z}
/// so that no exponential overflows.
public func softmaxRows(_ z: Matrix, into yHat: inout Matrix) {
    precondition(yHat.shape == z.shape, "softmax keeps the shape")
    // TODO(4.6): Exponentiate each row's entries less the row's largest, then divide by their sum.
    // Then delete the next line.
    notStarted("4.6")
}

/// δ² = ŷ − t: the gradient of −Σₖ tₖ log softmax(z)ₖ with respect to z, for
/// each row (example), when t is one-hot.
public func crossEntropyDelta(_ yHat: Matrix, _ t: Matrix, into delta: inout Matrix) {
    // TODO(4.6): δ² = ŷ − t. Then delete the next line.
    notStarted("4.6")
}
// end listing
