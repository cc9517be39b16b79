import Chapter1
import WorkbookCore

/// Exercise 1.2: `chainDerivative` on random chains of one to five functions,
/// against a central difference of the composed function.
public func checkChainDerivative(_ chainDerivative: ([ScalarFunction], Double) -> Double,
                                 using generator: inout SplitMix64) -> Verdict {
    let library: [ScalarFunction] = [.sin, .exp, .square, .tanh, .sigmoid]
    var parts = [Verdict]()
    for length in [1, 2, 3, 5] {
        var functions = [ScalarFunction]()
        while functions.count < length {
            let next = generator.uniform(0, 1) < 0.2
                ? .affine(slope: generator.uniform(-2, 2), intercept: generator.uniform(-1, 1))
                : library[generator.integer(in: 0 ... library.count - 1)]
            // One exp at most: exp(exp(exp(x))) grows so fast that no finite difference is accurate.
            if next.name == "exp" && functions.contains(where: { $0.name == "exp" }) { continue }
            functions.append(next)
        }
        let x = generator.uniform(-1, 1)
        let numeric = GradientCheck.centralDifference(compose(functions), at: x)
        let inputs = functions.indices.map { compose(Array(functions[..<$0]))(x) }
        let outputs = functions.indices.map { compose(Array(functions[...$0]))(x) }
        let names = functions.map(\.name).joined(separator: ", ")
        parts.append(ScalarComparison(
            subject: "chainDerivative(of: [\(names)], at: \(formatNumber(x)))",
            got: learnerCode { chainDerivative(functions, x) }, expected: numeric,
            mistakes: [
                .init(functions.reduce(1) { $0 * $1.derivative(x) },
                      "every derivative was evaluated at x; each must be evaluated at its own input"),
                .init(zip(functions, outputs).reduce(1) { $0 * $1.0.derivative($1.1) },
                      "each derivative was evaluated at its function's output, not its input"),
                .init(zip(functions, inputs).reduce(0) { $0 + $1.0.derivative($1.1) },
                      "the local derivatives were added; the chain rule multiplies them"),
                .init(functions.last!.derivative(inputs.last!),
                      "only the last function's derivative was used"),
            ]).verdict)
    }
    return Verdict.all(parts)
}
