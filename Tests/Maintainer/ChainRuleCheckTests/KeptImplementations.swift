// Implementations kept beside the tests, never in Exercises/: classic wrong
// answers each check must catch, and right answers written differently from
// the reference, which each check must accept.

import Chapter1
import Chapter1Checks
import Foundation

enum Kept {
    // MARK: 1.1

    /// Wrong: the "forward" difference is really the central one.
    static func forwardThatIsCentral(_ f: (Double) -> Double, _ x: Double, _ h: Double) -> Double {
        (f(x + h) - f(x - h)) / (2 * h)
    }

    /// Wrong: the central difference divides by h, not 2h.
    static func centralOverH(_ f: (Double) -> Double, _ x: Double, _ h: Double) -> Double {
        (f(x + h) - f(x - h)) / h
    }

    static func forward(_ f: (Double) -> Double, _ x: Double, _ h: Double) -> Double { (f(x + h) - f(x)) / h }

    /// Wrong: the backward difference, two substitutions away from the forward one.
    static func backwardForForward(_ f: (Double) -> Double, _ x: Double, _ h: Double) -> Double { (f(x) - f(x - h)) / h }

    static func forwardWithFixedStep(_ f: (Double) -> Double, _ x: Double, _ h: Double) -> Double { (f(x + h) - f(x)) / 0.01 }

    static func centralWithPrecedence(_ f: (Double) -> Double, _ x: Double, _ h: Double) -> Double {
        (f(x + h) - f(x - h)) / 2 * h
    }

    /// Right, written differently: half the sum of a forward and a backward difference.
    static func centralAsAverage(_ f: (Double) -> Double, _ x: Double, _ h: Double) -> Double {
        let fx = f(x)
        return 0.5 * ((f(x + h) - fx) / h + (fx - f(x - h)) / h)
    }

    // MARK: 1.2

    /// Wrong: every derivative evaluated at x.
    static func chainAllAtX(_ functions: [ScalarFunction], _ x: Double) -> Double {
        functions.reduce(1) { $0 * $1.derivative(x) }
    }

    /// Right, written differently: recursion from the outermost function inward.
    static func chainRecursive(_ functions: [ScalarFunction], _ x: Double) -> Double {
        guard let outer = functions.last else { return 1 }
        let inner = Array(functions.dropLast())
        return outer.derivative(compose(inner)(x)) * chainRecursive(inner, x)
    }

    // MARK: 1.3

    static func add(_ lhs: Value, _ rhs: Value) -> Value {
        Value(lhs.data + rhs.data, children: [lhs, rhs]) { out in
            lhs.grad += out.grad
            rhs.grad += out.grad
        }
    }

    /// Wrong: the sum rule overwrites (=) instead of accumulating (+=).
    static func addOverwriting(_ lhs: Value, _ rhs: Value) -> Value {
        Value(lhs.data + rhs.data, children: [lhs, rhs]) { out in
            lhs.grad = out.grad
            rhs.grad = out.grad
        }
    }

    /// Wrong: gradients overwritten (=) instead of accumulated (+=).
    // listing: bug-overwrite
    static func multiplyOverwriting(_ lhs: Value, _ rhs: Value) -> Value {
        Value(lhs.data * rhs.data, children: [lhs, rhs]) { out in
            lhs.grad = rhs.data * out.grad
            rhs.grad = lhs.data * out.grad
        }
    }
    // end listing

    /// Wrong: each operand gets its own value instead of the other's.
    static func multiplySwapped(_ lhs: Value, _ rhs: Value) -> Value {
        Value(lhs.data * rhs.data, children: [lhs, rhs]) { out in
            lhs.grad += lhs.data * out.grad
            rhs.grad += rhs.data * out.grad
        }
    }

