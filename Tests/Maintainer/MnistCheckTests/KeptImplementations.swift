// Implementations kept beside the tests, never in Exercises/: classic wrong
// answers each Chapter 4 check must catch, and right answers written
// differently from the reference, which each check must accept.

import Chapter4
import Datasets
import Foundation
import WorkbookCore

enum Kept {
    // MARK: 4.1

    /// Wrong: t not cleared between batches.
    static func fillWithoutClearing(_ x: inout Matrix, _ t: inout Matrix, _ split: MNIST.Split, _ examples: ArraySlice<Int>) {
        for (row, example) in examples.enumerated() {
            for pixel in 0 ..< split.imageSize { x[row, pixel] = Double(split.pixels[example * split.imageSize + pixel]) / 255 }
            t[row, Int(split.labels[example])] = 1
        }
    }

    /// Wrong: pixels divided by 256.
    static func fillBy256(_ x: inout Matrix, _ t: inout Matrix, _ split: MNIST.Split, _ examples: ArraySlice<Int>) {
        fillByRows(&x, &t, split, examples)
        x.scale(by: 255.0 / 256)
    }

    /// Wrong: the pixels as they are, 0 to 255.
    static func fillUnscaled(_ x: inout Matrix, _ t: inout Matrix, _ split: MNIST.Split, _ examples: ArraySlice<Int>) {
        fillByRows(&x, &t, split, examples)
        x.scale(by: 255)
    }

    /// Wrong: integer division of the UInt8 pixel.
    static func fillIntegerDivision(_ x: inout Matrix, _ t: inout Matrix, _ split: MNIST.Split,
                                    _ examples: ArraySlice<Int>) {
        t.setZero()
        for (row, example) in examples.enumerated() {
            for pixel in 0 ..< split.imageSize { x[row, pixel] = Double(split.pixels[example * split.imageSize + pixel] / 255) }
            t[row, Int(split.labels[example])] = 1
        }
    }

    /// Wrong: only the nonzero pixels written, so x keeps the last batch's values elsewhere.
    static func fillSkippingZeros(_ x: inout Matrix, _ t: inout Matrix, _ split: MNIST.Split,
                                  _ examples: ArraySlice<Int>) {
        t.setZero()
        for (row, example) in examples.enumerated() {
            for pixel in 0 ..< split.imageSize where split.pixels[example * split.imageSize + pixel] != 0 {
                x[row, pixel] = Double(split.pixels[example * split.imageSize + pixel]) / 255
            }
            t[row, Int(split.labels[example])] = 1
        }
    }

    /// Right, written differently: a whole row at a time.
    static func fillByRows(_ x: inout Matrix, _ t: inout Matrix, _ split: MNIST.Split, _ examples: ArraySlice<Int>) {
        t = Matrix(rows: t.rows, columns: 10)
        for (row, example) in examples.enumerated() {
            let image = split.pixels[(example * split.imageSize) ..< ((example + 1) * split.imageSize)]
            x.elements.replaceSubrange((row * split.imageSize) ..< ((row + 1) * split.imageSize),
                                       with: image.map { Double($0) / 255.0 })
            t[row, Int(split.labels[example])] = 1
        }
    }

    // MARK: 4.2

    /// Wrong: b¹ added to the first example (row) only.
    static func forwardBiasOnFirstRow(_ network: Network, _ x: Matrix, _ workspace: inout Workspace) {
        workspace.z1 = x * network.W1.transposed
        for column in 0 ..< workspace.z1.columns { workspace.z1[0, column] += network.b1.elements[column] }
        workspace.a1 = sigmoid(workspace.z1)
        workspace.z2 = workspace.a1 * network.W2.transposed
        workspace.z2.addToEachRow(network.b2)
        workspace.a2 = sigmoid(workspace.z2)
    }

    /// Wrong: the products added to what the workspace held.
    static func forwardAccumulating(_ network: Network, _ x: Matrix, _ workspace: inout Workspace) {
        Matrix.multiply(x, transposing: network.W1, into: &workspace.z1, accumulate: true)
        workspace.z1.addToEachRow(network.b1)
        workspace.a1.assign(workspace.z1) { 1 / (1 + exp(-$0)) }
        Matrix.multiply(workspace.a1, transposing: network.W2, into: &workspace.z2, accumulate: true)
        workspace.z2.addToEachRow(network.b2)
        workspace.a2.assign(workspace.z2) { 1 / (1 + exp(-$0)) }
    }

