import Chapter2Checks
import WorkbookCore

/// Three classic mistakes of backprop tutorials. Each runs without an error on
/// a square network, and each is caught by a gradient check.
public enum BugInTheWild: String, CaseIterable, Sendable {
    /// dW² computed as a¹(δ²)ᵀ, the transpose of δ²(a¹)ᵀ: same shape when W² is square.
    case transposedGradient = "transposed-gradient"
    /// W¹ used again in the second layer, where W² belongs: runs when W¹ and W² have the same shape.
    case sharedWeights = "shared-weights"
    /// σ′ applied to σ(z) instead of z: runs everywhere.
    case sigmoidPrimeOfActivation = "sigmoid-prime-of-activation"

    /// What goes wrong, in one sentence.
    public var explanation: String {
        switch self {
        case .transposedGradient: "dW2 is computed as a¹(δ²)ᵀ, the transpose of δ²(a¹)ᵀ"
        case .sharedWeights: "the second layer multiplies by W1 where W2 belongs, so the loss does not depend on W2"
        case .sigmoidPrimeOfActivation: "σ′ is applied to the activations σ(z) instead of to z"
        }
    }

    /// The loss of the buggy network: the forward pass the bug's code really runs.
    public func loss(_ network: Network, _ x: Matrix, _ t: Matrix) -> Double {
        ReferenceNetwork.summedLoss(tutorialForward(network, x, bug: self).a2, t) / Double(x.columns)
    }

    /// The gradients the buggy code claims.
    public func backprop(_ network: Network, _ x: Matrix, _ t: Matrix) -> Gradients {
        tutorialBackprop(network, x, t, bug: self)
    }
}

// listing: tutorial-backprop
/// A two-layer network as tutorials write it, with a switch for each bug.
func tutorialForward(_ network: Network, _ x: Matrix, bug: BugInTheWild?) -> (z1: Matrix, a1: Matrix, z2: Matrix, a2: Matrix) {
    let z1 = (network.W1 * x).addingToEachColumn(network.b1)
    let a1 = sigmoid(z1)
    let secondWeights = bug == .sharedWeights ? network.W1 : network.W2  // Bug: W1 twice.
    let z2 = (secondWeights * a1).addingToEachColumn(network.b2)
    return (z1, a1, z2, sigmoid(z2))
}

func tutorialBackprop(_ network: Network, _ x: Matrix, _ t: Matrix, bug: BugInTheWild?) -> Gradients {
    let (z1, a1, z2, a2) = tutorialForward(network, x, bug: bug)
    let m = Double(x.columns)
    let delta2 = bug == .sigmoidPrimeOfActivation
        ? (a2 - t).hadamard(sigmoidPrime(a2))  // Bug: σ′(σ(z²)).
        : (a2 - t).hadamard(sigmoidPrime(z2))
    let delta1 = (network.W2.transposed * delta2).hadamard(sigmoidPrime(z1))
    let dW2 = bug == .transposedGradient
        ? (1 / m) * (a1 * delta2.transposed)  // Bug: the transpose of δ²(a¹)ᵀ.
        : (1 / m) * (delta2 * a1.transposed)
    return Gradients(dW1: (1 / m) * (delta1 * x.transposed), dB1: (1 / m) * delta1.rowSums(),
                     dW2: dW2, dB2: (1 / m) * delta2.rowSums())
}
// end listing
