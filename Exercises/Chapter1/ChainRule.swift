// Exercise 1.2: the derivative of a chain of functions, by the chain rule.

import WorkbookCore

// listing: chain-derivative-stub
/// The derivative of h(g(f(x))) (for `functions` = [f, g, h]) at `x`.
///
/// A forward pass records the input of every function; the derivative is the
/// product of each function's derivative at its own input:
/// f′(x) · g′(f(x)) · h′(g(f(x))).
public func chainDerivative(of functions: [ScalarFunction], at x: Double) -> Double {
    // TODO(1.2): Run the functions forward, keeping each one's input, then multiply
    // the derivatives, each at its own input. Then delete the next line.
    notStarted("1.2", returning: 0)
}
// end listing
