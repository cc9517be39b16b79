// The fast matrix products that Chapter 4 trains with, written to write into
// existing storage (so a training loop allocates nothing per batch) and to run
// along contiguous memory with SIMD.
//
// Storage is row-major, so a row is contiguous. Each product is arranged so
// that its innermost loop walks a contiguous row:
// - A·Bᵀ takes dot products of rows of A with rows of B;
// - Aᵀ·B adds multiples of rows of B to rows of the result;
// - A·B adds multiples of rows of B to rows of the result.
// Sums use `addProduct`, a fused multiply-add: one instruction where the target
// has FMA (every Apple arm64 chip; x86-64 with the AVX2 and FMA features that Package.swift sets).
// The two products that read a batch of images, X(W¹)ᵀ and (δ¹)ᵀX, skip the vectors of 8
// entries that are 0 in every image a tile uses (MNIST is mostly background). A skipped
// vector would only add exact zeros (0·w = 0 for finite w), so the results do not change.
// The plain `*` in MatrixArithmetic.swift is the naive reference they are tested against.

extension Matrix {
    /// C = A·Bᵀ, or C = A·Bᵀ + C when `accumulate`: A is m×k, B is n×k, C is m×n.
    public static func multiply(_ a: Matrix, transposing b: Matrix, into c: inout Matrix, accumulate: Bool = false) {
        precondition(a.columns == b.columns, "A·Bᵀ needs A and B with the same number of columns, got \(a.shape) and \(b.shape)")
        precondition(c.shape == Shape(rows: a.rows, columns: b.rows), "A·Bᵀ of \(a.shape) and \(b.shape) must go into "
            + "\(a.rows)×\(b.rows), not \(c.shape)")
        let k = a.columns, m = a.rows, n = b.rows
        if k == 0 && !accumulate { return c.setZero() }  // Empty sums; an empty A or B may have no storage.
        withStorage(a, b, &c) { aBase, bBase, cBase in
            // Tiles of 5 rows of A by 2 rows of B: 10 dot products share each load, and the
            // 5 rows of A stay in the L1 cache while every row of B streams past them. A tile
            // that overhangs the edge repeats the last row and drops the repeated results.
            withUnsafeTemporaryAllocation(of: Int.self, capacity: k / 8 + 1) { blockStarts in
                for i in stride(from: 0, to: m, by: 5) {
                    let x = RowTile(aBase, stride: k, first: i, last: m - 1, count: k, blockStarts: blockStarts)
                    for j in stride(from: 0, to: n, by: 2) {
                        let tile = dots5x2(x, bBase + j * k, bBase + min(j + 1, n - 1) * k)
                        for q in 0 ..< min(5, m - i) {
                            for r in 0 ..< min(2, n - j) {
                                let out = cBase + (i + q) * n + j + r
                                let value = r == 0 ? tile.0[q] : tile.1[q]
                                out.pointee = accumulate ? out.pointee + value : value
                            }
                        }
                    }
                }
            }
        }
    }

