import Datasets
import Foundation
import Testing
import WorkbookCore

// The examples that chapters/toolbox.md quotes: compiled and run here, so every call
// the toolbox shows exists and does what its comment says.

@Suite("The learner's toolbox")
struct ToolboxExamples {
    @Test("every example in chapters/toolbox.md compiles and does what its comment says")
    func examples() {
        var generator = SplitMix64(seed: 1)
        // listing: toolbox-matrix
        let A = Matrix([[1, 2, 3], [4, 5, 6]])                    // 2×3, given row by row
        let zeros = Matrix(rows: 2, columns: 3)                    // 2×3 of 0 (repeating: 1 for ones)
        let noise = Matrix(rows: 2, columns: 3, uniformIn: -1, 1, using: &generator)  // uniform in −1 ..< 1
        let entry = A[1, 2]                                        // row 1, column 2 (from 0): 6
        let stored = A.elements                                    // [1, 2, 3, 4, 5, 6]: row by row
        let size = A.shape                                         // Shape 2×3; A.rows, A.columns
        let At = A.transposed                                      // 3×2
        let doubled = A.map { 2 * $0 }                             // any function, entry by entry
        // end listing
        #expect(zeros.elements.allSatisfy { $0 == 0 } && noise.elements.allSatisfy { abs($0) <= 1 })
        #expect(entry == 6 && stored == [1, 2, 3, 4, 5, 6] && size == Shape(rows: 2, columns: 3))
        #expect(At.shape == Shape(rows: 3, columns: 2) && doubled[0, 0] == 2)

        // listing: toolbox-arithmetic
        let product = A * At                                       // matrix product: 2×3 times 3×2 is 2×2
        let sum = A + doubled                                      // entry by entry; also A - B
        let scaled = 0.5 * A                                       // every entry times 0.5
        let entrywise = A.hadamard(A)                              // entry by entry product (⊙)
        let perRow = A.rowSums()                                   // 2×1: each row's sum
        let shifted = A.addingToEachColumn(Matrix([[10], [20]]))   // a 2×1 column added to each column
        // end listing
        #expect(product[0, 0] == 14 && sum[1, 2] == 18 && scaled[0, 1] == 1 && entrywise[1, 1] == 25)
        #expect(perRow.elements == [6, 15] && shifted[1, 0] == 24)

        // listing: toolbox-in-place
        var out = Matrix(rows: 2, columns: 2)
        Matrix.multiply(A, transposing: A, into: &out)             // out ← A·Aᵀ, no new matrix
        Matrix.multiply(A, transposing: A, into: &out, accumulate: true)  // out ← out + A·Aᵀ
        var grad = Matrix(rows: 3, columns: 3)
        Matrix.multiply(transposing: A, A, into: &grad, scaledBy: 0.5)    // grad ← 0.5·AᵀA
        var C = Matrix(rows: 2, columns: 3)
        Matrix.multiply(A, Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1]]), into: &C)  // C ← A·B
        C.assign(A) { 2 * $0 }                                     // C ← f(A), entry by entry
        C.combine(with: A) { c, a in c - a }                       // C ← g(C, A), entry by entry
        C.addToEachRow(Matrix([[1, 1, 1]]))                        // a 1×3 (or 3×1) vector added to each row
        var sums = Matrix(rows: 1, columns: 3)
        C.columnSums(into: &sums)                                  // sums ← each column's sum
        C.subtract(A, scaledBy: 0.1)                               // C ← C − 0.1·A
        C.scale(by: 2)                                             // C ← 2·C
        C.scale(by: 0.9, adding: A, scaledBy: -0.1)               // C ← 0.9·C − 0.1·A, in one pass
        C.setZero()                                                // every entry 0
        // end listing
        #expect(out[0, 0] == 28 && grad[0, 0] == 8.5 && sums.elements == [7, 9, 11] && C.elements.allSatisfy { $0 == 0 })

        // listing: toolbox-network
        var network = Network(inputs: 784, hidden: 30, outputs: 10, using: &generator)  // uniform in −1 ..< 1
        let sizes = network.sizes                                  // (inputs: 784, hidden: 30, outputs: 10)
        network.W1[0, 0] = 0                                       // also b1 (30×1), W2 (10×30), b2 (10×1)
        var gradients = Gradients(zeroFor: network)                // dW1, dB1, dW2, dB2, each 0, shaped like its parameter
        gradients.dB2[3, 0] = 1
        var workspace = Workspace(network: network, batchSize: 10)  // z1, a1, z2, a2, delta2, delta1 (one example per row), gradients
        workspace.z1.setZero()
        let squashed = sigmoid(Matrix([[0, 2]]))                   // σ of every entry; sigmoid(0.0) for one number
        let slopes = sigmoidPrime(Matrix([[0, 2]]))                // σ′ of every entry
        // end listing
        #expect(sizes.hidden == 30 && gradients.dB2.elements.reduce(0, +) == 1 && workspace.z1.shape == Shape(rows: 10, columns: 30))
        #expect(squashed[0, 0] == 0.5 && slopes[0, 0] == 0.25)

        // listing: toolbox-data
        let split = MNIST.Split(pixels: [UInt8](repeating: 0, count: 2 * 784), labels: [3, 7], rows: 28, columns: 28)
        let image = split.pixels[784 ..< 1568]                     // image 1's 784 pixels, 0–255, row by row
        let label = split.labels[1]                                // the digit image 1 shows: 7
        let counts = (split.count, split.imageSize)                // (2 images, 784 pixels each)
        // end listing
        #expect(image.count == 784 && label == 7 && counts == (2, 784))

        // listing: toolbox-gradient-check
        let f: (Double) -> Double = { x in x * x * x }
        let slope = GradientCheck.centralDifference(f, at: 2)      // ≈ 12, the slope of x³ at 2
        let error = GradientCheck.relativeError(12.0001, slope)    // |a − n| / max(|a|, |n|, floor)
        let loss: ([Double]) -> Double = { p in p[0] * p[1] }
        let partial = GradientCheck.partialDerivative(of: loss, at: [3, 4], index: 1)  // ∂loss/∂p₁ at (3, 4): ≈ 3
        let report = GradientCheck.compare(name: "dA", analytic: 2 * A, parameter: A) { P in
            P.hadamard(P).elements.reduce(0, +)                    // your gradient of this loss, checked entry by entry
        }
        print(report)                                              // the worst entries and, when it sees one, the likely mistake
        let sample = GradientCheck.entriesToCheck(count: 23_520, using: &generator)  // 64 random entries of a big matrix
        let values = GradientCheck.compareValues(name: "a1", got: A, expected: A)   // values, not gradients
        // end listing
        #expect(abs(slope - 12) < 1e-6 && error < 1e-4 && abs(partial - 3) < 1e-6 && report.passed)
        #expect(sample.count == GradientCheck.sampleLimit && values.passed)
    }
}

