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

    /// Shapes (m, k, n) around the SIMD widths, and MNIST's.
    static let shapes = [(1, 1, 1), (3, 7, 5), (4, 16, 9), (5, 17, 2), (10, 784, 30), (10, 30, 10), (2, 33, 15)]

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

    @Test("Aᵀ·B matches the naive product, and accumulates", arguments: shapes)
    mutating func aTransposedTimesB(_ shape: (Int, Int, Int)) {
        let (m, k, n) = shape
        let a = random(k, m), b = random(k, n)
        var c = random(m, n)
        let before = c
        Matrix.multiply(transposing: a, b, into: &c, accumulate: true)
        #expect(close(c, before + a.transposed * b))
        Matrix.multiply(transposing: a, b, into: &c)
        #expect(close(c, a.transposed * b))
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
}
