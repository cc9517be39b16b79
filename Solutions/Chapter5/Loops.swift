// Exercise 5.3: the forward pass through every layer, and the backward loop.

import WorkbookCore

// listing: loops
/// The forward pass through every layer for a batch x (m×inputs, one example per
/// row), keeping each layer's z and a in `workspace.caches`.
public func forward(_ network: DeepNetwork, _ x: Matrix, into workspace: inout DeepWorkspace) {
    for l in network.layers.indices {
        let input = l == 0 ? x : workspace.caches[l - 1].a
        forward(network.layers[l], input, into: &workspace.caches[l])
    }
}

/// The backward pass: from the last layer's δ (set by the loss) and the caches of
/// the forward pass, every other layer's δ, then every layer's gradients.
public func backward(_ network: DeepNetwork, _ x: Matrix, _ workspace: inout DeepWorkspace) {
    let last = network.layers.count - 1
    for l in stride(from: last, through: 0, by: -1) {
        if l < last {
            backpropagate(workspace.deltas[l + 1], through: network.layers[l + 1], below: workspace.caches[l],
                          activation: network.layers[l].activation, into: &workspace.deltas[l])
        }
        let input = l == 0 ? x : workspace.caches[l - 1].a
        parameterGradients(workspace.deltas[l], input: input, into: &workspace.gradients[l])
    }
}
// end listing
