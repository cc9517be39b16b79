/// A dense matrix of `Double`s stored row by row.
///
/// The workbook's one shape convention: a weight matrix is out×in, so that
/// `W * x` maps an input column to an output column, and a batch holds one
/// example per column.
public struct Matrix: Equatable, Sendable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The entries, row by row: entry (i, j) is `elements[i * columns + j]`.
    public var elements: [Double]

    /// Creates a matrix from its entries, given row by row.
    public init(rows: Int, columns: Int, elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "a matrix cannot have a negative dimension")
        precondition(elements.count == rows * columns,
                     "a \(rows)×\(columns) matrix needs \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// Creates a matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
    }

    /// Creates a matrix from an array of rows, which must all have the same length.
    public init(_ rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "every row must have the same length")
        self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
    }

    /// Creates a matrix whose entries are drawn uniformly from `low ..< high`.
    public init(rows: Int, columns: Int, uniformIn low: Double, _ high: Double,
                using generator: inout some RandomNumberGenerator) {
        var elements = [Double]()
        elements.reserveCapacity(rows * columns)
        for _ in 0 ..< rows * columns { elements.append(generator.uniform(low, high)) }
        self.init(rows: rows, columns: columns, elements: elements)
    }

    /// The shape as (rows, columns), for messages and preconditions.
    public var shape: Shape { Shape(rows: rows, columns: columns) }

    /// The entry in row `row` and column `column`.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "index (\(row), \(column)) is outside a \(shape) matrix")
            return elements[row * columns + column]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "index (\(row), \(column)) is outside a \(shape) matrix")
            elements[row * columns + column] = newValue
        }
    }

    /// The transpose: entry (i, j) of the result is entry (j, i) of this matrix.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for i in 0 ..< rows {
            for j in 0 ..< columns { result.elements[j * rows + i] = elements[i * columns + j] }
        }
        return result
    }

    /// A matrix of the same shape with `transform` applied to every entry.
    public func map(_ transform: (Double) -> Double) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: elements.map(transform))
    }
}

/// The shape of a matrix, printed as `rows×columns`.
public struct Shape: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    public var description: String { "\(rows)×\(columns)" }
}
