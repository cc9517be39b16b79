import Chapter1
import WorkbookCore

/// Exercise 1.5: `topologicalOrder(from:)` and `backward()` on graphs whose
/// nodes carry the checker's own backward rules, so the check depends on no
/// other exercise. The rules record the order they run in, which is how a
/// wrong order is diagnosed.
public func checkBackward(topologicalOrder: (Value) -> [Value], backward: (Value) -> Void,
                          using generator: inout SplitMix64) -> Verdict {
    var parts = [Verdict]()
    for graph in [GraphShape.chain, .diamond, .random(using: &generator)] {
        let local = graph.localDerivatives(using: &generator)
        parts.append(checkOrder(of: graph, local: local, topologicalOrder: topologicalOrder).judging("topologicalOrder(from:)"))
        parts.append(checkGradients(of: graph, local: local, backward: backward).judging("backward()"))
        if case .failed = parts.last! { break }
    }
    return Verdict.all(parts)
}

/// A graph as lists of child indices: node i's children all come before i, and
/// the last node is the root.
struct GraphShape {
    let name: String
    let leafCount: Int
    let children: [[Int]]
    var labels: [String]? = nil

    static let chain = GraphShape(name: "a chain x → a → b → L", leafCount: 1, children: [[], [0], [1], [2]],
                                  labels: ["x", "a", "b", "L"])
    static let diamond = GraphShape(name: "a diamond: x feeds a and b, which both feed L", leafCount: 1,
                                    children: [[], [0], [0], [1, 2]], labels: ["x", "a", "b", "L"])

    /// A random graph of 11 nodes built so that every draw can catch the classic
    /// mistakes: every node is below L; n(i) uses n(i − 1), so the graph is 8 deep;
    /// values are reused (fan-out); and L also uses a node far down the chain, which
    /// a breadth-first walk then reaches, and runs, before its other parents.
    static func random(using generator: inout SplitMix64) -> GraphShape {
        var children: [[Int]] = [[], [], []]
        for index in 3 ..< 10 {
            var picks: Set<Int> = [index - 1]
            if index == 3 { picks.formUnion([0, 1]) }  // The other two leaves are used too.
            for _ in 0 ..< generator.integer(in: 0 ... 2) { picks.insert(generator.integer(in: max(0, index - 4) ... index - 2)) }
            children.append(picks.sorted())
        }
        children.append([generator.integer(in: 3 ... 6), 9])  // L: a shortcut, and the long way.
        return GraphShape(name: "a random graph of 11 nodes, 8 deep, where values are reused and L also uses n\(children[10][0])",
                          leafCount: 3, children: children)
    }

    func localDerivatives(using generator: inout SplitMix64) -> [[Double]] {
        children.map { $0.map { _ in generator.uniform(0.5, 2) * (generator.uniform(0, 1) < 0.5 ? -1 : 1) } }
    }

    func label(_ index: Int) -> String {
        if let labels { return labels[index] }
        return index == children.count - 1 ? "L" : index < leafCount ? ["x", "y", "z"][index] : "n\(index)"
    }

    /// Builds the graph; each node's rule adds local · out.grad to each child and
    /// appends the node's index to `log`.
    func build(local: [[Double]], log: CallLog) -> [Value] {
        var nodes = [Value]()
        for (index, childIndices) in children.enumerated() {
            let childNodes = childIndices.map { nodes[$0] }
            let derivatives = local[index]
            nodes.append(Value(Double(index), children: childNodes, operation: "f", label: label(index)) { out in
                log.calls.append(index)
                for (child, derivative) in zip(childNodes, derivatives) { child.grad += derivative * out.grad }
            })
        }
        return nodes
    }

    /// The nodes the root depends on, and the root itself.
    var reachable: Set<Int> {
        var found: Set<Int> = [children.count - 1]
        for index in children.indices.reversed() where found.contains(index) { found.formUnion(children[index]) }
        return found
    }

    /// The nodes that use node `index` and that the root depends on.
    func parents(of index: Int) -> [Int] {
        let reachable = reachable
        return children.indices.filter { children[$0].contains(index) && reachable.contains($0) }
    }
}

/// The order in which backward rules ran.
final class CallLog {
    var calls = [Int]()
}