    /// Wrong: the product rule without out.grad (right only at the root, where out.grad is 1).
    static func multiplyIgnoringOutGrad(_ lhs: Value, _ rhs: Value) -> Value {
        Value(lhs.data * rhs.data, children: [lhs, rhs]) { _ in
            lhs.grad += rhs.data
            rhs.grad += lhs.data
        }
    }

    /// Wrong: the sum rule without out.grad.
    static func addIgnoringOutGrad(_ lhs: Value, _ rhs: Value) -> Value {
        Value(lhs.data + rhs.data, children: [lhs, rhs]) { _ in
            lhs.grad += 1
            rhs.grad += 1
        }
    }

    /// Right, written differently: the local derivatives first, then one loop.
    static func multiplyByLoop(_ lhs: Value, _ rhs: Value) -> Value {
        Value(lhs.data * rhs.data, children: [lhs, rhs]) { out in
            let local = [rhs.data, lhs.data]
            for (child, derivative) in zip([lhs, rhs], local) { child.grad = child.grad + derivative * out.grad }
        }
    }

    // MARK: 1.4

    static func unary(_ value: Value, _ f: @escaping (Double) -> Double,
                      localDerivative: @escaping (_ input: Double, _ output: Double) -> Double) -> Value {
        Value(f(value.data), children: [value]) { out in
            value.grad += localDerivative(value.data, out.data) * out.grad
        }
    }

    static func pow(_ value: Value, _ n: Double) -> Value {
        unary(value, { Foundation.pow($0, n) }) { x, _ in n * Foundation.pow(x, n - 1) }
    }

    static func exp(_ value: Value) -> Value { unary(value, Foundation.exp) { _, y in y } }
    static func tanh(_ value: Value) -> Value { unary(value, Foundation.tanh) { _, y in 1 - y * y } }

    /// Wrong: |x| in the power rule, right only for x > 0.
    static func powOfMagnitude(_ value: Value, _ n: Double) -> Value {
        unary(value, { Foundation.pow($0, n) }) { x, _ in n * Foundation.pow(abs(x), n - 1) }
    }

    /// Wrong: the derivative of x² whatever the exponent.
    static func powAlwaysSquare(_ value: Value, _ n: Double) -> Value {
        unary(value, { Foundation.pow($0, n) }) { x, _ in 2 * x }
    }

    /// Wrong: the sigmoid derivative applied to the input z instead of σ(z).
    static func sigmoidOfInput(_ value: Value) -> Value {
        unary(value, { 1 / (1 + Foundation.exp(-$0)) }) { x, _ in x * (1 - x) }
    }

    /// Right, written differently: a numerically stable σ, recomputed from the input.
    static func sigmoidStable(_ value: Value) -> Value {
        func stable(_ x: Double) -> Double {
            x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
        }
        return unary(value, stable) { x, _ in stable(x) * (1 - stable(x)) }
    }

    // MARK: 1.6

    /// Wrong: log's slope taken at its output, 1 / log x.
    static func logOfOutput(_ value: Value) -> Value { unary(value, Foundation.log) { _, y in 1 / y } }

    /// Wrong: relu passes the gradient through on both sides of 0.
    static func reluSlopeOne(_ value: Value) -> Value { unary(value, { max($0, 0) }) { _, _ in 1 } }

    /// Wrong: relu's output used as its slope.
    static func reluSlopeIsOutput(_ value: Value) -> Value { unary(value, { max($0, 0) }) { _, y in y } }

    /// Wrong: a slope of ½ at the kink is fine, but this one gives −1 below 0 (the slope of |x|).
    static func reluSlopeOfAbs(_ value: Value) -> Value { unary(value, { max($0, 0) }) { x, _ in x >= 0 ? 1 : -1 } }

    /// Right, written differently: 1/x as e^(−log x), from the output.
    static func logFromOutput(_ value: Value) -> Value { unary(value, Foundation.log) { _, y in Foundation.exp(-y) } }