extension ToolboxExamples {
    /// The files whose public calls the toolbox must all show, each up to an optional end marker.
    static let covered: [(file: String, upTo: String?)] = [
        ("Sources/WorkbookCore/Matrix/Matrix.swift", nil),
        ("Sources/WorkbookCore/Matrix/MatrixArithmetic.swift", nil),
        ("Sources/WorkbookCore/Matrix/InPlace.swift", nil),
        ("Sources/WorkbookCore/Matrix/FastKernels.swift", nil),
        ("Sources/WorkbookCore/Network/Workspace.swift", nil),
        ("Sources/WorkbookCore/Network/Sigmoid.swift", nil),
        ("Sources/WorkbookCore/GradientCheck/GradientCheck.swift", "public struct KnownMistake"),
    ]

    @Test("the toolbox shows every public call of the matrix, network-buffer and gradient-check files")
    func coversThePublicCalls() throws {
        let toolbox = try RepositoryFiles.read("chapters/toolbox.md")
        let declaration = /public (?:static |mutating )*(?:func|var|let) ([A-Za-z0-9_]+|[+*-])/
        for (file, end) in Self.covered {
            var source = try RepositoryFiles.read(file)
            if let end, let range = source.range(of: end) { source = String(source[..<range.lowerBound]) }
            for match in source.matches(of: declaration) where match.1 != "description" {  // CustomStringConvertible.
                let name = String(match.1)
                let shown = ["+", "-", "*"].contains(name) ? toolbox.contains(" \(name) ") : toolbox.contains(name)
                #expect(shown, "chapters/toolbox.md does not show \(name), public in \(file)")
            }
        }
    }
}
