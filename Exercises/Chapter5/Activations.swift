// Exercise 5.1: the activation functions and their slopes.

import Foundation
import WorkbookCore

// listing: activations-stub
extension Activation {
    /// f(z).
    public func value(_ z: Double) -> Double {
        // TODO(5.1): Return sigmoid, tanh, ReLU or the identity of z, by case. Then delete the next line.
        notStarted("5.1", returning: 0)
    }

    /// f′(z), the slope of f at z (at z, not at a = f(z)). ReLU has no slope at 0;
    /// return 0 there, as most libraries do.
    public func derivative(_ z: Double) -> Double {
        // TODO(5.1): Return the slope of each function at z. Then delete the next line.
        notStarted("5.1", returning: 0)
    }
}
// end listing
