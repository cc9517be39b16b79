import Testing
import WorkbookCore

@Suite("Matrix")
struct MatrixTests {
    var generator = SplitMix64(seed: 11)

    mutating func random(_ rows: Int, _ columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, uniformIn: -1, 1, using: &generator)
    }

    @Test("the product matches the textbook triple loop", arguments: [(1, 1, 1), (3, 5, 2), (4, 1, 6), (7, 3, 7)])
    mutating func productMatchesLoops(_ shape: (Int, Int, Int)) {
        let (m, n, p) = shape
        let a = random(m, n), b = random(n, p)
        let product = a * b
        #expect(product.shape == Shape(rows: m, columns: p))
        for i in 0 ..< m {
            for j in 0 ..< p {
                var sum = 0.0
                for k in 0 ..< n { sum += a[i, k] * b[k, j] }
                #expect(abs(product[i, j] - sum) < 1e-12)
            }
        }
    }

    @Test("(AB)ᵀ = BᵀAᵀ, and transposing twice changes nothing")
    mutating func transposes() {
        let a = random(3, 4), b = random(4, 2)
        #expect(a.transposed.transposed == a)
        #expect(a.transposed.shape == Shape(rows: 4, columns: 3))
        let lhs = (a * b).transposed, rhs = b.transposed * a.transposed
        #expect(zip(lhs.elements, rhs.elements).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test("entrywise operations and row sums work entry by entry")
    mutating func entrywise() {
        let a = random(2, 3), b = random(2, 3)
        for i in 0 ..< 2 {
            for j in 0 ..< 3 {
                #expect((a + b)[i, j] == a[i, j] + b[i, j])
                #expect((a - b)[i, j] == a[i, j] - b[i, j])
                #expect(a.hadamard(b)[i, j] == a[i, j] * b[i, j])
                #expect((2 * a)[i, j] == 2 * a[i, j])
            }
            #expect(abs(a.rowSums()[i, 0] - (a[i, 0] + a[i, 1] + a[i, 2])) < 1e-15)
        }
        #expect(Matrix([[1, 2], [3, 4]]).elements == [1, 2, 3, 4])
    }
}
