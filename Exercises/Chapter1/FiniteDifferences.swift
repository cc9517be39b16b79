// Exercise 1.1: estimate a derivative from values of the function alone.

import WorkbookCore

// listing: finite-differences-stub
/// The forward difference: an estimate of f′(x) from the values of f at x and
/// at x + h. Its error shrinks like h.
public func forwardDifference(_ f: (Double) -> Double, at x: Double, step h: Double) -> Double {
    // TODO(1.1): Return the slope of f between x and x + h. Then delete the next line.
    notStarted("1.1", returning: 0)
}

/// The central difference: an estimate of f′(x) from the values of f at x − h
/// and at x + h. Its error shrinks like h².
public func centralDifference(_ f: (Double) -> Double, at x: Double, step h: Double) -> Double {
    // TODO(1.1): Return the slope of f between x − h and x + h. Then delete the next line.
    notStarted("1.1", returning: 0)
}
// end listing
