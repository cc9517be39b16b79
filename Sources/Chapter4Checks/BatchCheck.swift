import Chapter2Checks
import Chapter4
import Datasets
import WorkbookCore

/// Exercise 4.1: pixels scaled to 0–1 in the example's row, labels one-hot, and
/// nothing left over from the batch before.
public func checkFillBatch(_ fill: (inout Matrix, inout Matrix, MNIST.Split, ArraySlice<Int>) -> Void,
                           using generator: inout SplitMix64) -> Verdict {
    let split = fakeSplit(count: 12, using: &generator)
    var x = Matrix(rows: 5, columns: split.imageSize), t = Matrix(rows: 5, columns: 10)
    let rounds = (0 ..< 2).map { round in (round, Array((0 ..< split.count).shuffled(using: &generator).prefix(5))[...]) }
    return checkEach(rounds, describe: { "fillBatch for examples \(Array($0.1))" + ($0.0 == 1 ? ", filled a second time" : "") },
                     using: &generator) { round, generator in
        let examples = round.1
        let (xBefore, tBefore) = (x, t)
        let filled = learnerCode { () -> Pair<Matrix, Matrix> in
            var (x, t) = (x, t)
            fill(&x, &t, split, examples)
            return Pair(x, t)
        }
        guard filled.first.shape == x.shape, filled.second.shape == t.shape else {
            return [.failed("fillBatch changed the shape of x or t: they are m×784 and m×10 buffers to fill")]
        }
        (x, t) = (filled.first, filled.second)
        // The pixels (0–255) of the batch's examples, of the first examples of the split, and their one-hot labels.
        func pixels(_ indices: [Int]) -> Matrix {
            Matrix(rows: indices.count, columns: split.imageSize, elements: indices.flatMap { example in
                (0 ..< split.imageSize).map { Double(split.pixels[example * split.imageSize + $0]) }
            })
        }
        func oneHot(_ indices: [Int]) -> Matrix {
            var labels = Matrix(rows: indices.count, columns: 10)
            for (row, example) in indices.enumerated() { labels[row, Int(split.labels[example])] = 1 }
            return labels
        }
        let inOrder = Array(0 ..< examples.count)
        let quantities = Environment(
            quantities: ["the pixels of examples[j]": pixels(Array(examples)), "the pixels of example j": pixels(inOrder),
                         "the x the buffer held": xBefore, "the one-hot labels of examples[j]": oneHot(Array(examples)),
                         "the one-hot labels of example j": oneHot(inOrder), "the t the buffer held": tBefore],
            sizes: ["255": (255, "the largest pixel value"), "m": (Double(examples.count), "the number of examples")])
        let expectedX = pixels(Array(examples)).map { $0 / 255 }
        return [
            .from(GradientCheck.compareValues(name: "x", got: x, expected: expectedX, computation: Computation(
                .quotient(.quantity("the pixels of examples[j]"), .size("255")), in: quantities))),
            .from(GradientCheck.compareValues(name: "t", got: t, expected: oneHot(Array(examples)), computation: Computation(
                .quantity("the one-hot labels of examples[j]"), in: quantities))),
        ]
    }
}
