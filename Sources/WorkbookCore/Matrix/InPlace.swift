import Foundation

// In-place operations for training loops that allocate nothing per batch.

extension Matrix {
    /// Adds the vector `bias` (n×1 or 1×n, n = columns) to every row.
    ///
    /// With one example per row, this adds a layer's bias to every example.
    @inlinable
    public mutating func addToEachRow(_ bias: Matrix) {
        precondition(bias.elements.count == columns, "a bias of \(bias.shape) cannot be added to rows of \(columns) entries")
        let n = columns
        bias.elements.withUnsafeBufferPointer { biasBuffer in
            elements.withUnsafeMutableBufferPointer { buffer in
                for row in 0 ..< rows {
                    for j in 0 ..< n { buffer[row * n + j] += biasBuffer[j] }
                }
            }
        }
    }

    /// The sum of each column, written into `sums` (n×1 or 1×n): with one example per
    /// row, the sum over the batch.
    public func columnSums(into sums: inout Matrix) {
        precondition(sums.elements.count == columns, "column sums of a \(shape) matrix need \(columns) entries")
        sums.setZero()
        let n = columns
        elements.withUnsafeBufferPointer { buffer in
            sums.elements.withUnsafeMutableBufferPointer { out in
                for row in 0 ..< rows {
                    for j in 0 ..< n { out[j] += buffer[row * n + j] }
                }
            }
        }
    }

    /// Writes `transform` of every entry of `source`, which must have this shape, into this matrix.
    @inlinable
    public mutating func assign(_ source: Matrix, _ transform: (Double) -> Double) {
        precondition(source.shape == shape, "cannot assign a \(source.shape) matrix to a \(shape) one")
        source.elements.withUnsafeBufferPointer { input in
            elements.withUnsafeMutableBufferPointer { output in
                for index in 0 ..< output.count { output[index] = transform(input[index]) }
            }
        }
    }

    /// self ← self − η·gradient, entry by entry.
    @inlinable
    public mutating func subtract(_ gradient: Matrix, scaledBy eta: Double) {
        precondition(gradient.shape == shape, "a \(gradient.shape) gradient cannot update a \(shape) parameter")
        gradient.elements.withUnsafeBufferPointer { step in
            elements.withUnsafeMutableBufferPointer { values in
                for index in 0 ..< values.count { values[index] -= eta * step[index] }
            }
        }
    }
}

extension Matrix {
    /// Every entry multiplied by `factor`, in place.
    @inlinable
    public mutating func scale(by factor: Double) {
        elements.withUnsafeMutableBufferPointer { values in
            for index in 0 ..< values.count { values[index] *= factor }
        }
    }

    /// self[i] ← combine(self[i], other[i]) for every entry; `other` must have this shape.
    @inlinable
    public mutating func combine(with other: Matrix, _ combine: (Double, Double) -> Double) {
        precondition(other.shape == shape, "cannot combine a \(shape) matrix with a \(other.shape) one")
        other.elements.withUnsafeBufferPointer { input in
            elements.withUnsafeMutableBufferPointer { values in
                for index in 0 ..< values.count { values[index] = combine(values[index], input[index]) }
            }
        }
    }
}

extension Matrix {
    /// self ← factor·self + otherFactor·other, entry by entry, in one pass over both:
    /// for a velocity, `v.scale(by: μ, adding: g, scaledBy: −η)` is v ← μv − ηg. A large
    /// matrix is shared between the cores (see ``KernelThreads``).
    public mutating func scale(by factor: Double, adding other: Matrix, scaledBy otherFactor: Double) {
        precondition(other.shape == shape, "cannot add a \(other.shape) matrix to a \(shape) one")
        other.elements.withUnsafeBufferPointer { input in
            elements.withUnsafeMutableBufferPointer { values in
                guard let source = input.baseAddress, let target = values.baseAddress else { return }
                let count = values.count, block = 4096
                inParallel(rows: (count + block - 1) / block, tile: 1, work: entrywiseWork(count)) { blocks in
                    for index in blocks.lowerBound * block ..< min(count, blocks.upperBound * block) {
                        target[index] = factor * target[index] + otherFactor * source[index]
                    }
                }
            }
        }
    }
}
