import Chapter5
import WorkbookCore

extension DeepNetwork: Recordable {
    public static var placeholder: DeepNetwork { DeepNetwork(layers: [.placeholder]) }
}

/// Exercise 5.5: three steps on one batch from velocity 0, each step's network and
/// returned loss against the step from where the learner's network was, on networks of
/// random depth and width. Each parameter w after step s should be w + μv − η∂L/∂w, with
/// w, its gradient and the loss at the network before the step, and v the parameter's move
/// in the step before (0 at the first). A step that is right in another form (such as
/// v ← μv + ∂L/∂w, w ← w − ηv, which moves the same way) passes: only the parameters and
/// the losses are compared.
public func checkTrainingStep(
    _ step: @escaping (inout DeepNetwork, inout [LayerGradients], Matrix, Matrix, Double, Double, inout DeepWorkspace) -> Double,
    loops: (forward: (DeepNetwork, Matrix, inout DeepWorkspace) -> Void, backward: (DeepNetwork, Matrix, inout DeepWorkspace) -> Void),
    using generator: inout SplitMix64) -> Verdict {
    let allProblems = DeepProblem.all(using: &generator), problems = Array(allProblems.dropFirst())
    let eta = generator.uniform(0.05, 0.5), mu = generator.uniform(0.5, 0.95), steps = 3
    var verdict = checkInOrder(problems, describe: \.description, using: &generator) { problem, _ in
        let calls = learnerCode { () -> Pair<[DeepNetwork], [Double]> in
            var network = problem.network, networks = [DeepNetwork](), losses = [Double]()
            var velocity = network.layers.map(LayerGradients.init(zeroFor:))
            var workspace = DeepWorkspace(network: network, batchSize: problem.x.rows)
            for _ in 0 ..< steps {
                losses.append(step(&network, &velocity, problem.x, problem.t, eta, mu, &workspace))
                networks.append(network)
            }
            return Pair(networks, losses)
        }
        guard calls.first.count == steps, calls.second.count == steps,
              calls.first.allSatisfy({ $0.layers.count == problem.network.layers.count }) else {
            return [.failed("the step changed the number of layers")]
        }
        // The learner's networks: before the first step, then after each.
        let networks = [problem.network] + calls.first
        var verdicts = [Verdict]()
        for s in 1 ... steps {
            let before = networks[s - 1], after = networks[s]
            let (gradients, loss) = stepGradients(before, problem)
            let previous = s > 1 ? stepGradients(networks[s - 2], problem).gradients : nil
            let sentThroughMoved = gradientsThroughMovedLayers(before, moved: after, problem)
            let losses = Environment(quantities: ["L": scalar(loss), "the loss after the step": scalar(stepGradients(after, problem).loss)])
            verdicts.append(ScalarComparison(subject: "the loss returned by step \(s)", got: calls.second[s - 1], expected: loss,
                                             computation: Computation(.quantity("L"), in: losses), name: "L").verdict)
            for l in problem.network.layers.indices {
                for (letter, parameter, gradient) in [("W", \DenseLayer.weights, \LayerGradients.dW), ("b", \.bias, \.dB)] {
                    let w = letter + superscript(l + 1), g = "∂L/∂" + w
                    let start = before.layers[l][keyPath: parameter]
                    let lastMove = s > 1 ? start - networks[s - 2].layers[l][keyPath: parameter] : start.map { _ in 0 }
                    let quantities = Environment(
                        quantities: [w: start, "v": lastMove, g: gradients[l][keyPath: gradient],
                                     "the \(g) of the step before": previous?[l][keyPath: gradient] ?? start.map { _ in 0 },
                                     "the \(g) sent down through the moved layers above": sentThroughMoved[l][keyPath: gradient]],
                        sizes: ["μ": (mu, "the momentum"), "η": (eta, "the learning rate")])
                    let formula = StepFormulas.parameter(w, gradient: g)
                    let expected = formula.evaluate(in: quantities)!
                    verdicts.append(.from(GradientCheck.compareValues(
                        name: w, got: after.layers[l][keyPath: parameter], expected: expected,
                        computation: Computation(formula, in: quantities)), context: "after step \(s)"))
                }
            }
        }
        return verdicts
    }
    // The step calls the learner's 5.3 loops: when they are wrong, that is the cause to name.
    if case .failed(let text, _) = verdict, !allProblems.allSatisfy({ loopsAgree(loops, $0) }) {
        verdict = .failed(blaming(text, "your forward or backward loop (Exercise 5.3) does not pass yet, and the step "
            + "uses it: swift test --filter Chapter5 shows what 5.3 gets wrong"))
    }
    return verdict.mapPassed { "η = \(formatNumber(eta)), μ = \(formatNumber(mu)), \(steps) steps:\n" + $0 }
}

