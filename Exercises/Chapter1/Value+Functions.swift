// Exercise 1.4: the backward rules of pow, exp, tanh and sigmoid.

import Foundation
import WorkbookCore

// listing: value-functions-stub
extension Value {
    /// This value raised to a constant power.
    public func pow(_ exponent: Double) -> Value {
        Value(Foundation.pow(data, exponent), children: [self], operation: "^\(formatNumber(exponent))") { out in
            // TODO(1.4): Add d(xⁿ)/dx · out.grad to self.grad.
            notStarted("1.4")
        }
    }

    /// e raised to this value.
    public func exp() -> Value {
        Value(Foundation.exp(data), children: [self], operation: "exp") { out in
            // TODO(1.4): Add d(eˣ)/dx · out.grad to self.grad.
            notStarted("1.4")
        }
    }

    /// The hyperbolic tangent of this value.
    public func tanh() -> Value {
        Value(Foundation.tanh(data), children: [self], operation: "tanh") { out in
            // TODO(1.4): Add d(tanh x)/dx · out.grad to self.grad.
            notStarted("1.4")
        }
    }

    /// The logistic sigmoid σ(x) = 1 / (1 + e⁻ˣ) of this value.
    public func sigmoid() -> Value {
        Value(1 / (1 + Foundation.exp(-data)), children: [self], operation: "σ") { out in
            // TODO(1.4): Add σ′(x) · out.grad to self.grad.
            notStarted("1.4")
        }
    }
}
// end listing
