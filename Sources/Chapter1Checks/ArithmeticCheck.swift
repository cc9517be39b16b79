import Chapter1
import WorkbookCore

/// A binary operation on values, such as `+`.
public typealias BinaryOperation = (Value, Value) -> Value

/// Exercise 1.3: the backward rules of `+` and `*`, alone, in an expression
/// where each leaf is used once, and in one where a leaf is used three times.
public func checkArithmetic(add: @escaping BinaryOperation, multiply: @escaping BinaryOperation,
                            using generator: inout SplitMix64) -> Verdict {
    let x = generator.uniform(0.5, 2) * (generator.uniform(0, 1) < 0.5 ? -1 : 1)
    let y = generator.uniform(0.5, 2)
    let z = generator.uniform(-2, 2)
    let cases: [(String, ValueGraphCheck.Expression)] = [
        ("x + y", { add($0[0], $0[1]) }),
        ("x · y", { multiply($0[0], $0[1]) }),
        ("x · y + z", { add(multiply($0[0], $0[1]), $0[2]) }),
        ("(x + y) · (y · z)", { multiply(add($0[0], $0[1]), multiply($0[1], $0[2])) }),
    ]
    var parts = [Verdict]()
    for (name, expression) in cases {
        let report = ValueGraphCheck.check("(∂/∂x, ∂/∂y, ∂/∂z) of \(name)", expression, at: [x, y, z])
        parts.append(Verdict.from(report, context: "\(name) at x = \(formatNumber(x)), y = \(formatNumber(y)), "
            + "z = \(formatNumber(z))"))
        if case .failed = parts.last! { return parts.last! }
    }
    // x is used three times: each use must add its share to x.grad.
    let reuse = ValueGraphCheck.check("(∂/∂x, ∂/∂y) of x · x + x · y", {
        add(multiply($0[0], $0[0]), multiply($0[0], $0[1]))
    }, at: [x, y])
    guard reuse.passed else {
        return .failed("x · x + x · y at x = \(formatNumber(x)), y = \(formatNumber(y)):\n\(reuse)\n"
            + "  likely cause: the gradients are right when each value is used once and wrong when x is used "
            + "three times, so a backward rule overwrites grad (=) instead of accumulating (+=)")
    }
    parts.append(.passed("x · x + x · y, with x used three times: \(reuse)"))
    return Verdict.all(parts)
}
