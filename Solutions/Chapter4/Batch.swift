// Exercise 4.1: a mini-batch of MNIST images and one-hot targets.

import Datasets
import WorkbookCore

// listing: fill-batch
/// Fills row j of `x` (m×784) with image `examples[j]` of `split`, each pixel
/// scaled from 0–255 to 0–1, and row j of `t` (m×10) with its label one-hot:
/// 1 in the column of the digit, 0 elsewhere.
public func fillBatch(x: inout Matrix, t: inout Matrix, from split: MNIST.Split, examples: ArraySlice<Int>) {
    precondition(x.rows == examples.count && x.columns == split.imageSize, "x must be examples × pixels")
    precondition(t.rows == examples.count && t.columns == 10, "t must be examples × 10")
    t.setZero()
    let size = split.imageSize
    split.pixels.withUnsafeBufferPointer { pixels in
        x.elements.withUnsafeMutableBufferPointer { inputs in
            for (row, example) in examples.enumerated() {
                // A plain loop over raw pointers, which the compiler turns into vector instructions;
                // multiplying by 1/255 is many times faster than dividing by 255 (and differs from
                // it only in the last bit).
                let source = pixels.baseAddress! + example * size, target = inputs.baseAddress! + row * size
                for pixel in 0 ..< size { target[pixel] = Double(source[pixel]) * (1 / 255) }
            }
        }
    }
    for (row, example) in examples.enumerated() { t.elements[row * 10 + Int(split.labels[example])] = 1 }
}
// end listing
