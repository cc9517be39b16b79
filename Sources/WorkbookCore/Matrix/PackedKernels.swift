import Dispatch

// The packed kernel behind the three fast products: C = α·(A·B) (+ C), where B is
// read through panels of 8 columns that are copied ("packed") into a contiguous
// buffer, k rows of 8, and A through two strides, so that one kernel serves A·B,
// Aᵀ·B and A·Bᵀ. A tile of 6 rows of C by one panel keeps its 48 sums in twelve
// 4-wide vector registers (AVX2 has 16, arm64 32): each step over k loads one row of
// the panel (two vectors), broadcasts 6 entries of A and does 12 fused multiply-adds.
//
// Every entry of C is the chain of fused multiply-adds over k in increasing order,
// starting from 0, whatever the tiling, the threads or where the matrices sit in
// memory; terms whose factor from A or B is 0 may be skipped, since adding 0·b (b
// finite) to a sum leaves it exactly as it was. MNIST's images are four-fifths 0:
// A·Bᵀ with the images as A skips the pixels that are 0 in all 6 images of a tile,
// and Aᵀ·B with the images as B skips, per panel, the images whose 8 pixels are all 0.

/// How A is read: entry (i, p) is at `base[i * rowStride + p * depthStride]`.
struct StridedOperand {
    let base: UnsafePointer<Double>
    let rowStride: Int
    let depthStride: Int
}

/// Which terms of the sums over k to add, per tile or per panel (the others are 0).
enum DepthSkipping {
    /// Every p of 0 ..< k.
    case none
    /// Per tile of 6 rows of A, the p where one of the rows is not 0.
    case zeroColumnsOfA
    /// Per panel, the p where the panel's row is not all 0.
    case zeroRowsOfPanel
}

