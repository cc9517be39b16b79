import Datasets
import WorkbookCore

/// A small MNIST-like split with random pixels and labels, for checks that
/// must not depend on the real data.
func fakeSplit(count: Int, rows: Int = 4, columns: Int = 3, using generator: inout SplitMix64) -> MNIST.Split {
    // Like MNIST: four pixels in five are background (0); the others anything up to 255.
    let pixels = (0 ..< count * rows * columns).map { _ in
        generator.uniform(0, 1) < 0.8 ? 0 : UInt8(generator.integer(in: 1 ... 255))
    }
    let labels = (0 ..< count).map { _ in UInt8(generator.integer(in: 0 ... 9)) }
    return MNIST.Split(pixels: pixels, labels: labels, rows: rows, columns: columns)
}
