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
                // Eight pixels at a time: widen the bytes, then scale.
                var pixel = 0
                while pixel + 8 <= size {
                    let bytes = UnsafeRawPointer(pixels.baseAddress! + example * size + pixel).loadUnaligned(as: SIMD8<UInt8>.self)
                    let scaled = SIMD8<Double>(SIMD8<Int32>(truncatingIfNeeded: bytes)) / 255
                    UnsafeMutableRawPointer(inputs.baseAddress! + row * size + pixel).storeBytes(of: scaled, as: SIMD8<Double>.self)
                    pixel += 8
                }
                for rest in pixel ..< size { inputs[row * size + rest] = Double(pixels[example * size + rest]) / 255 }
            }
        }
    }
    for (row, example) in examples.enumerated() { t.elements[row * 10 + Int(split.labels[example])] = 1 }
}
// end listing
