// Implementations kept beside the tests, never in Exercises/: classic wrong
// answers each Chapter 2 check must catch, and right answers written
// differently from the reference, which each check must accept.

import Chapter2
import Foundation
import WorkbookCore

enum Kept {
    // MARK: 2.1

    /// Wrong: no biases.
    static func forwardWithoutBias(_ network: Network, _ x: Matrix) -> ForwardPass {
        let z1 = network.W1 * x
        let a1 = sigmoid(z1)
        let z2 = network.W2 * a1
        return ForwardPass(z1: z1, a1: a1, z2: z2, a2: sigmoid(z2))
    }

    /// Wrong: b¹ added to the first example only.
    static func forwardBiasOnFirstColumn(_ network: Network, _ x: Matrix) -> ForwardPass {
        var z1 = network.W1 * x
        for row in 0 ..< z1.rows { z1[row, 0] += network.b1[row, 0] }
        let a1 = sigmoid(z1)
        let z2 = (network.W2 * a1).addingToEachColumn(network.b2)
        return ForwardPass(z1: z1, a1: a1, z2: z2, a2: sigmoid(z2))
    }

    /// Wrong: only the first example is computed (the code of a batch of one).
    static func forwardFirstExampleOnly(_ network: Network, _ x: Matrix) -> ForwardPass {
        var first = Matrix(rows: x.rows, columns: 1)
        for row in 0 ..< x.rows { first[row, 0] = x[row, 0] }
        let z1 = (network.W1 * first + network.b1).addingToEachColumn(Matrix(rows: network.b1.rows, columns: 1))
        var wide = Matrix(rows: z1.rows, columns: x.columns)
        for row in 0 ..< z1.rows { wide[row, 0] = z1[row, 0] }
        let a1 = sigmoid(wide)
        let z2 = (network.W2 * a1).addingToEachColumn(network.b2)
        return ForwardPass(z1: wide, a1: a1, z2: z2, a2: sigmoid(z2))
    }

    /// Right, written differently: through transposes, one row per example.
    static func forwardByRows(_ network: Network, _ x: Matrix) -> ForwardPass {
        let z1 = (x.transposed * network.W1.transposed).transposed.addingToEachColumn(network.b1)
        let a1 = z1.map { 0.5 * (1 + tanh($0 / 2)) }  // σ(z) = (1 + tanh(z/2)) / 2.
        let z2 = (a1.transposed * network.W2.transposed).transposed.addingToEachColumn(network.b2)
        return ForwardPass(z1: z1, a1: a1, z2: z2, a2: z2.map { 0.5 * (1 + tanh($0 / 2)) })
    }

    // MARK: 2.2

    /// Wrong: summed over the batch instead of averaged.
    static func lossSummed(_ yHat: Matrix, _ t: Matrix) -> Double {
        0.5 * (yHat - t).elements.reduce(0) { $0 + $1 * $1 }
    }

    /// Wrong: the mean over the outputs (the rows) instead of the examples.
    static func lossOverOutputs(_ yHat: Matrix, _ t: Matrix) -> Double {
        0.5 * (yHat - t).elements.reduce(0) { $0 + $1 * $1 } / Double(yHat.rows)
    }

    /// Wrong: the ½ left out.
    static func lossWithoutHalf(_ yHat: Matrix, _ t: Matrix) -> Double {
        (yHat - t).elements.reduce(0) { $0 + $1 * $1 } / Double(yHat.columns)
    }

    /// Right, written differently: the norm of each example's error, one column at a time.
    static func lossByColumns(_ yHat: Matrix, _ t: Matrix) -> Double {
        var total = 0.0
        for column in 0 ..< yHat.columns {
            let squaredNorm = (0 ..< yHat.rows).map { pow(yHat[$0, column] - t[$0, column], 2) }.reduce(0, +)
            total += squaredNorm / 2
        }
        return total / Double(yHat.columns)
    }

    // MARK: 2.3

    /// Wrong: σ′ applied to ŷ = σ(z²) instead of z².
    static func outputDeltaOfActivation(_ pass: ForwardPass, _ t: Matrix) -> Matrix {
        (pass.a2 - t).hadamard(sigmoidPrime(pass.a2))
    }

