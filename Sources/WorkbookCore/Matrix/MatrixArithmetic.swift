// Entrywise arithmetic and the matrix product.
//
// These are the plain, obviously correct versions. Chapter 4 adds fast
// kernels beside them and tests the fast ones against these.

extension Matrix {
    /// The matrix product: (m×n) * (n×p) is m×p.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        precondition(lhs.columns == rhs.rows,
                     "you multiplied a \(lhs.shape) matrix by a \(rhs.shape) one: the inner sizes (\(lhs.columns) and "
                        + "\(rhs.rows)) must match")
        var product = Matrix(rows: lhs.rows, columns: rhs.columns)
        for i in 0 ..< lhs.rows {
            for k in 0 ..< lhs.columns {
                let lhsEntry = lhs.elements[i * lhs.columns + k]
                for j in 0 ..< rhs.columns {
                    product.elements[i * rhs.columns + j] += lhsEntry * rhs.elements[k * rhs.columns + j]
                }
            }
        }
        return product
    }

    /// Entrywise sum of two matrices of the same shape.
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.combined(with: rhs, operation: "+", +)
    }

    /// Entrywise difference of two matrices of the same shape.
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.combined(with: rhs, operation: "-", -)
    }

    /// Every entry multiplied by `scalar`.
    public static func * (scalar: Double, matrix: Matrix) -> Matrix {
        matrix.map { scalar * $0 }
    }

    /// The Hadamard (entrywise) product ⊙ of two matrices of the same shape.
    public func hadamard(_ other: Matrix) -> Matrix {
        combined(with: other, operation: "⊙", *)
    }

    /// The sum of each row: an m×n matrix becomes an m×1 column.
    ///
    /// Summing a batch of per-example columns this way is how a bias gradient
    /// collects every example's contribution.
    public func rowSums() -> Matrix {
        var sums = Matrix(rows: rows, columns: 1)
        for i in 0 ..< rows {
            for j in 0 ..< columns { sums.elements[i] += elements[i * columns + j] }
        }
        return sums
    }

    /// This m×n matrix with the m×1 `column` added to each of its columns.
    ///
    /// This is how one bias column b is added to every example of a batch.
    public func addingToEachColumn(_ column: Matrix) -> Matrix {
        precondition(column.shape == Shape(rows: rows, columns: 1),
                     "cannot add a \(column.shape) column to each column of a \(shape) matrix")
        var sum = self
        for i in 0 ..< rows {
            for j in 0 ..< columns { sum.elements[i * columns + j] += column.elements[i] }
        }
        return sum
    }

    private func combined(with other: Matrix, operation: String,
                          _ combine: (Double, Double) -> Double) -> Matrix {
        precondition(shape == other.shape, "cannot apply \(operation) to \(shape) and \(other.shape) matrices")
        return Matrix(rows: rows, columns: columns, elements: zip(elements, other.elements).map(combine))
    }
}
