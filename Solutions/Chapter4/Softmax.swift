// Exercise 4.6 (going further): a softmax output with the cross-entropy cost.

import Foundation
import WorkbookCore

// listing: softmax
/// ŷ = softmax(z) for each row: ŷₖ = e^{zₖ} / Σᵢ e^{zᵢ}, computed as e^{zₖ − max z}
/// so that no exponential overflows.
public func softmaxRows(_ z: Matrix, into yHat: inout Matrix) {
    precondition(yHat.shape == z.shape, "softmax keeps the shape")
    for row in 0 ..< z.rows {
        var largest = -Double.infinity
        for column in 0 ..< z.columns { largest = max(largest, z[row, column]) }
        var total = 0.0
        for column in 0 ..< z.columns {
            let value = exp(z[row, column] - largest)
            yHat[row, column] = value
            total += value
        }
        for column in 0 ..< z.columns { yHat[row, column] /= total }
    }
}

/// δ² = ŷ − t: the gradient of −Σₖ tₖ log softmax(z)ₖ with respect to z, for
/// each row (example), when t is one-hot.
public func crossEntropyDelta(_ yHat: Matrix, _ t: Matrix, into delta: inout Matrix) {
    delta.assign(yHat) { $0 }
    delta.combine(with: t) { y, target in y - target }
}
// end listing