    /// Right, written differently: σ′(z²) as ŷ(1 − ŷ), reusing the forward pass.
    static func outputDeltaFromActivation(_ pass: ForwardPass, _ t: Matrix) -> Matrix {
        (pass.a2 - t).hadamard(pass.a2.map { $0 * (1 - $0) })
    }

    /// Wrong: σ itself where its derivative belongs.
    static func outputDeltaWithSigmoid(_ pass: ForwardPass, _ t: Matrix) -> Matrix {
        (pass.a2 - t).hadamard(sigmoid(pass.z2))
    }

    // MARK: 2.4

    /// Wrong: z(1 − z) for σ′(z).
    static func hiddenDeltaZTimesOneMinusZ(_ delta2: Matrix, _ network: Network, _ pass: ForwardPass) -> Matrix {
        (network.W2.transposed * delta2).hadamard(pass.z1.map { $0 * (1 - $0) })
    }

    /// Wrong: the factor σ′(z¹) forgotten.
    static func hiddenDeltaWithoutSigmoidPrime(_ delta2: Matrix, _ network: Network, _ pass: ForwardPass) -> Matrix {
        network.W2.transposed * delta2
    }

    /// Right, written differently: (δ²ᵀW²)ᵀ, with σ′ from a¹.
    static func hiddenDeltaByRows(_ delta2: Matrix, _ network: Network, _ pass: ForwardPass) -> Matrix {
        (delta2.transposed * network.W2).transposed.hadamard(pass.a1.map { $0 * (1 - $0) })
    }

    // MARK: 2.5

    static func gradients(_ delta1: Matrix, _ delta2: Matrix, _ x: Matrix, _ pass: ForwardPass,
                          dW2: Matrix? = nil, dB2: Matrix? = nil, scale: Double? = nil) -> Gradients {
        let m = scale ?? 1 / Double(x.columns)
        return Gradients(dW1: m * (delta1 * x.transposed), dB1: m * delta1.rowSums(),
                         dW2: dW2 ?? m * (delta2 * pass.a1.transposed), dB2: dB2 ?? m * delta2.rowSums())
    }

    /// Wrong: the bias gradient not summed over the batch.
    static func biasNotSummed(_ delta1: Matrix, _ delta2: Matrix, _ x: Matrix, _ pass: ForwardPass) -> Gradients {
        gradients(delta1, delta2, x, pass, dB2: (1 / Double(x.columns)) * delta2)
    }

    /// Wrong: dW2 transposed.
    static func transposedWeights(_ delta1: Matrix, _ delta2: Matrix, _ x: Matrix, _ pass: ForwardPass) -> Gradients {
        gradients(delta1, delta2, x, pass, dW2: (1 / Double(x.columns)) * (pass.a1 * delta2.transposed))
    }

    /// Wrong: summed over the batch, not averaged.
    static func notAveraged(_ delta1: Matrix, _ delta2: Matrix, _ x: Matrix, _ pass: ForwardPass) -> Gradients {
        gradients(delta1, delta2, x, pass, scale: 1)
    }

    /// Wrong: δ² summed along the wrong axis, over the output units for each example.
    static func biasWrongAxis(_ delta1: Matrix, _ delta2: Matrix, _ x: Matrix, _ pass: ForwardPass) -> Gradients {
        gradients(delta1, delta2, x, pass, dB2: (1 / Double(x.columns)) * delta2.transposed.rowSums().transposed)
    }

    /// Right, written differently: a sum of one outer product per example.
    static func byExample(_ delta1: Matrix, _ delta2: Matrix, _ x: Matrix, _ pass: ForwardPass) -> Gradients {
        func column(_ matrix: Matrix, _ j: Int) -> Matrix {
            Matrix(rows: matrix.rows, columns: 1, elements: (0 ..< matrix.rows).map { matrix[$0, j] })
        }
        var result = Gradients(dW1: Matrix(rows: delta1.rows, columns: x.rows), dB1: Matrix(rows: delta1.rows, columns: 1),
                               dW2: Matrix(rows: delta2.rows, columns: delta1.rows),
                               dB2: Matrix(rows: delta2.rows, columns: 1))
        let m = Double(x.columns)
        for j in 0 ..< x.columns {
            result.dW1 = result.dW1 + (1 / m) * (column(delta1, j) * column(x, j).transposed)
            result.dB1 = result.dB1 + (1 / m) * column(delta1, j)
            result.dW2 = result.dW2 + (1 / m) * (column(delta2, j) * column(pass.a1, j).transposed)
            result.dB2 = result.dB2 + (1 / m) * column(delta2, j)
        }
        return result
    }