/// The computation of one step with momentum, in the chapter's symbols.
enum StepFormulas {
    /// w + (μv − η∂L/∂w): the velocity v ← μv − η∂L/∂w, then w ← w + v.
    static func parameter(_ w: String, gradient: String) -> Formula {
        .sum(.quantity(w), .difference(.scaled(.size("μ"), .quantity("v")), .scaled(.size("η"), .quantity(gradient))))
    }
}

private func scalar(_ value: Double) -> Matrix { Matrix(rows: 1, columns: 1, repeating: value) }

/// Every layer's gradients and the loss at `network`, on the problem's batch.
private func stepGradients(_ network: DeepNetwork, _ problem: DeepProblem) -> (gradients: [LayerGradients], loss: Double) {
    let caches = ReferenceDeepNetwork.forward(network, problem.x)
    let (yHat, loss) = ReferenceDeepNetwork.softmaxLoss(caches.last!.z, problem.t)
    return (ReferenceDeepNetwork.backward(network, problem.x, caches, lastDelta: yHat - problem.t).gradients, loss)
}

/// The gradients at `network` when each layer's δ is sent down through the weights the
/// layer above has after the step (`moved`): what a loop gets that updates each layer
/// before it sends the δ down.
private func gradientsThroughMovedLayers(_ network: DeepNetwork, moved: DeepNetwork, _ problem: DeepProblem) -> [LayerGradients] {
    var mixed = network
    let caches = ReferenceDeepNetwork.forward(network, problem.x)
    let lastDelta = ReferenceDeepNetwork.softmaxLoss(caches.last!.z, problem.t).yHat - problem.t
    for l in mixed.layers.indices.dropFirst() { mixed.layers[l].weights = moved.layers[l].weights }
    return ReferenceDeepNetwork.backward(mixed, problem.x, caches, lastDelta: lastDelta).gradients
}

/// Whether the learner's Exercise 5.3 loops give the reference's gradients on `problem`.
private func loopsAgree(_ loops: (forward: (DeepNetwork, Matrix, inout DeepWorkspace) -> Void,
                                  backward: (DeepNetwork, Matrix, inout DeepWorkspace) -> Void),
                        _ problem: DeepProblem) -> Bool {
    let got = learnerCode { () -> DeepWorkspace in
        var workspace = DeepWorkspace(network: problem.network, batchSize: problem.x.rows)
        loops.forward(problem.network, problem.x, &workspace)
        workspace.deltas[workspace.deltas.count - 1] = ReferenceDeepNetwork.softmaxLoss(
            workspace.caches[workspace.caches.count - 1].z, problem.t).yHat - problem.t
        loops.backward(problem.network, problem.x, &workspace)
        return workspace
    }
    let expected = ReferenceDeepNetwork.backward(problem.network, problem.x, problem.caches, lastDelta: problem.lastDelta)
    guard got.gradients.count == expected.gradients.count else { return false }
    return zip(got.gradients, expected.gradients).allSatisfy { got, expected in
        GradientCheck.compareValues(name: "dW", got: got.dW, expected: expected.dW).passed
            && GradientCheck.compareValues(name: "dB", got: got.dB, expected: expected.dB).passed
    }
}
