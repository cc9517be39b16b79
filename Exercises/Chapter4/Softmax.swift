// Exercise 4.6 (going further): a softmax output with the cross-entropy cost.

import Foundation
import WorkbookCore

// listing: softmax-stub
/// ŷ = softmax(z) of each row (one example's outputs), written into `yHat`, with
/// no overflow or NaN however large or small the entries of z are.
public func softmaxRows(_ z: Matrix, into yHat: inout Matrix) {
    precondition(yHat.shape == z.shape, "softmax keeps the shape")
    // TODO(4.6): Compute the softmax of each row, safely for any z. Then delete the next line.
    notStarted("4.6")
}

/// δ², written into `delta`: for each row (example), the gradient of its
/// cross-entropy −Σₖ tₖ log softmax(z)ₖ with respect to z, when t is one-hot.
public func crossEntropyDelta(_ yHat: Matrix, _ t: Matrix, into delta: inout Matrix) {
    // TODO(4.6): Compute δ² from ŷ and t. Then delete the next line.
    notStarted("4.6")
}
// end listing
