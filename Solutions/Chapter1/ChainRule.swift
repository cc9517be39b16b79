// Exercise 1.2: the derivative of a chain of functions, by the chain rule.

import WorkbookCore

// listing: chain-derivative
/// The derivative of h(g(f(x))) (for `functions` = [f, g, h]) at `x`.
///
/// A forward pass records the input of every function; the derivative is the
/// product of each function's derivative at its own input:
/// f′(x) · g′(f(x)) · h′(g(f(x))).
public func chainDerivative(of functions: [ScalarFunction], at x: Double) -> Double {
    var inputs = [Double]()
    var current = x
    for function in functions {
        inputs.append(current)
        current = function.value(current)
    }
    var derivative = 1.0
    for (function, input) in zip(functions, inputs) {
        derivative *= function.derivative(input)
    }
    return derivative
}
// end listing
