// Exercise 1.2: the derivative of a chain of functions, by the chain rule.

import WorkbookCore

// listing: chain-derivative-stub
/// The derivative of h(g(f(x))) (for `functions` = [f, g, h], any number of them)
/// at `x`, from each function's own `value` and `derivative`.
public func chainDerivative(of functions: [ScalarFunction], at x: Double) -> Double {
    // TODO(1.2): Compute the derivative of the whole chain at x, by the chain rule.
    // Then delete the next line.
    notStarted("1.2", returning: 0)
}
// end listing
