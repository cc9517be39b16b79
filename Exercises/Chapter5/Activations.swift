// Exercise 5.1: two new activation functions and their slopes.

import Foundation
import WorkbookCore

// listing: activations-stub
extension Activation {
    /// f(z), right for every Double z, however large |z| is.
    public func value(_ z: Double) -> Double {
        switch self {
        case .sigmoid: return 1 / (1 + exp(-z))
        case .tanh: return Foundation.tanh(z)
        case .relu: return max(0, z)
        case .identity: return z
        case .softplus, .leakyReLU:
            // TODO(5.1): Return softplus(z) = log(1 + eᶻ), in a form that neither overflows nor
            // gives NaN for any z, and leaky ReLU(z). Then delete the next line.
            return notStarted("5.1", returning: 0)
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
        case .softplus, .leakyReLU:
            // TODO(5.1): Derive the slopes of softplus and leaky ReLU, and return them at z, right for
            // every z. Leaky ReLU has a kink at 0, as ReLU does. Then delete the next line.
            return notStarted("5.1", returning: 0)
        }
    }
}
// end listing