    /// Right, written differently: the slope read off the output, with 1 (not 0) at the kink.
    static func reluFromOutput(_ value: Value) -> Value {
        unary(value, { max($0, 0) }) { x, y in y > 0 || x == 0 ? 1 : 0 }
    }

    /// Wrong: log's rule adds 1/x without the upstream out.grad.
    static func logWithoutUpstream(_ value: Value) -> Value {
        Value(Foundation.log(value.data), children: [value]) { _ in value.grad += 1 / value.data }
    }

    /// Wrong: log's slope written as −1/x², the derivative of 1/x.
    static func logSlopeOfReciprocal(_ value: Value) -> Value { unary(value, Foundation.log) { x, _ in -1 / (x * x) } }

    /// Wrong: relu's rule assigns (=) its share instead of adding it (+=).
    static func reluAssigning(_ value: Value) -> Value {
        Value(max(value.data, 0), children: [value]) { out in value.grad = (value.data > 0 ? 1 : 0) * out.grad }
    }

    static func log(_ value: Value) -> Value { unary(value, Foundation.log) { x, _ in 1 / x } }
    static func relu(_ value: Value) -> Value { unary(value, { max($0, 0) }) { x, _ in x > 0 ? 1 : 0 } }

    // MARK: 1.5

    /// Right, written differently: Kahn's algorithm, counting each node's parents.
    static func topologicalOrderKahn(_ root: Value) -> [Value] {
        var parents = [ObjectIdentifier: Int]()
        var stack = [root]
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        while let node = stack.popLast() {
            for child in node.children {
                parents[ObjectIdentifier(child), default: 0] += 1
                if seen.insert(ObjectIdentifier(child)).inserted { stack.append(child) }
            }
        }
        var ready = [root]
        var parentsFirst = [Value]()
        while let node = ready.popLast() {
            parentsFirst.append(node)
            for child in node.children {
                parents[ObjectIdentifier(child)]! -= 1
                if parents[ObjectIdentifier(child)] == 0 { ready.append(child) }
            }
        }
        return parentsFirst.reversed()
    }

    static func backwardKahn(_ root: Value) {
        root.grad = 1
        for node in topologicalOrderKahn(root).reversed() { node.backwardRule(node) }
    }

    /// Wrong: the root's own rule skipped (the first node of the reversed order dropped).
    static func backwardSkippingRoot(_ root: Value) {
        root.grad = 1
        for node in topologicalOrderKahn(root).reversed().dropFirst() { node.backwardRule(node) }
    }

    /// Wrong: nodes appended before their children (pre-order).
    static func topologicalOrderPreorder(_ root: Value) -> [Value] {
        var order = [Value]()
        var visited = Set<ObjectIdentifier>()
        func visit(_ node: Value) {
            guard visited.insert(ObjectIdentifier(node)).inserted else { return }
            order.append(node)
            for child in node.children { visit(child) }
        }
        visit(root)
        return order
    }

    /// Wrong: breadth-first from the root, each node's rule run as it is reached.
    // listing: bug-breadth-first
    static func backwardBreadthFirst(_ root: Value) {
        root.grad = 1
        var queue = [root]
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        while !queue.isEmpty {
            let node = queue.removeFirst()
            node.backwardRule(node)
            for child in node.children where visited.insert(ObjectIdentifier(child)).inserted { queue.append(child) }
        }
    }
    // end listing

    /// Wrong: depth-first without a visited set, so shared nodes run twice.
    static func backwardWithoutVisitedSet(_ root: Value) {
        root.grad = 1
        func run(_ node: Value) {
            node.backwardRule(node)
            for child in node.children { run(child) }
        }
        run(root)
    }

    // MARK: 1.7
    // Built with 1.3's kept sum, the checker's own product and the σ, e^x and x^p nodes below, never with the
    // operations of Exercises/ (stubs in a run on the stubs).

