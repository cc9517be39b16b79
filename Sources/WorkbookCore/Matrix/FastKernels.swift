// The fast matrix products that Chapter 4 trains with, written to write into
// existing storage (so a training loop allocates nothing per batch) and to run
// along contiguous memory with SIMD.
//
// Storage is row-major, so a row is contiguous. Each product is arranged so
// that its innermost loop walks a contiguous row:
// - A·Bᵀ takes dot products of rows of A with rows of B;
// - Aᵀ·B adds multiples of rows of B to rows of the result;
// - A·B adds multiples of rows of B to rows of the result.
// The plain `*` in MatrixArithmetic.swift is the naive reference they are tested against.

extension Matrix {
    /// C = A·Bᵀ, or C = A·Bᵀ + C when `accumulate`: A is m×k, B is n×k, C is m×n.
    public static func multiply(_ a: Matrix, transposing b: Matrix, into c: inout Matrix, accumulate: Bool = false) {
        precondition(a.columns == b.columns, "A·Bᵀ needs A and B with the same number of columns, got \(a.shape) and \(b.shape)")
        precondition(c.shape == Shape(rows: a.rows, columns: b.rows), "A·Bᵀ of \(a.shape) and \(b.shape) must go into "
            + "\(a.rows)×\(b.rows), not \(c.shape)")
        let k = a.columns
        a.elements.withUnsafeBufferPointer { aBuffer in
            b.elements.withUnsafeBufferPointer { bBuffer in
                c.elements.withUnsafeMutableBufferPointer { cBuffer in
                    let aBase = aBuffer.baseAddress!, bBase = bBuffer.baseAddress!, cBase = cBuffer.baseAddress!
                    for i in 0 ..< a.rows {
                        let aRow = aBase + i * k
                        var j = 0
                        // Two rows of B at a time, so each load of A's row serves two dot products.
                        while j + 1 < b.rows {
                            let (first, second) = dot2(aRow, bBase + j * k, bBase + (j + 1) * k, count: k)
                            let out = cBase + i * b.rows + j
                            out[0] = accumulate ? out[0] + first : first
                            out[1] = accumulate ? out[1] + second : second
                            j += 2
                        }
                        if j < b.rows {
                            let value = dot(aRow, bBase + j * k, count: k)
                            let out = cBase + i * b.rows + j
                            out[0] = accumulate ? out[0] + value : value
                        }
                    }
                }
            }
        }
    }

    /// C = Aᵀ·B, or C = Aᵀ·B + C when `accumulate`: A is k×m, B is k×n, C is m×n.
    public static func multiply(transposing a: Matrix, _ b: Matrix, into c: inout Matrix, accumulate: Bool = false) {
        precondition(a.rows == b.rows, "Aᵀ·B needs A and B with the same number of rows, got \(a.shape) and \(b.shape)")
        precondition(c.shape == Shape(rows: a.columns, columns: b.columns), "Aᵀ·B of \(a.shape) and \(b.shape) must go "
            + "into \(a.columns)×\(b.columns), not \(c.shape)")
        if !accumulate { c.setZero() }
        let n = b.columns, m = a.columns
        a.elements.withUnsafeBufferPointer { aBuffer in
            b.elements.withUnsafeBufferPointer { bBuffer in
                c.elements.withUnsafeMutableBufferPointer { cBuffer in
                    let aBase = aBuffer.baseAddress!, bBase = bBuffer.baseAddress!, cBase = cBuffer.baseAddress!
                    for r in 0 ..< a.rows {
                        let bRow = bBase + r * n
                        for i in 0 ..< m {
                            let scale = aBase[r * m + i]
                            if scale != 0 { axpy(scale, bRow, cBase + i * n, count: n) }
                        }
                    }
                }
            }
        }
    }

    /// C = A·B, or C = A·B + C when `accumulate`: A is m×k, B is k×n, C is m×n.
    public static func multiply(_ a: Matrix, _ b: Matrix, into c: inout Matrix, accumulate: Bool = false) {
        precondition(a.columns == b.rows, "A·B needs A's columns to match B's rows, got \(a.shape) and \(b.shape)")
        precondition(c.shape == Shape(rows: a.rows, columns: b.columns), "A·B of \(a.shape) and \(b.shape) must go into "
            + "\(a.rows)×\(b.columns), not \(c.shape)")
        if !accumulate { c.setZero() }
        let n = b.columns, k = a.columns
        a.elements.withUnsafeBufferPointer { aBuffer in
            b.elements.withUnsafeBufferPointer { bBuffer in
                c.elements.withUnsafeMutableBufferPointer { cBuffer in
                    let aBase = aBuffer.baseAddress!, bBase = bBuffer.baseAddress!, cBase = cBuffer.baseAddress!
                    for i in 0 ..< a.rows {
                        for p in 0 ..< k {
                            let scale = aBase[i * k + p]
                            if scale != 0 { axpy(scale, bBase + p * n, cBase + i * n, count: n) }
                        }
                    }
                }
            }
        }
    }

    /// Sets every entry to 0, keeping the storage.
    public mutating func setZero() {
        elements.withUnsafeMutableBufferPointer { buffer in buffer.update(repeating: 0) }
    }
}

/// Σ x[i]·y[i] over `count` contiguous entries.
@inline(__always)
private func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
    var sum0 = SIMD8<Double>(), sum1 = SIMD8<Double>()
    var i = 0
    while i + 16 <= count {
        sum0 += load8(x + i) * load8(y + i)
        sum1 += load8(x + i + 8) * load8(y + i + 8)
        i += 16
    }
    var total = (sum0 + sum1).sum()
    while i < count {
        total += x[i] * y[i]
        i += 1
    }
    return total
}

/// The dot products of x with y and with z, sharing the loads of x.
@inline(__always)
private func dot2(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ z: UnsafePointer<Double>,
                  count: Int) -> (Double, Double) {
    var sumY0 = SIMD8<Double>(), sumY1 = SIMD8<Double>(), sumZ0 = SIMD8<Double>(), sumZ1 = SIMD8<Double>()
    var i = 0
    while i + 16 <= count {
        let x0 = load8(x + i), x1 = load8(x + i + 8)
        sumY0 += x0 * load8(y + i)
        sumY1 += x1 * load8(y + i + 8)
        sumZ0 += x0 * load8(z + i)
        sumZ1 += x1 * load8(z + i + 8)
        i += 16
    }
    var totalY = (sumY0 + sumY1).sum(), totalZ = (sumZ0 + sumZ1).sum()
    while i < count {
        totalY += x[i] * y[i]
        totalZ += x[i] * z[i]
        i += 1
    }
    return (totalY, totalZ)
}

/// y[i] += a·x[i] over `count` contiguous entries.
@inline(__always)
private func axpy(_ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int) {
    let scale = SIMD8<Double>(repeating: a)
    var i = 0
    while i + 8 <= count {
        store8(load8(y + i) + scale * load8(x + i), y + i)
        i += 8
    }
    while i < count {
        y[i] += a * x[i]
        i += 1
    }
}

@inline(__always)
private func load8(_ pointer: UnsafePointer<Double>) -> SIMD8<Double> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Double>.self)
}

@inline(__always)
private func store8(_ value: SIMD8<Double>, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Double>.self)
}
