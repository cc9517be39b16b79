import Chapter2Checks
import Datasets
import Foundation
import WorkbookCore

/// Exercise 4.4, second part: the learner's `trainEpoch`, stepping the reference
/// network, learns — on 1,000 real MNIST images (at 14×14) when `$MNIST_DIR` holds
/// them, or on generated "digits" (ten noisy prototypes) otherwise — reaching at
/// least 50% on held-out images, where guessing gets 10%. Runs in seconds in a debug build.
func checkConvergence(_ trainEpoch: EpochTrainer, using generator: inout SplitMix64) -> Verdict {
    let (training, test, source) = convergenceData(using: &generator)
    let initial = Network(inputs: training.imageSize, hidden: 16, outputs: 10, scale: 0.5, using: &generator)
    let seed = generator.next()
    // Learner code: the network after three epochs of the learner's trainEpoch with the reference step.
    let network = learnerCode { () -> Network in
        var network = initial
        var x = Matrix(rows: 10, columns: training.imageSize), t = Matrix(rows: 10, columns: 10)
        var seeded = SplitMix64(seed: seed)
        for _ in 0 ..< 3 {
            _ = trainEpoch(&network, Array(0 ..< training.count), training, &x, &t, &seeded) { network, x, t in
                let gradients = ReferenceNetwork.backprop(network, x.transposed, t.transposed)
                ReferenceNetwork.functions.step(&network, gradients, 3.0)
                return ReferenceNetwork.loss(network, x.transposed, t.transposed)
            }
        }
        return network
    }
    guard network.sizes == initial.sizes else {
        return .failed("three epochs of your trainEpoch changed the network's shape")
    }
    var inputs = Matrix(rows: test.imageSize, columns: test.count)
    for example in 0 ..< test.count {
        for pixel in 0 ..< test.imageSize { inputs[pixel, example] = Double(test.pixels[example * test.imageSize + pixel]) / 255 }
    }
    let outputs = ReferenceNetwork.forward(network, inputs).a2
    let correct = (0 ..< test.count).filter { example in
        (0 ..< 10).max { outputs[$0, example] < outputs[$1, example] } == Int(test.labels[example])
    }.count
    let accuracy = Double(correct) / Double(test.count)
    // Guessing gets 10%; a network that learns at all gets far more, whatever the seed.
    let context = "three epochs of your trainEpoch (batches of 10, η = 3) on \(source)"
    return accuracy >= 0.5
        ? .passed("\(context): \(Int((100 * accuracy).rounded()))% of \(test.count) held-out images right")
        : .failed("\(context): only \(Int((100 * accuracy).rounded()))% of \(test.count) held-out images right "
            + "(at least 50% expected, against 10% for guessing); check that every batch is filled from its own examples")
}

/// 1,000 training and 500 test images of MNIST from `$MNIST_DIR`, or generated ones.
private func convergenceData(using generator: inout SplitMix64) -> (MNIST.Split, MNIST.Split, String) {
    if let folder = ProcessInfo.processInfo.environment["MNIST_DIR"],
       let data = try? MNIST.load(from: URL(fileURLWithPath: folder), verify: false) {
        // The first images, averaged over 2×2 pixels to 14×14 so that the debug build stays quick.
        func subset(_ split: MNIST.Split, _ count: Int) -> MNIST.Split {
            let (rows, columns) = (split.rows / 2, split.columns / 2)
            var pixels = [UInt8]()
            pixels.reserveCapacity(count * rows * columns)
            split.pixels.withUnsafeBufferPointer { source in
                for image in 0 ..< count {
                    let base = image * split.imageSize
                    for row in 0 ..< rows {
                        for column in 0 ..< columns {
                            let topLeft = base + 2 * row * split.columns + 2 * column
                            let sum = Int(source[topLeft]) + Int(source[topLeft + 1]) + Int(source[topLeft + split.columns])
                                + Int(source[topLeft + split.columns + 1])
                            pixels.append(UInt8(sum / 4))
                        }
                    }
                }
            }
            return MNIST.Split(pixels: pixels, labels: Array(split.labels[..<count]), rows: rows, columns: columns)
        }
        return (subset(data.training, 1000), subset(data.test, 500), "1,000 MNIST training images at 14×14")
    }
    let prototypes = (0 ..< 10).map { _ in (0 ..< 64).map { _ in generator.uniform(0, 255) } }
    func generated(_ count: Int) -> MNIST.Split {
        var pixels = [UInt8](), labels = [UInt8]()
        for _ in 0 ..< count {
            let digit = generator.integer(in: 0 ... 9)
            labels.append(UInt8(digit))
            pixels += prototypes[digit].map { UInt8(min(max($0 + generator.uniform(-60, 60), 0), 255)) }
        }
        return MNIST.Split(pixels: pixels, labels: labels, rows: 8, columns: 8)
    }
    return (generated(600), generated(300), "600 generated 8×8 images of ten noisy prototypes")
}
