// Exercise 4.3: the backward pass for a batch with one example per row.

import WorkbookCore

// listing: batched-backward
/// From δ² (set by the cost): δ¹ = (δ²W²) ⊙ σ′(z¹), then the gradients of the
/// mean loss, ∂L/∂W² = (1/m)(δ²)ᵀa¹, ∂L/∂b² = (1/m)Σⱼ δ²ⱼ, ∂L/∂W¹ = (1/m)(δ¹)ᵀX
/// and ∂L/∂b¹ = (1/m)Σⱼ δ¹ⱼ, where row j is example j.
public func backward(_ network: Network, _ x: Matrix, _ workspace: inout Workspace) {
    let m = Double(x.rows)
    Matrix.multiply(workspace.delta2, network.W2, into: &workspace.delta1)
    workspace.delta1.combine(with: workspace.a1) { backpropagated, a in backpropagated * a * (1 - a) }
    Matrix.multiply(transposing: workspace.delta2, workspace.a1, into: &workspace.gradients.dW2, scaledBy: 1 / m)
    Matrix.multiply(transposing: workspace.delta1, x, into: &workspace.gradients.dW1, scaledBy: 1 / m)
    workspace.delta2.columnSums(into: &workspace.gradients.dB2)
    workspace.delta1.columnSums(into: &workspace.gradients.dB1)
    workspace.gradients.dB2.scale(by: 1 / m)
    workspace.gradients.dB1.scale(by: 1 / m)
}
// end listing
