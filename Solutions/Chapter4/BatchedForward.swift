// Exercise 4.2: the forward pass for a batch with one example per row.

import WorkbookCore

// listing: batched-forward
/// z¹ = X(W¹)ᵀ + b¹, a¹ = σ(z¹), z² = a¹(W²)ᵀ + b², a² = σ(z²), with one example
/// per row of X, written into `workspace`.
public func forward(_ network: Network, _ x: Matrix, into workspace: inout Workspace) {
    Matrix.multiply(x, transposing: network.W1, into: &workspace.z1)
    workspace.z1.addToEachRow(network.b1)
    workspace.a1.assign(workspace.z1, sigmoid)
    Matrix.multiply(workspace.a1, transposing: network.W2, into: &workspace.z2)
    workspace.z2.addToEachRow(network.b2)
    workspace.a2.assign(workspace.z2, sigmoid)
}
// end listing
