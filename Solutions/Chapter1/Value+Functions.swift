// Exercise 1.4: the backward rules of pow, exp, tanh and sigmoid.

import Foundation
import WorkbookCore

// listing: value-functions
extension Value {
    /// This value raised to a constant power.
    public func pow(_ exponent: Double) -> Value {
        Value(Foundation.pow(data, exponent), children: [self], operation: "^\(formatNumber(exponent))") { out in
            self.grad += exponent * Foundation.pow(self.data, exponent - 1) * out.grad
        }
    }

    /// e raised to this value.
    public func exp() -> Value {
        Value(Foundation.exp(data), children: [self], operation: "exp") { out in
            self.grad += out.data * out.grad  // d/dx eˣ = eˣ, which the forward pass already computed.
        }
    }

    /// The hyperbolic tangent of this value.
    public func tanh() -> Value {
        Value(Foundation.tanh(data), children: [self], operation: "tanh") { out in
            self.grad += (1 - out.data * out.data) * out.grad
        }
    }

    /// The logistic sigmoid σ(x) = 1 / (1 + e⁻ˣ) of this value.
    public func sigmoid() -> Value {
        Value(1 / (1 + Foundation.exp(-data)), children: [self], operation: "σ") { out in
            self.grad += out.data * (1 - out.data) * out.grad  // σ′(x) = σ(x)(1 − σ(x)), and out.data is σ(x).
        }
    }
}
// end listing
