import Chapter4
import Foundation
import WorkbookCore

/// Exercise 4.7: the penalty against the checker's own sum, and the gradient against
/// finite differences of a loss plus the checker's penalty.
///
/// The unpenalised loss is a made-up one whose gradients are known exactly: L₀(θ) =
/// ⟨g, θ⟩ for random gradients g, one per parameter. So any difference between the
/// learner's gradients and the numeric ones comes from the penalty's gradient alone.
public func checkWeightDecay(penalty: @escaping (Network, Double, Int) -> Double,
                             addDecay: @escaping (inout Gradients, Network, Double, Int) -> Void,
                             using generator: inout SplitMix64) -> Verdict {
    var parts = [Verdict]()
    for (inputs, hidden, outputs) in [(3, 5, 2), (4, 4, 4), (generator.integer(in: 1 ... 6), generator.integer(in: 1 ... 6),
                                                              generator.integer(in: 1 ... 4))] {
        let network = Network(inputs: inputs, hidden: hidden, outputs: outputs, using: &generator)
        let lambda = generator.uniform(0.5, 5)
        // Few examples, so that λ/n is large enough for every mistake to show in the total gradient.
        let n = [10, 25, 50][generator.integer(in: 0 ... 2)]
        let base = Gradients(dW1: Matrix(rows: hidden, columns: inputs, uniformIn: -1, 1, using: &generator),
                             dB1: Matrix(rows: hidden, columns: 1, uniformIn: -1, 1, using: &generator),
                             dW2: Matrix(rows: outputs, columns: hidden, uniformIn: -1, 1, using: &generator),
                             dB2: Matrix(rows: outputs, columns: 1, uniformIn: -1, 1, using: &generator))
        let context = "a \(inputs)-\(hidden)-\(outputs) network, λ = \(formatNumber(lambda)), n = \(n)"
        let squares = (network.W1.elements + network.W2.elements).reduce(0) { $0 + $1 * $1 }
        let allSquares = squares + (network.b1.elements + network.b2.elements).reduce(0) { $0 + $1 * $1 }
        let expected = lambda / (2 * Double(n)) * squares
        let got = learnerCode { penalty(network, lambda, n) }
        let comparison = ScalarComparison(subject: "the penalty for \(context)", got: got, expected: expected, mistakes: [
            .init(lambda / Double(n) * squares, "this is (λ/n) Σ w²: the penalty has a ½ in it"),
            .init(lambda / (2 * Double(n)) * allSquares, "the biases were penalised too; only the weights are"),
            .init(lambda / 2 * squares, "λ was not divided by n, the number of training examples"),
            .init(lambda / (2 * Double(n)) * squares.squareRoot(), "this is the norm ‖w‖, not its square Σ w²"),
        ])
        if !comparison.agrees { return comparison.verdict }
        var gradients = base
        let decayed = learnerCode { () -> Gradients in
            addDecay(&gradients, network, lambda, n)
            return gradients
        }
        let rate = lambda / Double(n)
        func shifted(_ scale: Double, biases: Bool = false) -> Gradients {
            Gradients(dW1: base.dW1 + scale * network.W1, dB1: biases ? base.dB1 + scale * network.b1 : base.dB1,
                      dW2: base.dW2 + scale * network.W2, dB2: biases ? base.dB2 + scale * network.b2 : base.dB2)
        }
        // The numeric gradient of ⟨g, θ⟩ + (λ/2n) Σ w², one parameter at a time.
        func total(_ candidate: Network) -> Double {
            let linear = zip(base.dW1.elements, candidate.W1.elements).reduce(0) { $0 + $1.0 * $1.1 }
                + zip(base.dB1.elements, candidate.b1.elements).reduce(0) { $0 + $1.0 * $1.1 }
                + zip(base.dW2.elements, candidate.W2.elements).reduce(0) { $0 + $1.0 * $1.1 }
                + zip(base.dB2.elements, candidate.b2.elements).reduce(0) { $0 + $1.0 * $1.1 }
            let weights = (candidate.W1.elements + candidate.W2.elements).reduce(0) { $0 + $1 * $1 }
            return linear + lambda / (2 * Double(n)) * weights
        }
        let wrong: [(Gradients, String)] = [
            (shifted(2 * rate), "the penalty's gradient is doubled: the ½ of (λ/2n) w² cancels the 2 of the derivative"),
            (shifted(rate, biases: true), "the biases were decayed too; the penalty has only weights in it"),
            (shifted(-rate), "the sign is flipped: the penalty grows with |w|, so its gradient points along w"),
            (shifted(lambda), "λ was not divided by n, the number of training examples"),
            (base, "the gradients are unchanged: the penalty's gradient was not added"),
        ]
        for (name, parameter, analytic, pick) in [
            ("dW1", network.W1, decayed.dW1, { (g: Gradients) in g.dW1 }),
            ("dB1", network.b1, decayed.dB1, { (g: Gradients) in g.dB1 }),
            ("dW2", network.W2, decayed.dW2, { (g: Gradients) in g.dW2 }),
            ("dB2", network.b2, decayed.dB2, { (g: Gradients) in g.dB2 }),
        ] as [(String, Matrix, Matrix, (Gradients) -> Matrix)] {
            let report = GradientCheck.compare(name: name, analytic: analytic, parameter: parameter,
                                               mistakes: wrong.map { .values(pick($0.0), $0.1) }) { value in
                var candidate = network
                switch name {
                case "dW1": candidate.W1 = value
                case "dB1": candidate.b1 = value
                case "dW2": candidate.W2 = value
                default: candidate.b2 = value
                }
                return total(candidate)
            }
            let verdict = Verdict.from(report, context: "the gradients with weight decay for \(context)")
            if case .failed = verdict { return verdict }
            parts.append(verdict)
        }
    }
    return Verdict.all(parts)
}
