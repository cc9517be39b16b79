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
    let point = "x = \(formatNumber(x)), y = \(formatNumber(y)), z = \(formatNumber(z))"
    var parts = [Verdict]()

    let productGradients = ValueGraphCheck.leafGradients(of: { multiply($0[0], $0[1]) }, at: [x, y])
    if productGradients == [x, y] && x != y {
        return .failed("x · y at \(point): x.grad = \(formatNumber(x)) and y.grad = \(formatNumber(y))\n"
            + "  likely cause: each operand received its own value; ∂(x·y)/∂x is y, the other operand",
                       judged: "static func *")
    }

    // Each leaf used once. In the last two, an operation below the root gets an
    // out.grad other than 1, which a rule that forgets to multiply by it gets wrong.
    let ignoresOutGrad = "the rule of %@ ignores out.grad: each operand's grad must grow by its local "
        + "derivative times out.grad (the node's own gradient), which is 1 only at the root"
    func leaves(_ values: Double...) -> Matrix { Matrix(rows: 1, columns: 3, elements: values) }
    // Each expression in learner code, with the checker's own arithmetic for its value.
    let singleUse: [(String, ValueGraphCheck.Expression, ([Double]) -> Double, [KnownMistake])] = [
        ("x + y", { add($0[0], $0[1]) }, { $0[0] + $0[1] }, []),
        ("x · y", { multiply($0[0], $0[1]) }, { $0[0] * $0[1] }, []),
        ("x · y + z", { add(multiply($0[0], $0[1]), $0[2]) }, { $0[0] * $0[1] + $0[2] }, []),
        ("(x + y) · z", { multiply(add($0[0], $0[1]), $0[2]) }, { ($0[0] + $0[1]) * $0[2] },
         [.values(leaves(1, 1, x + y), ignoresOutGrad.replacingOccurrences(of: "%@", with: "+"))]),
        ("(x · y) · z", { multiply(multiply($0[0], $0[1]), $0[2]) }, { $0[0] * $0[1] * $0[2] },
         [.values(leaves(y, x, x * y), ignoresOutGrad.replacingOccurrences(of: "%@", with: "*"))]),
    ]
    for (name, expression, reference, mistakes) in singleUse {
        let report = ValueGraphCheck.check("(∂/∂x, ∂/∂y, ∂/∂z)", expression, reference: reference, at: [x, y, z],
                                           mistakes: mistakes)
        // The first two use one operation each: a failure there is that operation's.
        let verdict = Verdict.from(report, context: "\(name) at \(point)")
        parts.append(["x + y": verdict.judging("static func +"), "x · y": verdict.judging("static func *")][name] ?? verdict)
        if case .failed = parts.last! { return parts.last! }
    }

    // Leaves used more than once: each use must add its share to the leaf's grad.
    let reused: [(String, ValueGraphCheck.Expression, ([Double]) -> Double)] = [
        ("(x + y) · (y · z), with y used twice", { multiply(add($0[0], $0[1]), multiply($0[1], $0[2])) },
         { ($0[0] + $0[1]) * ($0[1] * $0[2]) }),
        ("x · x + x · y, with x used three times", { add(multiply($0[0], $0[0]), multiply($0[0], $0[1])) },
         { $0[0] * $0[0] + $0[0] * $0[1] }),
        // Both operands of + are x, so its rule adds to x twice: (=) in + alone keeps one.
        ("x + x, with x as both operands", { add($0[0], $0[0]) }, { 2 * $0[0] }),
    ]
    for (name, expression, reference) in reused {
        let report = ValueGraphCheck.check("(∂/∂x, ∂/∂y, ∂/∂z)", expression, reference: reference, at: [x, y, z])
        guard report.passed else {
            return .failed("\(name), at \(point):\n\(report)\n"
                + "  likely cause: the gradients are right when each value is used once and wrong when one is used "
                + "again, so a backward rule overwrites grad (=) instead of accumulating (+=)",
                           judged: name.hasPrefix("x + x,") ? "static func +" : nil)
        }
        parts.append(.passed("\(name): \(report)"))
    }
    return Verdict.all(parts)
}