    /// Wrong: biases forgotten.
    static func forwardWithoutBias(_ network: Network, _ x: Matrix, _ workspace: inout Workspace) {
        workspace.z1 = x * network.W1.transposed
        workspace.a1 = sigmoid(workspace.z1)
        workspace.z2 = workspace.a1 * network.W2.transposed
        workspace.a2 = sigmoid(workspace.z2)
    }

    /// Right, written differently: through Chapter 2's column layout and back.
    static func forwardThroughColumns(_ network: Network, _ x: Matrix, _ workspace: inout Workspace) {
        let z1 = (network.W1 * x.transposed).addingToEachColumn(network.b1)
        let z2 = (network.W2 * sigmoid(z1)).addingToEachColumn(network.b2)
        (workspace.z1, workspace.a1) = (z1.transposed, sigmoid(z1).transposed)
        (workspace.z2, workspace.a2) = (z2.transposed, sigmoid(z2).transposed)
    }

    // MARK: 4.3

    /// Right, written with the naive products and allocations.
    static func backwardNaive(_ network: Network, _ x: Matrix, _ workspace: inout Workspace) {
        let m = Double(x.rows)
        workspace.delta1 = (workspace.delta2 * network.W2).hadamard(workspace.a1.map { $0 * (1 - $0) })
        workspace.gradients = Gradients(
            dW1: (1 / m) * (workspace.delta1.transposed * x), dB1: (1 / m) * workspace.delta1.transposed.rowSums(),
            dW2: (1 / m) * (workspace.delta2.transposed * workspace.a1), dB2: (1 / m) * workspace.delta2.transposed.rowSums())
    }

    /// Wrong: gradients added onto whatever the workspace held.
    static func backwardAccumulating(_ network: Network, _ x: Matrix, _ workspace: inout Workspace) {
        let before = workspace.gradients
        backwardNaive(network, x, &workspace)
        workspace.gradients.dW1 = workspace.gradients.dW1 + before.dW1
        workspace.gradients.dB1 = workspace.gradients.dB1 + before.dB1
        workspace.gradients.dW2 = workspace.gradients.dW2 + before.dW2
        workspace.gradients.dB2 = workspace.gradients.dB2 + before.dB2
    }

    /// Wrong: only the bias gradients added to what the workspace held.
    static func backwardAccumulatingBiases(_ network: Network, _ x: Matrix, _ workspace: inout Workspace) {
        let before = workspace.gradients
        backwardNaive(network, x, &workspace)
        workspace.gradients.dB1 = workspace.gradients.dB1 + before.dB1
        workspace.gradients.dB2 = workspace.gradients.dB2 + before.dB2
    }

    /// Wrong: not divided by the batch size.
    static func backwardSummed(_ network: Network, _ x: Matrix, _ workspace: inout Workspace) {
        backwardNaive(network, x, &workspace)
        let m = Double(x.rows)
        workspace.gradients.dW1.scale(by: m)
        workspace.gradients.dB1.scale(by: m)
        workspace.gradients.dW2.scale(by: m)
        workspace.gradients.dB2.scale(by: m)
    }

    // MARK: 4.4

    /// Wrong: no shuffling.
    static func epochInOrder(_ network: inout Network, _ examples: [Int], _ split: MNIST.Split, _ x: inout Matrix,
                             _ t: inout Matrix, _ generator: inout SplitMix64,
                             _ step: (inout Network, Matrix, Matrix) -> Double) -> Double {
        var total = 0.0, batches = 0
        for start in stride(from: 0, through: examples.count - x.rows, by: x.rows) {
            fillByRows(&x, &t, split, examples[start ..< start + x.rows])
            total += step(&network, x, t)
            batches += 1
        }
        return total / Double(batches)
    }

    /// Wrong: the last full batch is skipped when the batch size divides the examples.
    static func epochSkippingLastBatch(_ network: inout Network, _ examples: [Int], _ split: MNIST.Split,
                                       _ x: inout Matrix, _ t: inout Matrix, _ generator: inout SplitMix64,
                                       _ step: (inout Network, Matrix, Matrix) -> Double) -> Double {
        let order = examples.shuffled(using: &generator)
        var total = 0.0, batches = 0
        for start in stride(from: 0, to: order.count - x.rows, by: x.rows) {
            fillByRows(&x, &t, split, order[start ..< start + x.rows])
            total += step(&network, x, t)
            batches += 1
        }
        return total / Double(batches)
    }

