import Chapter1
import Foundation
import WorkbookCore

/// Exercise 1.7: the loss of a two-layer network built from Values, and the gradients
/// `backward()` finds in it, against the same loss computed with matrices and the
/// gradients of the matrix backward pass (Chapter 2's formulas, the checker's own
/// arithmetic): the same numbers two ways, entry by entry. The graph is propagated with
/// the checker's own walk, so only the loss's construction and the rules of the
/// operations it uses (1.3, 1.4) count.
public func checkValueNetwork(_ networkLoss: @escaping ([[Value]], [Value], [[Value]], [Value], [Double], [Double]) -> Value,
                              using generator: inout SplitMix64) -> Verdict {
    withDiagnosis { checkValueNetworkProblems(networkLoss, using: &generator) }
}

/// The loss of Exercise 1.7 in the chapter's symbols: ½ Σ (σ(W²σ(W¹x + b¹) + b²) − t)².
enum ValueNetworkFormulas {
    static let a1 = Formula.elementwise(.sigmoid, .addColumn(.product(.quantity("W¹"), .quantity("x")), .quantity("b¹")))
    static let yHat = Formula.elementwise(.sigmoid, .addColumn(.product(.quantity("W²"), a1), .quantity("b²")))
    static let loss = Formula.scaled(.constant(0.5, "½"), .total(.elementwise(.square, .difference(yHat, .quantity("t")))))
}

/// Every problem's loss first (each one recorded for ``Diagnosis``), then the gradients of
/// those whose loss is right.
private func checkValueNetworkProblems(_ networkLoss: @escaping ([[Value]], [Value], [[Value]], [Value], [Double], [Double]) -> Value,
                                       using generator: inout SplitMix64) -> Verdict {
    var parts = [Verdict](), losses = [Verdict]()
    for (inputs, hidden, outputs) in [(3, 4, 2), (2, 2, 2),
                                      (generator.integer(in: 1 ... 4), generator.integer(in: 1 ... 4),
                                       generator.integer(in: 1 ... 3))] {
        let network = Network(inputs: inputs, hidden: hidden, outputs: outputs, using: &generator)
        let x = Matrix(rows: inputs, columns: 1, uniformIn: -2, 2, using: &generator)
        let t = Matrix(rows: outputs, columns: 1, uniformIn: 0, 1, using: &generator)
        let context = "a \(inputs)-\(hidden)-\(outputs) network"
        let recorded = learnerCode { () -> [Double] in
            func values(_ matrix: Matrix) -> [[Value]] {
                (0 ..< matrix.rows).map { row in (0 ..< matrix.columns).map { Value(matrix[row, $0]) } }
            }
            let (W1, b1, W2, b2) = (values(network.W1), values(network.b1).map { $0[0] }, values(network.W2),
                                    values(network.b2).map { $0[0] })
            let loss = networkLoss(W1, b1, W2, b2, x.elements, t.elements)
            ValueGraphCheck.referenceBackward(loss)
            return [loss.data] + (W1.joined() + b1 + W2.joined() + b2).map(\.grad)
        }
        let parameterCount = [network.W1, network.b1, network.W2, network.b2].reduce(0) { $0 + $1.elements.count }
        guard recorded.count == 1 + parameterCount else {
            return .failed("For \(context): the check could not read the loss and the gradients back")
        }
        // The same with matrices: the forward pass, then Chapter 2's deltas and gradients.
        let environment = Environment(quantities: ["W¹": network.W1, "b¹": network.b1, "W²": network.W2, "b²": network.b2,
                                                   "x": x, "t": t],
                                      sizes: ["K": (Double(outputs), "the number of outputs")])
        let expected = ValueNetworkFormulas.loss.evaluate(in: environment)!.elements[0]
        let comparison = ScalarComparison(subject: "the loss of \(context)", got: recorded[0], expected: expected,
                                          computation: Computation(ValueNetworkFormulas.loss, in: environment), name: "the loss")
        losses.append(comparison.verdict)
        if !comparison.agrees { continue }
        let z1 = network.W1 * x + network.b1, a1 = sigmoid(z1)
        let z2 = network.W2 * a1 + network.b2, a2 = sigmoid(z2)
        let delta2 = (a2 - t).hadamard(sigmoidPrime(z2))
        let delta1 = (network.W2.transposed * delta2).hadamard(sigmoidPrime(z1))
        let matrixGradients = [("∂ℓ/∂W¹", delta1 * x.transposed), ("∂ℓ/∂b¹", delta1),
                               ("∂ℓ/∂W²", delta2 * a1.transposed), ("∂ℓ/∂b²", delta2)]
        var offset = 1
        var reports = [GradientReport]()
        for (name, matrix) in matrixGradients {
            let fromGraph = Matrix(rows: matrix.rows, columns: matrix.columns,
                                   elements: Array(recorded[offset ..< offset + matrix.elements.count]))
            offset += matrix.elements.count
            reports.append(GradientCheck.compareValues(name: "\(name) from backward()", got: fromGraph, expected: matrix,
                                                       mistakes: [.values(matrix.map { _ in 0 }, "every entry is 0: the "
                                                           + "loss was built from copies of the parameters (Value(w.data)), "
                                                           + "not from the Values given, so backward() cannot reach them")]))
        }
        if let failed = reports.first(where: { !$0.passed }) {
            var text = "For \(context), the loss is right but backward() gives other gradients than the matrix "
                + "backward pass (Chapter 2) does:\n\(failed)"
            if failed.likelyCause == nil {
                text += "\n  likely cause: the loss is the right number, so the graph computes the right thing; its "
                    + "gradients come from the backward rules of +, * and sigmoid (Exercises 1.3 and 1.4): check those first"
            }
            parts.append(.failed(text))
            continue
        }
        parts.append(.passed("\(context): the loss \(formatNumber(expected)) and all \(parameterCount) gradients agree "
            + "with the matrix backward pass"))
    }
    return losses.first(where: { !$0.isPassed }) ?? parts.first(where: { !$0.isPassed }) ?? Verdict.all(parts)
}
