import Foundation

/// The logistic sigmoid σ(z) = 1 / (1 + e⁻ᶻ) of every entry.
public func sigmoid(_ z: Matrix) -> Matrix {
    z.map { 1 / (1 + exp(-$0)) }
}

/// The sigmoid's derivative σ′(z) = σ(z)(1 − σ(z)) of every entry.
///
/// Its argument is z, the sigmoid's *input*. Passing σ(z) instead, a classic
/// mistake, computes σ′(σ(z)), which runs and is wrong.
public func sigmoidPrime(_ z: Matrix) -> Matrix {
    z.map { value in
        let s = 1 / (1 + exp(-value))
        return s * (1 - s)
    }
}

/// The logistic sigmoid σ(z) = 1 / (1 + e⁻ᶻ) of one number.
@inlinable
public func sigmoid(_ z: Double) -> Double {
    1 / (1 + exp(-z))
}
