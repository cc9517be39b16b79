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
            var mistakes: [KnownMistake] = [
                .values(old + eta * slope, "\(name) moved along its gradient; descent moves against it: W − η ∂L/∂W"),
                .values(old, "\(name) did not change"),
                .values(old - slope, "the learning rate η is missing: W − η ∂L/∂W"),
            ]
            // A step of another size everywhere: the rate used, read off the largest entry of the gradient.
            if let largest = slope.elements.indices.max(by: { abs(slope.elements[$0]) < abs(slope.elements[$1]) }),
               abs(slope.elements[largest]) > 1e-8 {
                let used = (old.elements[largest] - got.elements[largest]) / slope.elements[largest]
                if used.isFinite, used > 0, abs(used - eta) > 1e-6 * eta {
                    mistakes.append(.values(old - used * slope, "every entry moved by \(formatNumber(used)) times its "
                        + "gradient, not η = \(formatNumber(eta)): use the learning rate passed in, not a fixed one"))
                }
            }
            return Verdict.from(GradientCheck.compareValues(
                name: "\(name) after a step with η = \(formatNumber(eta))", got: got, expected: old - eta * slope,
                mistakes: mistakes))
        }
        let small = learnerCode { () -> Network in
            var network = before
            step(&network, gradients, 1e-3)
            return network
        }
        let lossBefore = ReferenceNetwork.loss(before, problem.x, problem.t)
        let lossAfter = ReferenceNetwork.loss(small, problem.x, problem.t)
        verdicts.append(lossAfter < lossBefore
            ? .passed("a step with η = 0.001 lowers the loss from \(formatNumber(lossBefore)) to \(formatNumber(lossAfter))")
            : .failed("a step with η = 0.001 raised the loss from \(formatNumber(lossBefore)) to \(formatNumber(lossAfter))"))
        return verdicts
    }
}
