// Exercise 5.1: two new activation functions and their slopes.

import Foundation
import WorkbookCore

// listing: activations
extension Activation {
    /// f(z), right for every Double z, however large |z| is.
    public func value(_ z: Double) -> Double {
        switch self {
        case .sigmoid: return 1 / (1 + exp(-z))
        case .tanh: return Foundation.tanh(z)
        case .relu: return max(0, z)
        case .identity: return z
        case .softplus: return max(0, z) + log1p(exp(-abs(z)))
        case .leakyReLU: return z > 0 ? z : Activation.leak * z
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
        case .relu: return z > 0 ? 1 : 0
        case .identity: return 1
        case .softplus: return Activation.sigmoid.value(z)
        case .leakyReLU: return z > 0 ? 1 : Activation.leak
        }
    }
}
// end listing
