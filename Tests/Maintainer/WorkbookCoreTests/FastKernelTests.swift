import Testing
import WorkbookCore

@Suite("Fast matrix kernels")
struct FastKernelTests {
    var generator = SplitMix64(seed: 21)

    mutating func random(_ rows: Int, _ columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, uniformIn: -1, 1, using: &generator)
    }

    func close(_ lhs: Matrix, _ rhs: Matrix) -> Bool {
        lhs.shape == rhs.shape && zip(lhs.elements, rhs.elements).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
    }

    /// Shapes (m, k, n) around the SIMD widths and the kernel's tile (6 rows by 8 columns),
    /// MNIST's, and Chapter 5's (large enough to be split between threads).
    static let shapes = [(1, 1, 1), (3, 7, 5), (4, 16, 9), (5, 17, 2), (10, 784, 30), (10, 30, 10), (2, 33, 15),
                         (7, 50, 3), (13, 9, 49), (6, 3, 26), (10, 784, 100), (3, 0, 4), (64, 256, 128), (37, 130, 67)]

    @Test("A·Bᵀ matches the naive product, and accumulates", arguments: shapes)
    mutating func aTimesBTransposed(_ shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        let a = random(m, k), b = random(n, k)
        var c = random(m, n)
        let before = c
        Matrix.multiply(a, transposing: b, into: &c, accumulate: true)
        #expect(close(c, before + a * b.transposed))
        Matrix.multiply(a, transposing: b, into: &c)
        #expect(close(c, a * b.transposed))
    }

    @Test("Aᵀ·B matches the naive product, scales and accumulates", arguments: shapes)
    mutating func aTransposedTimesB(_ shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        let a = random(k, m), b = random(k, n)
        var c = random(m, n)
        let before = c
        Matrix.multiply(transposing: a, b, into: &c, accumulate: true)
        #expect(close(c, before + a.transposed * b))
        Matrix.multiply(transposing: a, b, into: &c)
        #expect(close(c, a.transposed * b))
        Matrix.multiply(transposing: a, b, into: &c, scaledBy: 0.25)
        #expect(close(c, (a.transposed * b).map { 0.25 * $0 }))
    }

    @Test("A·B matches the naive product, and accumulates", arguments: shapes)
    mutating func aTimesB(_ shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        let a = random(m, k), b = random(k, n)
        var c = random(m, n)
        let before = c
        Matrix.multiply(a, b, into: &c, accumulate: true)
        #expect(close(c, before + a * b))
        Matrix.multiply(a, b, into: &c)
        #expect(close(c, a * b))
    }

    /// The order in which every product promises to add an entry up: one chain of fused
    /// multiply-adds over the shared dimension, in increasing order, starting from 0.
    static func dotInPromisedOrder(_ x: ArraySlice<Double>, _ y: ArraySlice<Double>) -> Double {
        var total = 0.0
        for (a, b) in zip(x, y) { total.addProduct(a, b) }
        return total
    }

    /// A copy of `matrix` in storage allocated after `spacer` other entries, so that
    /// copies start at different addresses.
    static func copy(_ matrix: Matrix, after spacer: Int) -> Matrix {
        let padding = [Double](repeating: 0, count: spacer)
        return withExtendedLifetime(padding) { Matrix(rows: matrix.rows, columns: matrix.columns, elements: Array(matrix.elements)) }
    }

    /// `matrix` with most of every row set to 0, as MNIST's background is: each row keeps
    /// one stretch of 0–12 entries, and a third of the rows keep none.
    mutating func mostlyZero(_ matrix: Matrix) -> Matrix {
        var sparse = Matrix(rows: matrix.rows, columns: matrix.columns)
        for i in 0 ..< matrix.rows where generator.next() % 3 != 0 && matrix.columns > 0 {
            let start = Int(generator.next() % UInt64(matrix.columns))
            let end = min(matrix.columns, start + Int(generator.next() % 13))
            for j in start ..< end { sparse[i, j] = matrix[i, j] }
        }
        return sparse
    }

    @Test("Products skip the stretches of 0s in a sparse operand and still match the naive product", arguments: shapes)
    mutating func sparseOperands(_ shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        let x = mostlyZero(random(m, k)), w = random(n, k), d = random(m, n)
        var c = Matrix(rows: m, columns: n)
        Matrix.multiply(x, transposing: w, into: &c)
        #expect(close(c, x * w.transposed))
        var g = random(n, k)
        Matrix.multiply(transposing: d, x, into: &g, scaledBy: 0.5)
        #expect(close(g, (d.transposed * x).map { 0.5 * $0 }))
    }

    @Test("Products add up in one order wherever the matrices sit in memory, so training runs repeat exactly",
          arguments: [(10, 784, 30), (7, 37, 5), (3, 16, 4)], [false, true])
    mutating func sameOrderAtEveryAddress(_ shape: (Int, Int, Int), sparse: Bool) {
        let (m, k, n) = shape
        // Sparse: most of each row of X is 0 (as in MNIST), which both products skip.
        let a = sparse ? mostlyZero(random(m, k)) : random(m, k), b = random(n, k), d = random(m, n)
        for spacer in 1 ... 8 {
            let x = Self.copy(a, after: spacer), w = Self.copy(b, after: 9 - spacer)
            var c = Matrix(rows: m, columns: n)
            Matrix.multiply(x, transposing: w, into: &c)
            for i in 0 ..< m {
                for j in 0 ..< n {
                    let row = x.elements[(i * k) ..< (i + 1) * k], other = w.elements[(j * k) ..< (j + 1) * k]
                    #expect(c[i, j] == Self.dotInPromisedOrder(row, other))
                }
            }
            // Aᵀ·B as in the backward pass, δᵀX: each entry is the sum over the rows, in order,
            // with fused multiply-adds.
            let delta = Self.copy(d, after: spacer), inputs = Self.copy(a, after: spacer + 3)
            var g = Matrix(rows: n, columns: k)
            Matrix.multiply(transposing: delta, inputs, into: &g, scaledBy: 0.5)
            var outOfOrder = 0
            for i in 0 ..< n {
                for j in 0 ..< k {
                    var sum = 0.0
                    for r in 0 ..< m { sum.addProduct(delta[r, i], inputs[r, j]) }
                    if g[i, j] != 0.5 * sum { outOfOrder += 1 }
                }
            }
            #expect(outOfOrder == 0, "\(outOfOrder) entries of δᵀX were summed in another order")
        }
    }

    @Test("Products split between threads give the same bits as on one thread",
          arguments: [(64, 784, 256), (128, 256, 128), (31, 300, 250)])
    mutating func threadsChangeNothing(_ shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        let x = mostlyZero(random(m, k)), w = random(n, k), d = random(m, n)
        func products() -> [Matrix] {
            var z = Matrix(rows: m, columns: n), g = Matrix(rows: n, columns: k), back = Matrix(rows: m, columns: k)
            Matrix.multiply(x, transposing: w, into: &z)
            Matrix.multiply(transposing: d, x, into: &g, scaledBy: 0.5)
            Matrix.multiply(d, w, into: &back)
            return [z, g, back]
        }
        let saved = KernelThreads.limit
        KernelThreads.limit = 1
        let alone = products()
        KernelThreads.limit = 2
        let split = products()
        KernelThreads.limit = saved
        #expect(alone == split)
        #expect(close(alone[0], x * w.transposed) && close(alone[2], d * w))
    }

    @Test("An update in one pass matches its definition, on one thread and split between two", arguments: [7, 200_000])
    mutating func scaleAdding(_ count: Int) {
        let v = random(1, count), g = random(1, count)
        let saved = KernelThreads.limit
        var alone = v, split = v
        KernelThreads.limit = 1
        alone.scale(by: 0.9, adding: g, scaledBy: -0.05)
        KernelThreads.limit = 2
        split.scale(by: 0.9, adding: g, scaledBy: -0.05)
        KernelThreads.limit = saved
        #expect(alone == split)
        #expect(alone.elements == zip(v.elements, g.elements).map { 0.9 * $0 - 0.05 * $1 })
    }
}