/// C = α·A·B (+ C when `accumulate`), C m×n with row stride n, B given by `packPanel`,
/// which copies the k×8 panel starting at column j into its buffer (0 past column n).
@inline(__always)
func packedProduct(m: Int, n: Int, k: Int, a: StridedOperand, c: UnsafeMutablePointer<Double>, alpha: Double,
                   accumulate: Bool, skipping: DepthSkipping,
                   packPanel: (_ column: Int, _ into: UnsafeMutablePointer<Double>) -> Void) {
    let tiles = (m + 5) / 6, panels = (n + 7) / 8
    // Per tile of A: how many p to visit, and which (only for zeroColumnsOfA).
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: skipping == .zeroColumnsOfA ? tiles * k : 1) { tileDepths in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: tiles) { tileCounts in
            if skipping == .zeroColumnsOfA {
                for tile in 0 ..< tiles {
                    var count = 0
                    let first = tile * 6, last = min(first + 6, m)
                    for p in 0 ..< k {
                        // The bits of the tile's entries ORed, without the sign: 0 only if all are ±0.
                        var bits: UInt64 = 0
                        for i in first ..< last { bits |= a.base[i * a.rowStride + p * a.depthStride].bitPattern }
                        tileDepths[tile * k + count] = Int32(p)
                        count += bits << 1 != 0 ? 1 : 0
                    }
                    tileCounts[tile] = count
                }
            }
            let tileDepthsBase = UnsafePointer(tileDepths.baseAddress!), tileCountsBase = UnsafePointer(tileCounts.baseAddress!)
            // The panels are shared between threads when the product is large (see `inParallel`).
            inParallel(rows: panels, tile: 1, work: m * n * k) { panelRange in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: max(k, 1) * 8) { panelBuffer in
                    withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(k, 1)) { panelDepths in
                        let panel = panelBuffer.baseAddress!
                        for panelIndex in panelRange {
                            let j = panelIndex * 8
                            packPanel(j, panel)
                            // With zeroRowsOfPanel, the rows that are not all 0 move up, in order.
                            var depthCount = k
                            if skipping == .zeroRowsOfPanel {
                                depthCount = 0
                                for p in 0 ..< k {
                                    let row = panel + p * 8
                                    var bits: UInt64 = 0
                                    for lane in 0 ..< 8 { bits |= row[lane].bitPattern }
                                    guard bits << 1 != 0 else { continue }
                                    if depthCount != p { (panel + depthCount * 8).update(from: row, count: 8) }
                                    panelDepths[depthCount] = Int32(p)
                                    depthCount += 1
                                }
                            }
                            for tile in 0 ..< tiles {
                                let i = tile * 6, rowsHere = min(6, m - i)
                                switch skipping {
                                case .none:
                                    tile6x8(a, row: i, rowsHere: rowsHere, panel: panel, count: k, depths: nil,
                                            panelRowsFollowDepths: false, c: c, ldc: n, column: j,
                                            columnsHere: min(8, n - j), alpha: alpha, accumulate: accumulate)
                                case .zeroColumnsOfA:
                                    tile6x8(a, row: i, rowsHere: rowsHere, panel: panel, count: tileCountsBase[tile],
                                            depths: tileDepthsBase + tile * k, panelRowsFollowDepths: true, c: c, ldc: n,
                                            column: j, columnsHere: min(8, n - j), alpha: alpha, accumulate: accumulate)
                                case .zeroRowsOfPanel:
                                    tile6x8(a, row: i, rowsHere: rowsHere, panel: panel, count: depthCount,
                                            depths: UnsafePointer(panelDepths.baseAddress!), panelRowsFollowDepths: false,
                                            c: c, ldc: n, column: j, columnsHere: min(8, n - j), alpha: alpha,
                                            accumulate: accumulate)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The 6×8 tile of C at (row, column): Σ over `count` steps q of A(row + r, p)·panel
/// row, with p = depths[q] (or q when `depths` is nil) and the panel row p
/// (`panelRowsFollowDepths`) or q. Rows past `rowsHere` repeat the last one and
/// columns past `columnsHere` are padding: neither is written.
@inline(__always)
private func tile6x8(_ a: StridedOperand, row: Int, rowsHere: Int, panel: UnsafePointer<Double>, count: Int,
                     depths: UnsafePointer<Int32>?, panelRowsFollowDepths: Bool, c: UnsafeMutablePointer<Double>,
                     ldc: Int, column: Int, columnsHere: Int, alpha: Double, accumulate: Bool) {
    let rowStride = a.rowStride, depthStride = a.depthStride
    let a0 = a.base + row * rowStride, a1 = a.base + (row + min(1, rowsHere - 1)) * rowStride
    let a2 = a.base + (row + min(2, rowsHere - 1)) * rowStride, a3 = a.base + (row + min(3, rowsHere - 1)) * rowStride
    let a4 = a.base + (row + min(4, rowsHere - 1)) * rowStride, a5 = a.base + (row + rowsHere - 1) * rowStride
    var c00 = SIMD4<Double>(), c01 = SIMD4<Double>(), c10 = SIMD4<Double>(), c11 = SIMD4<Double>()
    var c20 = SIMD4<Double>(), c21 = SIMD4<Double>(), c30 = SIMD4<Double>(), c31 = SIMD4<Double>()
    var c40 = SIMD4<Double>(), c41 = SIMD4<Double>(), c50 = SIMD4<Double>(), c51 = SIMD4<Double>()
    @inline(__always)
    func step(_ p: Int, _ panelRow: Int) {
        let b = panel + panelRow * 8
        let b0 = load4(b), b1 = load4(b + 4), offset = p * depthStride
        var x = SIMD4<Double>(repeating: a0[offset]); c00.addProduct(x, b0); c01.addProduct(x, b1)
        x = SIMD4(repeating: a1[offset]); c10.addProduct(x, b0); c11.addProduct(x, b1)
        x = SIMD4(repeating: a2[offset]); c20.addProduct(x, b0); c21.addProduct(x, b1)
        x = SIMD4(repeating: a3[offset]); c30.addProduct(x, b0); c31.addProduct(x, b1)
        x = SIMD4(repeating: a4[offset]); c40.addProduct(x, b0); c41.addProduct(x, b1)
        x = SIMD4(repeating: a5[offset]); c50.addProduct(x, b0); c51.addProduct(x, b1)
    }
    if let depths {
        if panelRowsFollowDepths {
            for q in 0 ..< count { let p = Int(depths[q]); step(p, p) }
        } else {
            for q in 0 ..< count { step(Int(depths[q]), q) }
        }
    } else {
        for p in 0 ..< count { step(p, p) }
    }
    @inline(__always)
    func write(_ r: Int, _ low: SIMD4<Double>, _ high: SIMD4<Double>) {
        guard r < rowsHere else { return }
        let out = c + (row + r) * ldc + column
        if columnsHere == 8 {
            let newLow = accumulate ? load4(out) + alpha * low : alpha * low
            let newHigh = accumulate ? load4(out + 4) + alpha * high : alpha * high
            store4(newLow, out)
            store4(newHigh, out + 4)
        } else {
            for lane in 0 ..< columnsHere {
                let value = alpha * (lane < 4 ? low[lane] : high[lane - 4])
                out[lane] = accumulate ? out[lane] + value : value
            }
        }
    }
    write(0, c00, c01); write(1, c10, c11); write(2, c20, c21); write(3, c30, c31); write(4, c40, c41); write(5, c50, c51)
}

@inline(__always)
func load4(_ pointer: UnsafePointer<Double>) -> SIMD4<Double> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
}

@inline(__always)
func store4(_ value: SIMD4<Double>, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<Double>.self)
}
