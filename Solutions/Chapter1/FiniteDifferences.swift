// Exercise 1.1: estimate a derivative from values of the function alone.

import WorkbookCore

// listing: finite-differences
/// The forward difference (f(x + h) − f(x)) / h, whose error shrinks like h.
public func forwardDifference(_ f: (Double) -> Double, at x: Double, step h: Double) -> Double {
    (f(x + h) - f(x)) / h
}

/// The central difference (f(x + h) − f(x − h)) / 2h, whose error shrinks like h².
public func centralDifference(_ f: (Double) -> Double, at x: Double, step h: Double) -> Double {
    (f(x + h) - f(x - h)) / (2 * h)
}
// end listing
