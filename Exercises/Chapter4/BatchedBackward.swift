// Exercise 4.3: the backward pass for a batch with one example per row.

import WorkbookCore

// listing: batched-backward-stub
/// From δ² (set by the cost): δ¹ = (δ²W²) ⊙ σ′(z¹), then the gradients of the
/// mean loss, ∂L/∂W² = (1/m)(δ²)ᵀa¹, ∂L/∂b² = (1/m)Σⱼ δ²ⱼ, ∂L/∂W¹ = (1/m)(δ¹)ᵀX
/// and ∂L/∂b¹ = (1/m)Σⱼ δ¹ⱼ, where row j is example j.
public func backward(_ network: Network, _ x: Matrix, _ workspace: inout Workspace) {
    // TODO(4.3): Fill delta1 and the four gradients of the workspace. Then delete the next line.
    notStarted("4.3")
}
// end listing
