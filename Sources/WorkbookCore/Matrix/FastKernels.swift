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
        let k = a.columns, n = b.rows
        a.elements.withUnsafeBufferPointer { aBuffer in
            b.elements.withUnsafeBufferPointer { bBuffer in
                c.elements.withUnsafeMutableBufferPointer { cBuffer in
                    let aBase = aBuffer.baseAddress!, bBase = bBuffer.baseAddress!, cBase = cBuffer.baseAddress!
                    func store(_ value: Double, _ i: Int, _ j: Int) {
                        cBase[i * n + j] = accumulate ? cBase[i * n + j] + value : value
                    }
                    var i = 0
                    // Tiles of 2 rows of A by 4 rows of B: 8 dot products share each load.
                    while i + 2 <= a.rows {
                        var j = 0
                        while j + 4 <= n {
                            let tile = dots2x4(aBase + i * k, k, bBase + j * k, k, count: k)
                            for q in 0 ..< 4 {
                                store(tile.0[q], i, j + q)
                                store(tile.1[q], i + 1, j + q)
                            }
                            j += 4
                        }
                        while j < n {
                            store(dot(aBase + i * k, bBase + j * k, count: k), i, j)
                            store(dot(aBase + (i + 1) * k, bBase + j * k, count: k), i + 1, j)
                            j += 1
                        }
                        i += 2
                    }
                    if i < a.rows {
                        for j in 0 ..< n { store(dot(aBase + i * k, bBase + j * k, count: k), i, j) }
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
        let n = b.columns, m = a.columns, k = a.rows
        a.elements.withUnsafeBufferPointer { aBuffer in
            b.elements.withUnsafeBufferPointer { bBuffer in
                c.elements.withUnsafeMutableBufferPointer { cBuffer in
                    let aBase = aBuffer.baseAddress!, bBase = bBuffer.baseAddress!, cBase = cBuffer.baseAddress!
                    // Four rows of C at a time, eight columns at a time, summed over all k rows of A and B
                    // in registers: each load of B serves four rows, and C is written once.
                    var i = 0
                    while i < m {
                        let rowsHere = min(4, m - i)
                        var j = 0
                        while j + 8 <= n {
                            var sums = (SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>(), SIMD8<Double>())
                            for r in 0 ..< k {
                                let bVector = load8(bBase + r * n + j)
                                let aRow = aBase + r * m + i
                                sums.0 += aRow[0] * bVector
                                if rowsHere > 1 { sums.1 += aRow[1] * bVector }
                                if rowsHere > 2 { sums.2 += aRow[2] * bVector }
                                if rowsHere > 3 { sums.3 += aRow[3] * bVector }
                            }
                            for q in 0 ..< rowsHere {
                                let result = q == 0 ? sums.0 : q == 1 ? sums.1 : q == 2 ? sums.2 : sums.3
                                let out = cBase + (i + q) * n + j
                                store8(accumulate ? load8(out) + result : result, out)
                            }
                            j += 8
                        }
                        while j < n {
                            for q in 0 ..< rowsHere {
                                var sum = 0.0
                                for r in 0 ..< k { sum += aBase[r * m + i + q] * bBase[r * n + j] }
                                let out = cBase + (i + q) * n + j
                                out[0] = accumulate ? out[0] + sum : sum
                            }
                            j += 1
                        }
                        i += 4
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

/// The 2×4 dot products of rows x0, x1 with rows y0…y3 (rows `strideY` apart), sharing every load.
@inline(__always)
private func dots2x4(_ x: UnsafePointer<Double>, _ strideX: Int, _ y: UnsafePointer<Double>, _ strideY: Int,
                     count: Int) -> (SIMD4<Double>, SIMD4<Double>) {
    var s00 = SIMD8<Double>(), s01 = SIMD8<Double>(), s02 = SIMD8<Double>(), s03 = SIMD8<Double>()
    var s10 = SIMD8<Double>(), s11 = SIMD8<Double>(), s12 = SIMD8<Double>(), s13 = SIMD8<Double>()
    let x1 = x + strideX, y1 = y + strideY, y2 = y + 2 * strideY, y3 = y + 3 * strideY
    var i = 0
    while i + 8 <= count {
        let a0 = load8(x + i), a1 = load8(x1 + i)
        let b0 = load8(y + i), b1 = load8(y1 + i), b2 = load8(y2 + i), b3 = load8(y3 + i)
        s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3
        s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3
        i += 8
    }
    var first = SIMD4<Double>(s00.sum(), s01.sum(), s02.sum(), s03.sum())
    var second = SIMD4<Double>(s10.sum(), s11.sum(), s12.sum(), s13.sum())
    while i < count {
        let a0 = x[i], a1 = x1[i]
        first += a0 * SIMD4<Double>(y[i], y1[i], y2[i], y3[i])
        second += a1 * SIMD4<Double>(y[i], y1[i], y2[i], y3[i])
        i += 1
    }
    return (first, second)
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
