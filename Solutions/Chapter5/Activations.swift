// Exercise 5.1: the activation functions and their slopes.

import Foundation
import WorkbookCore

// listing: activations
extension Activation {
    /// f(z).
    public func value(_ z: Double) -> Double {
        switch self {
        case .sigmoid: 1 / (1 + exp(-z))
        case .tanh: Foundation.tanh(z)
        case .relu: max(0, z)
        case .identity: z
        }
    }

    /// f′(z), the slope of f at z (at z, not at a = f(z)). ReLU has no slope at 0;
    /// this returns 0 there, as most libraries do.
    public func derivative(_ z: Double) -> Double {
        switch self {
        case .sigmoid:
            let a = value(z)
            return a * (1 - a)
        case .tanh:
            let a = Foundation.tanh(z)
            return 1 - a * a
        case .relu:
            return z > 0 ? 1 : 0
        case .identity:
            return 1
        }
    }
}
// end listing
