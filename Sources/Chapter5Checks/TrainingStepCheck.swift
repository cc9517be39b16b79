import Chapter5
import WorkbookCore

extension DeepNetwork: Recordable {
    public static var placeholder: DeepNetwork { DeepNetwork(layers: [.placeholder]) }
}

/// The mistakes a momentum step makes.
private enum StepMistake: CaseIterable {
    case plainSteps, ascending, staleVelocity, biasesFixed, firstLayerSkipped, lastLayerSkipped

    var explanation: String {
        switch self {
        case .plainSteps: "the parameters moved as plain gradient descent: is μ used, and is the velocity kept from "
            + "step to step (not reset each time)?"
        case .ascending: "the velocity moved up the gradient: it must move against it (v ← μv − η∂L/∂w)"
        case .staleVelocity: "each step moved by the velocity before its update: update v first, then add the new v"
        case .biasesFixed: "the biases never moved: every parameter has a velocity, the biases too"
        case .firstLayerSkipped: "layer 1 never moved: the loop over the layers must start at layers[0]"
        case .lastLayerSkipped: "the last layer never moved: the loop over the layers stops one layer early"
        }
    }
}

/// `steps` reference steps from `network` (velocity 0), each the network after it and the loss before it.
private func referenceSteps(_ network: DeepNetwork, _ x: Matrix, _ t: Matrix, eta: Double, mu: Double, steps: Int,
                            mistake: StepMistake? = nil) -> (networks: [DeepNetwork], losses: [Double]) {
    var network = network, networks = [DeepNetwork](), losses = [Double]()
    var velocity = network.layers.map(LayerGradients.init(zeroFor:))
    for _ in 0 ..< steps {
        let caches = ReferenceDeepNetwork.forward(network, x)
        let (yHat, loss) = ReferenceDeepNetwork.softmaxLoss(caches.last!.z, t)
        let gradients = ReferenceDeepNetwork.backward(network, x, caches, lastDelta: yHat - t).gradients
        for l in network.layers.indices {
            if mistake == .firstLayerSkipped && l == 0 || mistake == .lastLayerSkipped && l == network.layers.count - 1 {
                continue
            }
            let momentum = mistake == .plainSteps ? 0 : mu, sign = mistake == .ascending ? -1.0 : 1.0
            let old = velocity[l]
            velocity[l].dW = momentum * velocity[l].dW - (sign * eta) * gradients[l].dW
            velocity[l].dB = momentum * velocity[l].dB - (sign * eta) * gradients[l].dB
            let moveW = mistake == .staleVelocity ? old.dW : velocity[l].dW
            let moveB = mistake == .staleVelocity ? old.dB : velocity[l].dB
            network.layers[l].weights = network.layers[l].weights + moveW
            if mistake != .biasesFixed { network.layers[l].bias = network.layers[l].bias + moveB }
        }
        networks.append(network)
        losses.append(loss)
    }
    return (networks, losses)
}

/// Exercise 5.5: three steps on one batch from velocity 0, each step's network and
/// returned loss against the reference step, on networks of random depth and width.
/// A step that is right in another form (such as v ← μv + ∂L/∂w, w ← w − ηv, which
/// moves the same way) passes: only the parameters and the losses are compared.
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
        let expected = referenceSteps(problem.network, problem.x, problem.t, eta: eta, mu: mu, steps: steps)
        let wrong = StepMistake.allCases.map {
            ($0, referenceSteps(problem.network, problem.x, problem.t, eta: eta, mu: mu, steps: steps, mistake: $0))
        }
        // A mistake is named only when the whole run matches it: after one step, several leave
        // the same parameters unchanged.
        let matched = wrong.first { _, run in
            zip(calls.first, run.networks).allSatisfy { got, expected in
                zip(got.layers, expected.layers).allSatisfy { got, expected in
                    GradientCheck.compareValues(name: "W", got: got.weights, expected: expected.weights).passed
                        && GradientCheck.compareValues(name: "b", got: got.bias, expected: expected.bias).passed
                }
            }
        }
        var verdicts = [Verdict]()
        for s in 0 ..< steps {
            verdicts.append(ScalarComparison(subject: "the loss returned by step \(s + 1)", got: calls.second[s],
                                             expected: expected.losses[s], mistakes: s + 1 < steps ? [
                .init(expected.losses[s + 1], "this is the loss after the step: return the one the forward pass "
                    + "computed, before the parameters move"),
            ] : []).verdict)
            for l in problem.network.layers.indices {
                for (name, parameter) in [("W", \DenseLayer.weights), ("b", \.bias)] {
                    let mistakes = matched.map { [KnownMistake.values($0.1.networks[s].layers[l][keyPath: parameter],
                                                                      $0.0.explanation)] } ?? []
                    verdicts.append(.from(GradientCheck.compareValues(
                        name: "\(name)\(superscript(l + 1)) after step \(s + 1)",
                        got: calls.first[s].layers[l][keyPath: parameter],
                        expected: expected.networks[s].layers[l][keyPath: parameter], mistakes: mistakes)))
                }
            }
        }
        return verdicts
    }
    // The step calls the learner's 5.3 loops: when they are wrong, that is the cause to name.
    if case .failed(let text) = verdict, !allProblems.allSatisfy({ loopsAgree(loops, $0) }) {
        verdict = .failed(blaming(text, "your forward or backward loop (Exercise 5.3) does not pass yet, and the step "
            + "uses it: swift test --filter Chapter5 shows what 5.3 gets wrong"))
    }
    return verdict.mapPassed { "η = \(formatNumber(eta)), μ = \(formatNumber(mu)), \(steps) steps:\n" + $0 }
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