private func checkOrder(of graph: GraphShape, local: [[Double]],
                        topologicalOrder: (Value) -> [Value]) -> Verdict {
    // Learner code: the order it returns, as indices into the graph (−1 for a node not in it).
    let order = learnerCode { () -> [Int] in
        let nodes = graph.build(local: local, log: CallLog())
        return topologicalOrder(nodes.last!).map { node in nodes.firstIndex { $0 === node } ?? -1 }
    }
    let indices = order.filter { $0 >= 0 }
    let context = "topologicalOrder(from: L) on \(graph.name)"
    let seen = indices.map(graph.label).joined(separator: ", ")
    if indices.count != Set(indices).count {
        return .failed("\(context) returned [\(seen)]: a node appears more than once\n"
            + "  likely cause: no set of visited nodes, so a node reached by two paths is added twice")
    }
    if Set(indices) != graph.reachable || order.count != indices.count {
        return .failed("\(context) returned [\(seen)]: it must contain each of the \(graph.reachable.count) nodes "
            + "below L, and L, exactly once")
    }
    for (position, index) in indices.enumerated() {
        for child in graph.children[index] where !indices[..<position].contains(child) {
            return .failed("\(context) returned [\(seen)]: \(graph.label(index)) comes before its child "
                + "\(graph.label(child))\n  likely cause: a node must be appended after all of its children")
        }
    }
    return .passed("\(context): [\(seen)]")
}

private func checkGradients(of graph: GraphShape, local: [[Double]], backward: (Value) -> Void) -> Verdict {
    let expected = graph.build(local: local, log: CallLog())
    ValueGraphCheck.referenceBackward(expected.last!)
    // Learner code: the order the rules ran in, and every node's gradient after.
    let run = learnerCode { () -> Pair<[Int], [Double]> in
        let log = CallLog()
        let nodes = graph.build(local: local, log: log)
        backward(nodes.last!)
        return Pair(log.calls, nodes.map(\.grad))
    }
    let calls = run.first, grads = run.second
    let context = "backward() on \(graph.name)"
    guard grads.count == expected.count else {
        return .failed("\(context): the graph has \(expected.count) nodes, and \(grads.count) gradients came back")
    }
    if calls.isEmpty {
        return .failed("\(context) ran no backward rule\n  likely cause: call node.backwardRule(node) for every node")
    }
    if let repeated = calls.first(where: { index in calls.filter { $0 == index }.count > 1 }) {
        return .failed("\(context) ran the rule of \(graph.label(repeated)) more than once, so its children "
            + "received its gradient twice\n  likely cause: walk a topological order that holds each node once")
    }
    if grads.last! != 1 {
        return .failed("\(context) left L.grad = \(formatNumber(grads.last!))\n"
            + "  likely cause: ∂L/∂L = 1 must be set before any rule runs; every other gradient grows from it")
    }
    // A node with children whose rule never ran passed nothing down; order is beside the point.
    let skipped = graph.reachable.filter { !graph.children[$0].isEmpty && !calls.contains($0) }.sorted()
    if !skipped.isEmpty {
        let names = skipped.map(graph.label)
        return .failed("\(context) never ran the rule of \(names.joined(separator: ", ")), so "
            + (skipped.count == 1 ? "its children" : "their children") + " received nothing from "
            + (skipped.count == 1 ? "it" : "them") + "\n  likely cause: every node's rule must run once, "
            + (skipped.contains(graph.children.count - 1) ? "the root's (L's) first: " : "") + "does the loop skip the "
            + "first or the last node of the order?")
    }
    for (position, index) in calls.enumerated() {
        for parent in graph.parents(of: index) where !calls[..<position].contains(parent) {
            return .failed("\(context): the rule of \(graph.label(index)) ran before that of its parent "
                + "\(graph.label(parent)), so \(graph.label(index)).grad was passed on before it was complete\n"
                + "  likely cause: run the rules in reverse topological order — every parent before its children")
        }
    }
    // Two valid orders may add the same terms in a different order, so compare with a tolerance.
    let wrong = zip(grads, expected).enumerated().first {
        GradientCheck.relativeError($0.element.0, $0.element.1.grad) > GradientCheck.tolerance
    }
    if let (index, pair) = wrong {
        return .failed("\(context): \(graph.label(index)).grad = \(formatNumber(pair.0)), expected "
            + "\(formatNumber(pair.1.grad))")
    }
    return .passed("\(context): rules ran in the order [\(calls.map(graph.label).joined(separator: ", "))]")
}
