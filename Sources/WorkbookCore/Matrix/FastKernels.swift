// The fast matrix products that Chapters 4 and 5 train with, written to write into
// existing storage (so a training loop allocates nothing per batch). All three are one
// packed kernel (PackedKernels.swift) read in three ways; the plain `*` in
// MatrixArithmetic.swift is the naive reference they are tested against.
//
// Storage is row-major. Every entry of a result is the chain of fused multiply-adds
// over the shared dimension in increasing order, so a seeded training run gives the
// same numbers whatever the threads and wherever the matrices sit in memory. A fused
// multiply-add is one instruction where the target has FMA (every Apple arm64 chip;
// x86-64 with the AVX2 and FMA features that Package.swift sets).

extension Matrix {
    /// C = A·Bᵀ, or C = A·Bᵀ + C when `accumulate`: A is m×k, B is n×k, C is m×n.
    ///
    /// Skips the terms where all 6 rows of A in a tile are 0: the forward pass X(W¹)ᵀ
    /// with MNIST's images as X skips most of the background.
    public static func multiply(_ a: Matrix, transposing b: Matrix, into c: inout Matrix, accumulate: Bool = false) {
        precondition(a.columns == b.columns, "A·Bᵀ needs A and B with the same number of columns, got \(a.shape) and \(b.shape)")
        precondition(c.shape == Shape(rows: a.rows, columns: b.rows), "A·Bᵀ of \(a.shape) and \(b.shape) must go into "
            + "\(a.rows)×\(b.rows), not \(c.shape)")
        let k = a.columns, m = a.rows, n = b.rows
        if k == 0 && !accumulate { return c.setZero() }  // Empty sums; an empty A or B may have no storage.
        withStorage(a, b, &c) { aBase, bBase, cBase in
            packedProduct(m: m, n: n, k: k, a: StridedOperand(base: aBase, rowStride: k, depthStride: 1), c: cBase,
                          alpha: 1, accumulate: accumulate, skipping: .zeroColumnsOfA) { j, panel in
                packRows(of: bBase, rows: n, columns: k, from: j, into: panel)
            }
        }
    }

    /// C = α·Aᵀ·B, or C = α·Aᵀ·B + C when `accumulate`: A is k×m, B is k×n, C is m×n.
    ///
    /// Skips, for each 8 columns of B, the rows where those 8 are all 0: the gradient
    /// (δ¹)ᵀX with MNIST's images as X skips each image's background.
    public static func multiply(transposing a: Matrix, _ b: Matrix, into c: inout Matrix, scaledBy alpha: Double = 1,
                                accumulate: Bool = false) {
        precondition(a.rows == b.rows, "Aᵀ·B needs A and B with the same number of rows, got \(a.shape) and \(b.shape)")
        precondition(c.shape == Shape(rows: a.columns, columns: b.columns), "Aᵀ·B of \(a.shape) and \(b.shape) must go "
            + "into \(a.columns)×\(b.columns), not \(c.shape)")
        let n = b.columns, m = a.columns, k = a.rows
        if k == 0 && !accumulate { return c.setZero() }  // Empty sums; an empty A or B may have no storage.
        withStorage(a, b, &c) { aBase, bBase, cBase in
            packedProduct(m: m, n: n, k: k, a: StridedOperand(base: aBase, rowStride: 1, depthStride: m), c: cBase,
                          alpha: alpha, accumulate: accumulate, skipping: .zeroRowsOfPanel) { j, panel in
                packColumns(of: bBase, rows: k, columns: n, from: j, into: panel)
            }
        }
    }

    /// C = A·B, or C = A·B + C when `accumulate`: A is m×k, B is k×n, C is m×n.
    public static func multiply(_ a: Matrix, _ b: Matrix, into c: inout Matrix, accumulate: Bool = false) {
        precondition(a.columns == b.rows, "A·B needs A's columns to match B's rows, got \(a.shape) and \(b.shape)")
        precondition(c.shape == Shape(rows: a.rows, columns: b.columns), "A·B of \(a.shape) and \(b.shape) must go into "
            + "\(a.rows)×\(b.columns), not \(c.shape)")
        let n = b.columns, k = a.columns, m = a.rows
        if k == 0 && !accumulate { return c.setZero() }  // Empty sums; an empty A or B may have no storage.
        withStorage(a, b, &c) { aBase, bBase, cBase in
            packedProduct(m: m, n: n, k: k, a: StridedOperand(base: aBase, rowStride: k, depthStride: 1), c: cBase,
                          alpha: 1, accumulate: accumulate, skipping: .none) { j, panel in
                packColumns(of: bBase, rows: k, columns: n, from: j, into: panel)
            }
        }
    }

    /// Sets every entry to 0, keeping the storage.
    public mutating func setZero() {
        elements.withUnsafeMutableBufferPointer { buffer in buffer.update(repeating: 0) }
    }
}

/// Copies columns j … j + 7 of a row-major rows×columns matrix into `panel`, 8 per row,
/// with 0 past the last column.
@inline(__always)
private func packColumns(of base: UnsafePointer<Double>, rows: Int, columns: Int, from j: Int,
                         into panel: UnsafeMutablePointer<Double>) {
    let width = min(8, columns - j)
    for p in 0 ..< rows {
        let source = base + p * columns + j, target = panel + p * 8
        if width == 8 {
            target.update(from: source, count: 8)
        } else {
            for lane in 0 ..< 8 { target[lane] = lane < width ? source[lane] : 0 }
        }
    }
}

/// Copies rows j … j + 7 of a row-major rows×columns matrix into `panel` transposed:
/// panel row p holds entry p of each of the 8 rows (0 past the last row). Four
/// entries of each row are read at a time, so that every row is read in order.
@inline(__always)
private func packRows(of base: UnsafePointer<Double>, rows: Int, columns k: Int, from j: Int,
                      into panel: UnsafeMutablePointer<Double>) {
    let height = min(8, rows - j)
    guard height == 8 else {
        for p in 0 ..< k {
            for lane in 0 ..< 8 { panel[p * 8 + lane] = lane < height ? base[(j + lane) * k + p] : 0 }
        }
        return
    }
    let r0 = base + j * k, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k, r4 = r3 + k, r5 = r4 + k, r6 = r5 + k, r7 = r6 + k
    var p = 0
    while p + 4 <= k {
        let v0 = load4(r0 + p), v1 = load4(r1 + p), v2 = load4(r2 + p), v3 = load4(r3 + p)
        let v4 = load4(r4 + p), v5 = load4(r5 + p), v6 = load4(r6 + p), v7 = load4(r7 + p)
        for q in 0 ..< 4 {
            let out = panel + (p + q) * 8
            store4(SIMD4(v0[q], v1[q], v2[q], v3[q]), out)
            store4(SIMD4(v4[q], v5[q], v6[q], v7[q]), out + 4)
        }
        p += 4
    }
    while p < k {
        for lane in 0 ..< 8 { panel[p * 8 + lane] = base[(j + lane) * k + p] }
        p += 1
    }
}

/// Runs `body` with the storage of a, b and c, unless one of them is empty (and so may have none).
@inline(__always)
private func withStorage(_ a: Matrix, _ b: Matrix, _ c: inout Matrix,
                         _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void) {
    a.elements.withUnsafeBufferPointer { aBuffer in
        b.elements.withUnsafeBufferPointer { bBuffer in
            c.elements.withUnsafeMutableBufferPointer { cBuffer in
                guard let aBase = aBuffer.baseAddress, let bBase = bBuffer.baseAddress,
                      let cBase = cBuffer.baseAddress else { return }
                body(aBase, bBase, cBase)
            }
        }
    }
}
