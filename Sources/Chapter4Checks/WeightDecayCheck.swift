import Chapter2Checks
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
    let shapes = [(3, 5, 2), (4, 4, 4), (generator.integer(in: 1 ... 6), generator.integer(in: 1 ... 6), generator.integer(in: 1 ... 4))]
    let problems = shapes.map { inputs, hidden, outputs in
        WeightDecayProblem(inputs: inputs, hidden: hidden, outputs: outputs, using: &generator)
    }
    return checkEach(problems, describe: \.description, using: &generator) { problem, generator in
        let network = problem.network, lambda = problem.lambda, n = problem.n, base = problem.base
        let quantities = problem.quantities
        let squares = (network.W1.elements + network.W2.elements).reduce(0) { $0 + $1 * $1 }
        let got = learnerCode { penalty(network, lambda, n) }
        // (λ/2n) Σ w², over the weights w (not the biases).
        let penaltyFormula = Formula.scaled(.quotient(.size("λ"), .scaled(.constant(2, "2"), .size("n"))),
                                            .total(.elementwise(.square, .quantity("w"))))
        let comparison = ScalarComparison(subject: "the penalty", got: got, expected: lambda / (2 * Double(n)) * squares,
                                          computation: Computation(penaltyFormula, in: quantities), name: "the penalty")
        var gradients = base
        let decayed = learnerCode { () -> Gradients in
            addDecay(&gradients, network, lambda, n)
            return gradients
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
        let rate = Formula.quotient(.size("λ"), .size("n"))
        // Each gradient is the one passed in plus the penalty's: (λ/n) W for a weight, nothing for a bias.
        let parts: [(String, String, String, Bool, Matrix, Matrix, WritableKeyPath<Network, Matrix>)] = [
            ("dW1", "W¹", "dW¹", true, network.W1, decayed.dW1, \.W1), ("dB1", "b¹", "db¹", false, network.b1, decayed.dB1, \.b1),
            ("dW2", "W²", "dW²", true, network.W2, decayed.dW2, \.W2), ("dB2", "b²", "db²", false, network.b2, decayed.dB2, \.b2),
        ]
        let reports = parts.map { name, symbol, gradient, isWeight, parameter, analytic, path in
            let decay = Formula.scaled(isWeight ? rate : .scaled(.constant(0, "0 (a bias is not penalised)"), rate),
                                       .quantity(symbol))
            let formula = Formula.sum(.quantity("the \(gradient) passed in"), decay)
            return GradientCheck.compare(name: name, analytic: analytic, parameter: parameter,
                                         computation: Computation(formula, in: quantities)) { value in
                var candidate = network
                candidate[keyPath: path] = value
                return total(candidate)
            }
        }
        return [comparison.verdict.judging("weightDecayPenalty(_:lambda:trainingSetSize:)")]
            + reports.map { Verdict.from($0, context: "the gradients with weight decay").judging("addWeightDecay(to:_:lambda:trainingSetSize:)") }
    }
}

/// A network, λ, n and made-up gradients of an unpenalised loss, for Exercise 4.7.
struct WeightDecayProblem {
    let network: Network
    let lambda: Double
    let n: Int
    let base: Gradients

    init(inputs: Int, hidden: Int, outputs: Int, using generator: inout SplitMix64) {
        network = Network(inputs: inputs, hidden: hidden, outputs: outputs, using: &generator)
        lambda = generator.uniform(0.5, 5)
        // Few examples, so that λ/n is large enough for every mistake to show in the total gradient.
        n = [10, 25, 50][generator.integer(in: 0 ... 2)]
        base = Gradients(dW1: Matrix(rows: hidden, columns: inputs, uniformIn: -1, 1, using: &generator),
                         dB1: Matrix(rows: hidden, columns: 1, uniformIn: -1, 1, using: &generator),
                         dW2: Matrix(rows: outputs, columns: hidden, uniformIn: -1, 1, using: &generator),
                         dB2: Matrix(rows: outputs, columns: 1, uniformIn: -1, 1, using: &generator))
    }

    var description: String {
        let (inputs, hidden, outputs) = network.sizes
        return "a \(inputs)-\(hidden)-\(outputs) network, λ = \(formatNumber(lambda)), n = \(n)"
    }

    /// The quantities of Chapter 4's section on weight decay: the parameters, the weights w and
    /// every parameter θ as columns, the gradients passed in, and the sizes λ and n.
    var quantities: Environment {
        let weights = network.W1.elements + network.W2.elements
        let biases = network.b1.elements + network.b2.elements
        let (inputs, hidden, outputs) = network.sizes
        return Environment(
            quantities: ["W¹": network.W1, "b¹": network.b1, "W²": network.W2, "b²": network.b2,
                         "w": Matrix(rows: weights.count, columns: 1, elements: weights),
                         "θ": Matrix(rows: weights.count + biases.count, columns: 1, elements: weights + biases),
                         "the dW¹ passed in": base.dW1, "the db¹ passed in": base.dB1,
                         "the dW² passed in": base.dW2, "the db² passed in": base.dB2],
            sizes: ["λ": (lambda, "the regularisation strength"), "n": (Double(n), "the number of training examples"),
                    "n₀": (Double(inputs), "the number of inputs"), "n₁": (Double(hidden), "the number of hidden units"),
                    "n₂": (Double(outputs), "the number of outputs")])
    }
}
