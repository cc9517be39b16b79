// Exercise 2.7: a hidden layer of tanh units instead of sigmoids.

import WorkbookCore

/// δ¹ of a tanh hidden layer: ((W²)ᵀδ²) ⊙ tanh′(z¹), where tanh′(z) = 1 − tanh²(z) = 1 − (a¹)².
public func tanhHiddenDelta(_ delta2: Matrix, _ network: Network, _ pass: ForwardPass) -> Matrix {
    (network.W2.transposed * delta2).hadamard(pass.a1.map { 1 - $0 * $0 })
}
