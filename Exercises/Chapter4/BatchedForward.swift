// Exercise 4.2: the forward pass for a batch with one example per row.

import WorkbookCore

// listing: batched-forward-stub
/// z¹ = X(W¹)ᵀ + b¹, a¹ = σ(z¹), z² = a¹(W²)ᵀ + b², a² = σ(z²), with one example
/// per row of X, written into `workspace`.
public func forward(_ network: Network, _ x: Matrix, into workspace: inout Workspace) {
    // TODO(4.2): Fill z1, a1, z2 and a2 of the workspace, with Matrix.multiply(_:transposing:into:),
    // addToEachRow and assign. Then delete the next line.
    notStarted("4.2")
}
// end listing
