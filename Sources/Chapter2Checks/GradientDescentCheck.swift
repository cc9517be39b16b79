import Chapter2
import WorkbookCore

/// Exercise 2.6: one gradient-descent step moves every parameter by −η times its
/// gradient, and, with a small η and the true gradients, lowers the loss.
public func checkGradientDescent(_ step: (inout Network, Gradients, Double) -> Void,
                                 using generator: inout SplitMix64) -> Verdict {
    checkEveryProblem(using: &generator) { problem, generator in
        let before = problem.network
        let gradients = ReferenceNetwork.backprop(before, problem.x, problem.t)
        let eta = generator.uniform(0.05, 0.5)
        let after = learnerCode { () -> Network in
            var network = before
            step(&network, gradients, eta)
            return network
        }
        let steps: [(String, KeyPath<Network, Matrix>, KeyPath<Gradients, Matrix>)] = [
            ("W1", \.W1, \.dW1), ("b1", \.b1, \.dB1), ("W2", \.W2, \.dW2), ("b2", \.b2, \.dB2),
        ]
        var verdicts = steps.map { name, parameter, gradient in
            let old = before[keyPath: parameter], got = after[keyPath: parameter], slope = gradients[keyPath: gradient]
            let symbol = name.replacingOccurrences(of: "1", with: "¹").replacingOccurrences(of: "2", with: "²")
            // θ − η ∂L/∂θ, with θ the parameter before the step.
            let formula = Formula.difference(.quantity(symbol), .scaled(.size("η"), .quantity("∂L/∂\(symbol)")))
            let quantities = Environment(quantities: [symbol: old, "∂L/∂\(symbol)": slope],
                                         sizes: ["η": (eta, "the learning rate"), "m": (Double(problem.x.columns), "the number of examples")])
            return Verdict.from(GradientCheck.compareValues(name: "\(name) after the step", got: got, expected: old - eta * slope,
                                                            computation: Computation(formula, in: quantities)),
                                context: "a step with η = \(formatNumber(eta))")
        }
        let small = learnerCode { () -> Network in
            var network = before
            step(&network, gradients, 1e-3)
            return network
        }
        let lossBefore = ReferenceNetwork.loss(before, problem.x, problem.t)
        let lossAfter = ReferenceNetwork.loss(small, problem.x, problem.t)
        // A saturated network's gradients are about 0, and then so is the change.
        verdicts.append(lossAfter <= lossBefore
            ? .passed("a step with η = 0.001 does not raise the loss (\(formatNumber(lossBefore)) to \(formatNumber(lossAfter)))")
            : .failed("a step with η = 0.001 raised the loss from \(formatNumber(lossBefore)) to \(formatNumber(lossAfter))"))
        return verdicts
    }
}