    // MARK: 2.6

    /// Wrong: a step up the gradient.
    static func ascend(_ network: inout Network, _ gradients: Gradients, _ eta: Double) {
        network.W1 = network.W1 + eta * gradients.dW1
        network.b1 = network.b1 + eta * gradients.dB1
        network.W2 = network.W2 + eta * gradients.dW2
        network.b2 = network.b2 + eta * gradients.dB2
    }

    /// Wrong: a fixed learning rate of 0.1, whatever η is passed.
    static func descendWithFixedRate(_ network: inout Network, _ gradients: Gradients, _ eta: Double) {
        network.W1 = network.W1 - 0.1 * gradients.dW1
        network.b1 = network.b1 - 0.1 * gradients.dB1
        network.W2 = network.W2 - 0.1 * gradients.dW2
        network.b2 = network.b2 - 0.1 * gradients.dB2
    }

    /// Right, written differently: entry by entry.
    static func descendByEntries(_ network: inout Network, _ gradients: Gradients, _ eta: Double) {
        for index in network.W1.elements.indices { network.W1.elements[index] -= eta * gradients.dW1.elements[index] }
        for index in network.b1.elements.indices { network.b1.elements[index] -= eta * gradients.dB1.elements[index] }
        for index in network.W2.elements.indices { network.W2.elements[index] -= eta * gradients.dW2.elements[index] }
        for index in network.b2.elements.indices { network.b2.elements[index] -= eta * gradients.dB2.elements[index] }
    }

    // MARK: 2.7

    /// Wrong: the sigmoid's slope, copied from 2.4.
    static func tanhDeltaWithSigmoidPrime(_ delta2: Matrix, _ network: Network, _ pass: ForwardPass) -> Matrix {
        (network.W2.transposed * delta2).hadamard(sigmoidPrime(pass.z1))
    }

    /// Wrong: 1 − tanh(z), the square forgotten.
    static func tanhDeltaUnsquared(_ delta2: Matrix, _ network: Network, _ pass: ForwardPass) -> Matrix {
        (network.W2.transposed * delta2).hadamard(pass.a1.map { 1 - $0 })
    }

    /// Wrong: tanh′ taken at a¹ instead of z¹.
    static func tanhDeltaAtActivation(_ delta2: Matrix, _ network: Network, _ pass: ForwardPass) -> Matrix {
        (network.W2.transposed * delta2).hadamard(pass.a1.map { 1 - tanh($0) * tanh($0) })
    }

    /// Right, written differently: tanh′(z) = sech²(z) = 1 / cosh²(z), from z¹.
    static func tanhDeltaSech(_ delta2: Matrix, _ network: Network, _ pass: ForwardPass) -> Matrix {
        (network.W2.transposed * delta2).hadamard(pass.z1.map { 1 / (cosh($0) * cosh($0)) })
    }

    // MARK: 2.8

    /// Wrong: the quadratic loss's δ², with σ′ still in it.
    static func crossEntropyDeltaWithSigmoidPrime(_ pass: ForwardPass, _ t: Matrix) -> Matrix {
        (pass.a2 - t).hadamard(sigmoidPrime(pass.z2))
    }

    /// Wrong: t − ŷ, the sign flipped.
    static func crossEntropyDeltaFlipped(_ pass: ForwardPass, _ t: Matrix) -> Matrix { t - pass.a2 }

    /// Wrong where ŷ rounds to 1: ∂ℓ/∂ŷ times σ′(z²), not simplified (∞ · 0 is NaN there).
    static func crossEntropyDeltaUncancelled(_ pass: ForwardPass, _ t: Matrix) -> Matrix {
        let slope = sigmoidPrime(pass.z2)
        var delta = pass.a2
        for index in delta.elements.indices {
            let (y, target) = (pass.a2.elements[index], t.elements[index])
            delta.elements[index] = (-target / y + (1 - target) / (1 - y)) * slope.elements[index]
        }
        return delta
    }
}
