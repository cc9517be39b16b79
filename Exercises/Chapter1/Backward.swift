// Exercise 1.5: reverse-mode accumulation over the whole graph.

import WorkbookCore

// listing: backward-stub
/// Every node below `root` (and `root` itself), each once, children before parents.
public func topologicalOrder(from root: Value) -> [Value] {
    // TODO(1.5): Return the nodes below root, and root, each once, every node after its children.
    // Then delete the next line.
    notStarted("1.5", returning: [root])
}

extension Value {
    /// Fills in ∂self/∂node in `grad` for every node below this one.
    public func backward() {
        // TODO(1.5): Fill in every node's grad, running each backwardRule once, in an order
        // that lets each node pass on a complete gradient. Then delete the next line.
        notStarted("1.5")
    }
}
// end listing
