// Exercise 1.5: reverse-mode accumulation over the whole graph.

import WorkbookCore

// listing: backward
/// Every node below `root` (and `root` itself), each once, children before parents.
public func topologicalOrder(from root: Value) -> [Value] {
    var order = [Value]()
    var visited = Set<ObjectIdentifier>()
    func visit(_ node: Value) {
        guard visited.insert(ObjectIdentifier(node)).inserted else { return }
        for child in node.children { visit(child) }
        order.append(node)
    }
    visit(root)
    return order
}

extension Value {
    /// Fills in ∂self/∂node in `grad` for every node below this one.
    public func backward() {
        grad = 1  // ∂self/∂self.
        for node in topologicalOrder(from: self).reversed() {
            node.backwardRule(node)
        }
    }
}
// end listing