    private static func sigmoidNode(_ z: Value) -> Value {
        let s = 1 / (1 + Foundation.exp(-z.data))
        return Value(s, children: [z], operation: "σ") { out in z.grad += s * (1 - s) * out.grad }
    }

    private static func expNode(_ z: Value) -> Value {
        let e = Foundation.exp(z.data)
        return Value(e, children: [z], operation: "exp") { out in z.grad += e * out.grad }
    }

    private static func powNode(_ z: Value, _ p: Double) -> Value {
        Value(Foundation.pow(z.data, p), children: [z], operation: "pow") { out in
            z.grad += p * Foundation.pow(z.data, p - 1) * out.grad
        }
    }

    private static func times(_ a: Value, _ b: Value) -> Value { ValueGraphCheck.product(a, b) }

    /// One unit: activation(Σⱼ wⱼ inputⱼ + b).
    private static func unit(_ row: [Value], _ bias: Value, _ inputs: [Value], activation: (Value) -> Value) -> Value {
        activation(zip(row, inputs).reduce(bias) { add($0, times($1.0, $1.1)) })
    }

    private static func squaredErrors(_ yHat: [Value], _ t: [Double], half: Bool) -> Value {
        zip(yHat, t).reduce(Value(0)) { sum, pair in
            let error = add(pair.0, Value(-pair.1))
            return add(sum, times(Value(half ? 0.5 : 1), times(error, error)))
        }
    }

    /// Wrong: ‖ŷ − t‖², the ½ left out.
    static func networkLossWithoutHalf(_ W1: [[Value]], _ b1: [Value], _ W2: [[Value]], _ b2: [Value], _ x: [Double],
                                       _ t: [Double]) -> Value {
        let hidden = zip(W1, b1).map { unit($0, $1, x.map { Value($0) }, activation: sigmoidNode) }
        return squaredErrors(zip(W2, b2).map { unit($0, $1, hidden, activation: sigmoidNode) }, t, half: false)
    }

    /// Wrong: the output layer's biases left out.
    static func networkLossWithoutOutputBias(_ W1: [[Value]], _ b1: [Value], _ W2: [[Value]], _ b2: [Value],
                                             _ x: [Double], _ t: [Double]) -> Value {
        let hidden = zip(W1, b1).map { unit($0, $1, x.map { Value($0) }, activation: sigmoidNode) }
        return squaredErrors(W2.map { unit($0, Value(0), hidden, activation: sigmoidNode) }, t, half: true)
    }

    /// Wrong: built on copies of the weights, which backward() never reaches.
    static func networkLossOnCopies(_ W1: [[Value]], _ b1: [Value], _ W2: [[Value]], _ b2: [Value], _ x: [Double],
                                    _ t: [Double]) -> Value {
        let copy = { (rows: [[Value]]) in rows.map { $0.map { Value($0.data) } } }
        return networkLossBySigmoidFromExp(copy(W1), b1.map { Value($0.data) }, copy(W2), b2.map { Value($0.data) }, x, t)
    }

    /// Right, written differently: σ built from exp and pow, the error squared with pow, the sums in another order.
    static func networkLossBySigmoidFromExp(_ W1: [[Value]], _ b1: [Value], _ W2: [[Value]], _ b2: [Value],
                                            _ x: [Double], _ t: [Double]) -> Value {
        let sigma = { (z: Value) in powNode(add(Value(1), expNode(times(Value(-1), z))), -1) }
        let inputs = x.map { Value($0) }
        let hidden = zip(W1, b1).map { row, bias in
            sigma(add(zip(row, inputs).reversed().reduce(Value(0)) { add($0, times($1.1, $1.0)) }, bias))
        }
        let yHat = zip(W2, b2).map { unit($0, $1, hidden, activation: sigma) }
        let squares = zip(yHat, t).map { powNode(add($0, Value(-$1)), 2) }
        return times(squares.dropFirst().reduce(squares[0]) { add($0, $1) }, Value(0.5))
    }
}
