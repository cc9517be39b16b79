import WorkbookCore

/// Checks the gradients a backprop function claims against central differences
/// of the loss it belongs to, for every parameter of the network.
///
/// - Parameters:
///   - loss: The loss of the network on the batch, as the code under test computes it.
///   - backprop: The gradients the code under test claims.
///   - mistakes: Known wrong answers to recognise, by gradient name ("dW1", …).
/// - Returns: One report per parameter: dW1, dB1, dW2, dB2.
public func checkNetworkGradients(_ network: Network, _ x: Matrix, _ t: Matrix,
                                  loss: (Network, Matrix, Matrix) -> Double,
                                  backprop: (Network, Matrix, Matrix) -> Gradients,
                                  mistakes: [String: [KnownMistake]] = [:],
                                  computations: [String: Computation] = [:],
                                  using generator: inout SplitMix64) -> [GradientReport] {
    let gradients = backprop(network, x, t)
    let parameters: [(String, WritableKeyPath<Network, Matrix>, KeyPath<Gradients, Matrix>)] = [
        ("dW1", \.W1, \.dW1), ("dB1", \.b1, \.dB1), ("dW2", \.W2, \.dW2), ("dB2", \.b2, \.dB2),
    ]
    return parameters.map { name, parameter, gradient in
        let values = network[keyPath: parameter]
        let entries = GradientCheck.entriesToCheck(count: values.elements.count, using: &generator)
        return GradientCheck.compare(name: name, analytic: gradients[keyPath: gradient], parameter: values,
                                     entries: entries, mistakes: mistakes[name] ?? [],
                                     computation: computations[name]) { changed in
            var moved = network
            moved[keyPath: parameter] = changed
            return loss(moved, x, t)
        }
    }
}
