import Datasets
import WorkbookCore

/// A small MNIST-like split with random pixels and labels, for checks that
/// must not depend on the real data.
func fakeSplit(count: Int, rows: Int = 4, columns: Int = 3, using generator: inout SplitMix64) -> MNIST.Split {
    let pixels = (0 ..< count * rows * columns).map { _ in UInt8(generator.integer(in: 0 ... 255)) }
    let labels = (0 ..< count).map { _ in UInt8(generator.integer(in: 0 ... 9)) }
    return MNIST.Split(pixels: pixels, labels: labels, rows: rows, columns: columns)
}