    /// Wrong: shuffles with a copy of the generator, so every epoch has the same order.
    static func epochShufflingACopy(_ network: inout Network, _ examples: [Int], _ split: MNIST.Split,
                                    _ x: inout Matrix, _ t: inout Matrix, _ generator: inout SplitMix64,
                                    _ step: (inout Network, Matrix, Matrix) -> Double) -> Double {
        var copy = generator
        let order = examples.shuffled(using: &copy)
        var total = 0.0, batches = 0
        for start in stride(from: 0, through: order.count - x.rows, by: x.rows) {
            fillByRows(&x, &t, split, order[start ..< start + x.rows])
            total += step(&network, x, t)
            batches += 1
        }
        return total / Double(batches)
    }

    /// Wrong: the total loss divided by the number of examples, not of batches.
    static func epochMeanOverExamples(_ network: inout Network, _ examples: [Int], _ split: MNIST.Split,
                                      _ x: inout Matrix, _ t: inout Matrix, _ generator: inout SplitMix64,
                                      _ step: (inout Network, Matrix, Matrix) -> Double) -> Double {
        let order = examples.shuffled(using: &generator)
        var total = 0.0
        for start in stride(from: 0, through: order.count - x.rows, by: x.rows) {
            fillByRows(&x, &t, split, order[start ..< start + x.rows])
            total += step(&network, x, t)
        }
        return total / Double(examples.count)
    }