    /// C = α·Aᵀ·B, or C = α·Aᵀ·B + C when `accumulate`: A is k×m, B is k×n, C is m×n.
    public static func multiply(transposing a: Matrix, _ b: Matrix, into c: inout Matrix, scaledBy alpha: Double = 1,
                                accumulate: Bool = false) {
        precondition(a.rows == b.rows, "Aᵀ·B needs A and B with the same number of rows, got \(a.shape) and \(b.shape)")
        precondition(c.shape == Shape(rows: a.columns, columns: b.columns), "Aᵀ·B of \(a.shape) and \(b.shape) must go "
            + "into \(a.columns)×\(b.columns), not \(c.shape)")
        let n = b.columns, m = a.columns, k = a.rows
        if k == 0 && !accumulate { return c.setZero() }  // Empty sums; an empty A or B may have no storage.
        withStorage(a, b, &c) { aBase, bBase, cBase in
            // Column by column until B's first row starts a cache line (see dots5x2); both
            // ways sum the same products in the same order, so the result is the same.
            let start = min(n, ((64 - Int(bitPattern: bBase) % 64) % 64) / MemoryLayout<Double>.stride)
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: n / 8 + 1) { active in
                // Columns of B that are 0 in every row (MNIST's background) give columns of 0s in C:
                // the products skip them, 8 at a time, and write the 0s (exactly, for finite A).
                var block = 0
                for j in stride(from: start, to: n - 7, by: 8) {
                    var bits = SIMD8<UInt64>()
                    for r in 0 ..< k { bits |= bits8(bBase + r * n + j) }
                    active[block] = notAllZero(bits)
                    block += 1
                }
                // Four rows of C at a time, summed over all k rows of A and B in registers, 24
                // columns (three vectors) at a time, then 8, then one: each load of B serves four
                // rows, and C is written once. Past the last row, the tile repeats it.
                for i in stride(from: 0, to: m, by: 4) {
                    let rowsHere = min(4, m - i)
                    let columns = SIMD4<Int>(i, i + min(1, rowsHere - 1), i + min(2, rowsHere - 1), i + rowsHere - 1)
                    func write(_ sums: SIMD8<Double>, row q: Int, column j: Int) {
                        guard q < rowsHere else { return }
                        let out = cBase + (i + q) * n + j
                        store8(accumulate ? load8(out) + alpha * sums : alpha * sums, out)
                    }
                    func scalarColumn(_ j: Int) {
                        for q in 0 ..< rowsHere {
                            var sum = 0.0
                            // A fused multiply-add, as in the vectors: the same rounding wherever j falls.
                            for r in 0 ..< k { sum.addProduct(aBase[r * m + i + q], bBase[r * n + j]) }
                            let out = cBase + (i + q) * n + j
                            out.pointee = accumulate ? out.pointee + alpha * sum : alpha * sum
                        }
                    }
                    for column in 0 ..< start { scalarColumn(column) }
                    var j = start
                    while j + 8 <= n {
                        let block = (j - start) / 8
                        let vectors = !active[block] ? 0
                            : j + 24 <= n && active[block + 1] && active[block + 2] ? 3 : 1
                        if vectors == 0 {
                            for q in 0 ..< 4 { write(SIMD8(), row: q, column: j) }
                        } else {
                            outerSums(aBase, rowLength: m, columns: columns, bBase + j, rowLength: n, count: k,
                                      vectors: vectors) { sums, q, offset in write(sums, row: q, column: j + offset) }
                        }
                        j += 8 * max(vectors, 1)
                    }
                    for column in j ..< n { scalarColumn(column) }
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
        withStorage(a, b, &c) { aBase, bBase, cBase in
            for i in 0 ..< a.rows {
                for p in 0 ..< k {
                    let scale = aBase[i * k + p]
                    if scale != 0 { axpy(scale, bBase + p * n, cBase + i * n, count: n) }
                }
            }
        }
    }

    /// Sets every entry to 0, keeping the storage.
    public mutating func setZero() {
        elements.withUnsafeMutableBufferPointer { buffer in buffer.update(repeating: 0) }
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

/// Five rows of a row-major matrix, `stride` apart, starting at row `first`; rows past
/// `last` repeat row `last`. Their first `count` entries are read in vectors of 8 that
/// start where the first row begins a cache line (a load that straddles two lines costs
/// two): `shift` entries before the first, and after `laneEnd` the last count % 8.
/// `blockStarts` lists the vectors in which some row has an entry that is not 0.
private struct RowTile {
    let rows: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>,
               UnsafePointer<Double>)
    let count: Int, shift: Int, laneEnd: Int
    let blockStarts: UnsafeBufferPointer<Int>

    @inline(__always)
    init(_ base: UnsafePointer<Double>, stride: Int, first: Int, last: Int, count: Int,
         blockStarts buffer: UnsafeMutableBufferPointer<Int>) {
        func row(_ q: Int) -> UnsafePointer<Double> { base + min(first + q, last) * stride }
        rows = (row(0), row(1), row(2), row(3), row(4))
        self.count = count
        laneEnd = count - count % 8
        shift = min(laneEnd, ((64 - Int(bitPattern: rows.0) % 64) % 64) / MemoryLayout<Double>.stride)
        // MNIST images are mostly background: the vectors where all five rows are 0 add
        // only zeros to every sum (exactly, for finite B), so the products skip them.
        var active = 0, i = shift
        while i + 8 <= laneEnd {
            if notAllZero(bits8(rows.0 + i) | bits8(rows.1 + i) | bits8(rows.2 + i) | bits8(rows.3 + i)
                | bits8(rows.4 + i)) {
                buffer[active] = i
                active += 1
            }
            i += 8
        }
        blockStarts = UnsafeBufferPointer(rebasing: buffer[0 ..< active])
    }
}

/// The 5×2 dot products of the rows of `x` with rows y0 and y1, sharing every load:
/// entry q of the first result is x_q·y0, of the second x_q·y1 (entries 5–7 are 0).
///
/// Lane c of each running sum collects the products of entries c, c + 8, c + 16, …
/// in order; the lanes are then added up, and the last count % 8 entries after them.
/// The loads start on a cache line (rows of A and B usually share their alignment, as
/// Swift arrays do), so the running sums hold their lanes rotated, and the entries before
/// that start and after the last full load go in as partial vectors. The result does
/// not depend on where the rows sit in memory, so a training run is the same every time.
/// Vectors where every row of x is 0 are skipped: they would add exact zeros.
@inline(__always)
private func dots5x2(_ x: RowTile, _ y0: UnsafePointer<Double>, _ y1: UnsafePointer<Double>)
    -> (SIMD8<Double>, SIMD8<Double>) {
    let (x0, x1, x2, x3, x4) = x.rows
    let count = x.count, laneEnd = x.laneEnd, shift = x.shift
    var s00 = SIMD8<Double>(), s10 = SIMD8<Double>(), s20 = SIMD8<Double>(), s30 = SIMD8<Double>(), s40 = SIMD8<Double>()
    var s01 = SIMD8<Double>(), s11 = SIMD8<Double>(), s21 = SIMD8<Double>(), s31 = SIMD8<Double>(), s41 = SIMD8<Double>()
    @inline(__always)
    func add(_ a0: SIMD8<Double>, _ a1: SIMD8<Double>, _ a2: SIMD8<Double>, _ a3: SIMD8<Double>, _ a4: SIMD8<Double>,
             _ b0: SIMD8<Double>, _ b1: SIMD8<Double>) {
        s00.addProduct(a0, b0); s10.addProduct(a1, b0); s20.addProduct(a2, b0); s30.addProduct(a3, b0)
        s40.addProduct(a4, b0)
        s01.addProduct(a0, b1); s11.addProduct(a1, b1); s21.addProduct(a2, b1); s31.addProduct(a3, b1)
        s41.addProduct(a4, b1)
    }
    /// Entries start + lane for the given lanes, 0 in the others.
    func partial(_ row: UnsafePointer<Double>, _ start: Int, _ lanes: Range<Int>) -> SIMD8<Double> {
        var vector = SIMD8<Double>()
        for lane in lanes { vector[lane] = row[start + lane] }
        return vector
    }
    func addPartial(_ start: Int, _ lanes: Range<Int>) {
        add(partial(x0, start, lanes), partial(x1, start, lanes), partial(x2, start, lanes), partial(x3, start, lanes),
            partial(x4, start, lanes), partial(y0, start, lanes), partial(y1, start, lanes))
    }
    // Lane r of the running sums holds the entries c with c % 8 == (r + shift) % 8.
    if shift > 0 { addPartial(shift - 8, 8 - shift ..< 8) }
    for i in x.blockStarts {
        add(load8(x0 + i), load8(x1 + i), load8(x2 + i), load8(x3 + i), load8(x4 + i), load8(y0 + i), load8(y1 + i))
    }
    let fullEnd = laneEnd - (laneEnd - shift) % 8
    if fullEnd < laneEnd { addPartial(fullEnd, 0 ..< laneEnd - fullEnd) }
    func total(_ s: SIMD8<Double>) -> Double { unrotated(s, by: shift).sum() }
    var first = SIMD8<Double>(total(s00), total(s10), total(s20), total(s30), total(s40), 0, 0, 0)
    var second = SIMD8<Double>(total(s01), total(s11), total(s21), total(s31), total(s41), 0, 0, 0)
    for i in laneEnd ..< count {
        let a = SIMD8<Double>(x0[i], x1[i], x2[i], x3[i], x4[i], 0, 0, 0)
        first.addProduct(a, SIMD8(repeating: y0[i]))
        second.addProduct(a, SIMD8(repeating: y1[i]))
    }
    return (first, second)
}

/// The vector whose lane c is lane (c − shift) mod 8 of `s`: one shuffle with the lanes
/// spelled out (the generic swizzle subscript goes lane by lane).
@inline(__always)
private func unrotated(_ s: SIMD8<Double>, by shift: Int) -> SIMD8<Double> {
    switch shift {
    case 1: SIMD8(s[7], s[0], s[1], s[2], s[3], s[4], s[5], s[6])
    case 2: SIMD8(s[6], s[7], s[0], s[1], s[2], s[3], s[4], s[5])
    case 3: SIMD8(s[5], s[6], s[7], s[0], s[1], s[2], s[3], s[4])
    case 4: SIMD8(s[4], s[5], s[6], s[7], s[0], s[1], s[2], s[3])
    case 5: SIMD8(s[3], s[4], s[5], s[6], s[7], s[0], s[1], s[2])
    case 6: SIMD8(s[2], s[3], s[4], s[5], s[6], s[7], s[0], s[1])
    case 7: SIMD8(s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[0])
    default: s
    }
}

/// For q = 0…3, the sums Σ_r a[r, columns[q]]·b[r, j ..< j + 8v] over `count` rows of A
/// and B, handed to `write(sum, q, j)`; `vectors` (1 or 3) vectors of 8 columns at a time.
@inline(__always)
private func outerSums(_ a: UnsafePointer<Double>, rowLength m: Int, columns: SIMD4<Int>,
                       _ b: UnsafePointer<Double>, rowLength n: Int, count: Int, vectors: Int,
                       _ write: (SIMD8<Double>, Int, Int) -> Void) {
    var s00 = SIMD8<Double>(), s10 = SIMD8<Double>(), s20 = SIMD8<Double>(), s30 = SIMD8<Double>()
    if vectors == 1 {
        for r in 0 ..< count {
            let row = a + r * m, b0 = load8(b + r * n)
            s00.addProduct(SIMD8(repeating: row[columns[0]]), b0)
            s10.addProduct(SIMD8(repeating: row[columns[1]]), b0)
            s20.addProduct(SIMD8(repeating: row[columns[2]]), b0)
            s30.addProduct(SIMD8(repeating: row[columns[3]]), b0)
        }
        write(s00, 0, 0); write(s10, 1, 0); write(s20, 2, 0); write(s30, 3, 0)
        return
    }
    var s01 = SIMD8<Double>(), s11 = SIMD8<Double>(), s21 = SIMD8<Double>(), s31 = SIMD8<Double>()
    var s02 = SIMD8<Double>(), s12 = SIMD8<Double>(), s22 = SIMD8<Double>(), s32 = SIMD8<Double>()
    for r in 0 ..< count {
        let row = a + r * m, bRow = b + r * n
        let b0 = load8(bRow), b1 = load8(bRow + 8), b2 = load8(bRow + 16)
        let a0 = SIMD8(repeating: row[columns[0]]), a1 = SIMD8(repeating: row[columns[1]])
        let a2 = SIMD8(repeating: row[columns[2]]), a3 = SIMD8(repeating: row[columns[3]])
        s00.addProduct(a0, b0); s01.addProduct(a0, b1); s02.addProduct(a0, b2)
        s10.addProduct(a1, b0); s11.addProduct(a1, b1); s12.addProduct(a1, b2)
        s20.addProduct(a2, b0); s21.addProduct(a2, b1); s22.addProduct(a2, b2)
        s30.addProduct(a3, b0); s31.addProduct(a3, b1); s32.addProduct(a3, b2)
    }
    write(s00, 0, 0); write(s01, 0, 8); write(s02, 0, 16)
    write(s10, 1, 0); write(s11, 1, 8); write(s12, 1, 16)
    write(s20, 2, 0); write(s21, 2, 8); write(s22, 2, 16)
    write(s30, 3, 0); write(s31, 3, 8); write(s32, 3, 16)
}

/// y[i] += a·x[i] over `count` contiguous entries.
@inline(__always)
private func axpy(_ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>, count: Int) {
    let scale = SIMD8<Double>(repeating: a)
    var i = 0
    while i + 8 <= count {
        var sum = load8(y + i)
        sum.addProduct(scale, load8(x + i))
        store8(sum, y + i)
        i += 8
    }
    while i < count {
        y[i] += a * x[i]
        i += 1
    }
}

/// The bits of 8 entries, for testing them for 0 (one OR per vector, where `!=` on
/// vectors compares lane by lane).
@inline(__always)
private func bits8(_ pointer: UnsafePointer<Double>) -> SIMD8<UInt64> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<UInt64>.self)
}

/// Whether some lane of these ORed entry bits is not 0 or −0 (ignoring the sign bit).
@inline(__always)
private func notAllZero(_ bits: SIMD8<UInt64>) -> Bool {
    let four = bits.lowHalf | bits.highHalf, two = four.lowHalf | four.highHalf
    return (two[0] | two[1]) &<< 1 != 0
}

@inline(__always)
private func load8(_ pointer: UnsafePointer<Double>) -> SIMD8<Double> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Double>.self)
}

@inline(__always)
private func store8(_ value: SIMD8<Double>, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Double>.self)
}
