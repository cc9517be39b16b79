import Chapter1
import WorkbookCore

/// Gradient checks on graphs of `Value`s.
///
/// The checks of the operations (1.3, 1.4) must not depend on the learner's
/// `backward()` (1.5), so they propagate with ``referenceBackward(_:)``, the
/// checker's own walk; the check of `backward()` uses nodes with the checker's
/// own backward rules. Each exercise is graded on its own code alone.
public enum ValueGraphCheck {
    /// An expression over some leaves, such as `{ x in x[0] * x[1] + x[0] }`.
    public typealias Expression = ([Value]) -> Value

    /// Runs every node's backward rule, parents before children, from `root`.
    public static func referenceBackward(_ root: Value) {
        root.grad = 1
        for node in nodes(below: root).reversed() { node.backwardRule(node) }
    }

    /// Every node below `root`, and `root`, each once, children before parents.
    public static func nodes(below root: Value) -> [Value] {
        var order = [Value]()
        var visited = Set<ObjectIdentifier>()
        var stack: [(node: Value, childrenDone: Bool)] = [(root, false)]
        while let (node, childrenDone) = stack.popLast() {
            if childrenDone {
                order.append(node)
                continue
            }
            guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for child in node.children where !visited.contains(ObjectIdentifier(child)) {
                stack.append((child, false))
            }
        }
        return order
    }

    /// lhs + rhs with the checker's own backward rule, for building test graphs
    /// that do not depend on Exercise 1.3.
    public static func sum(_ lhs: Value, _ rhs: Value) -> Value {
        Value(lhs.data + rhs.data, children: [lhs, rhs], operation: "+") { out in
            lhs.grad += out.grad
            rhs.grad += out.grad
        }
    }

    /// lhs · rhs with the checker's own backward rule.
    public static func product(_ lhs: Value, _ rhs: Value) -> Value {
        Value(lhs.data * rhs.data, children: [lhs, rhs], operation: "*") { out in
            lhs.grad += rhs.data * out.grad
            rhs.grad += lhs.data * out.grad
        }
    }

    /// Builds `expression` (learner code) on fresh leaves holding `inputs`,
    /// propagates from its root with `propagate`, and compares each leaf's gradient
    /// with a central difference of `reference`, the checker's own arithmetic for the
    /// same expression; `mistakes` are the leaves' gradients that known wrong rules
    /// would give.
    public static func check(_ name: String, _ expression: Expression, reference: @escaping ([Double]) -> Double,
                             at inputs: [Double], mistakes: [KnownMistake] = [],
                             propagate: (Value) -> Void = referenceBackward) -> GradientReport {
        let analytic = leafGradients(of: expression, at: inputs, propagate: propagate)
        return GradientCheck.compare(name: name, shape: Shape(rows: 1, columns: inputs.count),
                                     analytic: analytic, at: inputs, mistakes: mistakes, of: reference)
    }

    /// The gradient each leaf of `expression`, built on `inputs`, receives when
    /// `propagate` runs from its root: learner code, recorded.
    public static func leafGradients(of expression: Expression, at inputs: [Double],
                                     propagate: (Value) -> Void = referenceBackward) -> [Double] {
        learnerCode {
            let leaves = inputs.map { Value($0) }
            propagate(expression(leaves))
            return leaves.map(\.grad)
        }
    }
}