    /// Right, written differently: a Fisher–Yates shuffle by hand, and a while loop.
    static func epochHandShuffled(_ network: inout Network, _ examples: [Int], _ split: MNIST.Split, _ x: inout Matrix,
                                  _ t: inout Matrix, _ generator: inout SplitMix64,
                                  _ step: (inout Network, Matrix, Matrix) -> Double) -> Double {
        var order = examples
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, generator.integer(in: 0 ... i)) }
        var losses = [Double]()
        var start = 0
        while start + x.rows <= order.count {
            fillByRows(&x, &t, split, order[start ..< start + x.rows])
            losses.append(step(&network, x, t))
            start += x.rows
        }
        return losses.reduce(0, +) / Double(losses.count)
    }

    // MARK: 4.5

    /// Right, written differently: counts in one flat array, then split into rows.
    static func confusion(_ predicted: [Int], _ actual: [Int]) -> [[Int]] {
        var flat = Array(repeating: 0, count: 100)
        for (guess, truth) in zip(predicted, actual) { flat[10 * truth + guess] += 1 }
        return (0 ..< 10).map { Array(flat[(10 * $0) ..< (10 * $0 + 10)]) }
    }

    /// Wrong: the search for the largest output starts from 0, so an all-negative row predicts 0.
    static func argmaxFromZero(_ outputs: Matrix) -> [Int] {
        (0 ..< outputs.rows).map { row in
            var best = 0, largest = 0.0
            for column in 0 ..< outputs.columns where outputs[row, column] > largest {
                best = column
                largest = outputs[row, column]
            }
            return best
        }
    }

    /// Wrong: the confusion matrix with predicted digits as rows.
    static func confusionTransposed(_ predicted: [Int], _ actual: [Int]) -> [[Int]] {
        var counts = Array(repeating: Array(repeating: 0, count: 10), count: 10)
        for (guess, truth) in zip(predicted, actual) { counts[guess][truth] += 1 }
        return counts
    }

    static func argmax(_ outputs: Matrix) -> [Int] {
        (0 ..< outputs.rows).map { row in (0 ..< outputs.columns).max { outputs[row, $0] < outputs[row, $1] }! }
    }

    // MARK: 4.6

    /// Wrong: e^z without subtracting the row's largest entry.
    static func softmaxUnstable(_ z: Matrix, _ yHat: inout Matrix) {
        for row in 0 ..< z.rows {
            let total = (0 ..< z.columns).reduce(0.0) { $0 + exp(z[row, $1]) }
            for column in 0 ..< z.columns { yHat[row, column] = exp(z[row, column]) / total }
        }
    }

    /// Wrong: the largest entry of the whole batch subtracted, not each row's own.
    static func softmaxGlobalShift(_ z: Matrix, _ yHat: inout Matrix) {
        let largest = z.elements.max()!
        for row in 0 ..< z.rows {
            let total = (0 ..< z.columns).reduce(0.0) { $0 + exp(z[row, $1] - largest) }
            for column in 0 ..< z.columns { yHat[row, column] = exp(z[row, column] - largest) / total }
        }
    }

    /// Wrong: each column normalised instead of each row.
    static func softmaxOverColumns(_ z: Matrix, _ yHat: inout Matrix) {
        for column in 0 ..< z.columns {
            let largest = (0 ..< z.rows).map { z[$0, column] }.max()!
            let total = (0 ..< z.rows).reduce(0.0) { $0 + exp(z[$1, column] - largest) }
            for row in 0 ..< z.rows { yHat[row, column] = exp(z[row, column] - largest) / total }
        }
    }

    /// Right, written differently: log-sum-exp.
    static func softmaxLogSumExp(_ z: Matrix, _ yHat: inout Matrix) {
        for row in 0 ..< z.rows {
            let largest = (0 ..< z.columns).map { z[row, $0] }.max()!
            let logTotal = largest + log((0 ..< z.columns).reduce(0.0) { $0 + exp(z[row, $1] - largest) })
            for column in 0 ..< z.columns { yHat[row, column] = exp(z[row, column] - logTotal) }
        }
    }

    static func delta(_ yHat: Matrix, _ t: Matrix, _ delta: inout Matrix) { delta = yHat - t }

    // MARK: 4.7

    /// Right: a penalty the gradient mistakes below are paired with (kept here, so that a run on the
    /// stubs checks them too).
    static func penalty(_ network: Network, _ lambda: Double, _ n: Int) -> Double {
        lambda / (2 * Double(n)) * (network.W1.elements + network.W2.elements).reduce(0) { $0 + $1 * $1 }
    }

    /// Wrong: the biases penalised too.
    static func penaltyWithBiases(_ network: Network, _ lambda: Double, _ n: Int) -> Double {
        let all = [network.W1, network.b1, network.W2, network.b2].flatMap(\.elements)
        return lambda / (2 * Double(n)) * all.reduce(0) { $0 + $1 * $1 }
    }

    /// Wrong: (λ/n) Σ w², the ½ left out.
    static func penaltyWithoutHalf(_ network: Network, _ lambda: Double, _ n: Int) -> Double {
        2 * penalty(network, lambda, n)
    }

    /// Right: a gradient the penalty mistakes above are paired with.
    static func decay(_ gradients: inout Gradients, _ network: Network, _ lambda: Double, _ n: Int) {
        gradients.dW1 = gradients.dW1 + (lambda / Double(n)) * network.W1
        gradients.dW2 = gradients.dW2 + (lambda / Double(n)) * network.W2
    }

    /// Wrong: (2λ/n) w, the derivative of w² without the ½.
    static func decayDoubled(_ gradients: inout Gradients, _ network: Network, _ lambda: Double, _ n: Int) {
        gradients.dW1 = gradients.dW1 + (2 * lambda / Double(n)) * network.W1
        gradients.dW2 = gradients.dW2 + (2 * lambda / Double(n)) * network.W2
    }

    /// Wrong: the biases decayed too.
    static func decayBiases(_ gradients: inout Gradients, _ network: Network, _ lambda: Double, _ n: Int) {
        decay(&gradients, network, lambda, n)
        gradients.dB1 = gradients.dB1 + (lambda / Double(n)) * network.b1
        gradients.dB2 = gradients.dB2 + (lambda / Double(n)) * network.b2
    }

    /// Right, written differently: weight by weight, in place.
    static func decayEntryByEntry(_ gradients: inout Gradients, _ network: Network, _ lambda: Double, _ n: Int) {
        for index in gradients.dW1.elements.indices {
            gradients.dW1.elements[index] += lambda * network.W1.elements[index] / Double(n)
        }
        for index in gradients.dW2.elements.indices {
            gradients.dW2.elements[index] += lambda * network.W2.elements[index] / Double(n)
        }
    }
}
