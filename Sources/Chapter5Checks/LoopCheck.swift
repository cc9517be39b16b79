import Chapter5
import WorkbookCore

/// Exercise 5.3: the forward loop's caches against the reference, then the backward
/// loop's δs against the reference and its gradients against finite differences of the
/// network's loss, on networks of random depth, width and batch size. The workspace
/// holds stale values first (the last batch's), as in training.
///
/// The loops call the learner's Exercise 5.2 functions, given as `layer`: when the loops
/// fail and those fail their own check, that is the cause named.
public func checkLoops(forward: @escaping (DeepNetwork, Matrix, inout DeepWorkspace) -> Void,
                       backward: @escaping (DeepNetwork, Matrix, inout DeepWorkspace) -> Void,
                       layer: LayerFunctions, using generator: inout SplitMix64) -> Verdict {
    let verdict = checkInOrder(DeepProblem.all(using: &generator), describe: \.description, using: &generator) {
        problem, generator in
        let network = problem.network, x = problem.x, count = network.layers.count
        var stale = DeepWorkspace(network: network, batchSize: x.rows)
        for l in 0 ..< count {
            for matrix in [\DeepWorkspace.caches[l].z, \.caches[l].a, \.deltas[l], \.gradients[l].dW, \.gradients[l].dB] {
                let shape = stale[keyPath: matrix].shape
                stale[keyPath: matrix] = Matrix(rows: shape.rows, columns: shape.columns, uniformIn: -1, 1, using: &generator)
            }
        }
        let caches = problem.caches
        var given = stale
        given.caches = caches
        given.deltas[count - 1] = problem.lastDelta
        let calls = learnerCode { () -> Pair<DeepWorkspace, DeepWorkspace> in
            var forwarded = stale, backwarded = given
            forward(network, x, &forwarded)
            backward(network, x, &backwarded)
            return Pair(forwarded, backwarded)
        }
        let (forwarded, backwarded) = (calls.first, calls.second)
        guard forwarded.caches.count == count, backwarded.deltas.count == count, backwarded.gradients.count == count else {
            return [.failed("the workspace no longer has one cache, δ and gradient per layer (\(count)): fill its "
                + "entries; do not add or remove any")]
        }
        return forwardVerdicts(problem, stale: stale, forwarded.caches)
            + backwardVerdicts(problem, stale: stale, backwarded)
    }
    guard case .failed(let text) = verdict else { return verdict }
    var layerGenerator = SplitMix64(seed: generator.next())
    guard !checkLayer(layer, using: &layerGenerator).isPassed else { return verdict }
    return .failed(blaming(text, "your Exercise 5.2 functions do not pass yet, and the loops use them: "
        + "swift test --filter Chapter5 shows what 5.2 gets wrong"))
}

/// `text` with its likely causes replaced by `cause`: when an exercise another one builds on
/// is wrong, that is the cause, whatever the numbers look like.
func blaming(_ text: String, _ cause: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("likely cause:") }
    return lines.joined(separator: "\n") + "\n  likely cause: " + cause
}

/// Every layer's z and a, layer by layer from the first.
private func forwardVerdicts(_ problem: DeepProblem, stale: DeepWorkspace, _ got: [LayerCache]) -> [Verdict] {
    let network = problem.network, expected = problem.caches
    let square = Set(network.sizes).count == 1
    let fedX = square ? ReferenceDeepNetwork.forward(network, problem.x, feedingX: true) : nil
    return network.layers.indices.flatMap { l -> [Verdict] in
        var mistakes = [KnownMistake]()
        if let fedX, l > 0 {
            mistakes.append(.values(fedX[l].z, "layer \(l + 1) read x; every layer but the first reads the a of "
                + "the layer below"))
            mistakes.append(.values(ReferenceDeepNetwork.forward(network.layers[l], stale.caches[l].a).z,
                                    "layer \(l + 1) read its own cache's a (the last batch's), not the layer below's: "
                                        + "layer l reads the cache of layer l − 1 (an index off by one)"))
        }
        mistakes.append(.values(stale.caches[l].z, "layer \(l + 1)'s z still holds the last batch's values: does "
            + "the loop run the forward pass of every layer?"))
        return [
            .from(GradientCheck.compareValues(name: "z\(superscript(l + 1))", got: got[l].z, expected: expected[l].z,
                                              mistakes: mistakes)),
            .from(GradientCheck.compareValues(name: "a\(superscript(l + 1))", got: got[l].a, expected: expected[l].a)),
        ]
    }
}

/// Every δ below the last, from the top down, then every layer's gradients against finite differences.
private func backwardVerdicts(_ problem: DeepProblem, stale: DeepWorkspace, _ got: DeepWorkspace) -> [Verdict] {
    let network = problem.network, x = problem.x, t = problem.t, count = network.layers.count
    let caches = problem.caches, lastDelta = problem.lastDelta
    let expected = ReferenceDeepNetwork.backward(network, x, caches, lastDelta: lastDelta)
    // The mistakes that still run here (all of them when every layer has one width).
    let square = Set(network.sizes).count == 1
    let explanations: [(ReferenceDeepNetwork.Mistake, (Int) -> String)] = [
        (.ownWeights, { l in "δ\(superscript(l)) was sent back through W\(superscript(l)) instead of "
            + "W\(superscript(l + 1)): δˡ comes from the layer above, through that layer's weights" }),
        (.inputOffByOne, { l in "layer \(l)'s gradient used its own a\(superscript(l)) instead of the input it "
            + "read, a\(superscript(l - 1)) (x for layer 1): an index off by one" }),
        (.slopeAtA, { l in "f′ was evaluated at a\(superscript(l)) = f(z\(superscript(l))) instead of at "
            + "z\(superscript(l))" }),
        (.noSlope, { l in "δ\(superscript(l)) is missing ⊙ f′(z\(superscript(l))): the slope of layer \(l)'s activation" }),
    ]
    let variants = explanations.compactMap { mistake, explain -> (values: (deltas: [Matrix], gradients: [LayerGradients]),
                                                                 explain: (Int) -> String)? in
        guard square || mistake == .slopeAtA || mistake == .noSlope else { return nil }
        return (ReferenceDeepNetwork.backward(network, x, caches, lastDelta: lastDelta, mistake: mistake), explain)
    }
    var verdicts = [Verdict]()
    for l in stride(from: count - 2, through: 0, by: -1) {
        var mistakes = variants.map { KnownMistake.values($0.values.deltas[l], $0.explain(l + 1)) }
        mistakes.append(.values(stale.deltas[l], "δ\(superscript(l + 1)) still holds the last batch's values: the "
            + "loop must fill every layer's δ but the last, which the loss sets"))
        mistakes.append(.values((stale.deltas[l + 1] * network.layers[l + 1].weights).hadamard(
            caches[l].z.map { ReferenceDeepNetwork.slope(network.layers[l].activation, $0) }),
            "δ\(superscript(l + 1)) was computed from δ\(superscript(l + 2)) before δ\(superscript(l + 2)) was: the "
                + "loop must run from the last layer down"))
        verdicts.append(.from(GradientCheck.compareValues(name: "δ\(superscript(l + 1))", got: got.deltas[l],
                                                          expected: expected.deltas[l], mistakes: mistakes)))
    }
    let stalled = { (l: Int) in "layer \(l + 1)'s gradient still holds the last batch's values: does the loop reach "
        + "every layer, down to layer 1 (layers[0])?" }
    for l in stride(from: count - 1, through: 0, by: -1) {
        for (name, parameter, gradient) in [("dW", \DenseLayer.weights, \LayerGradients.dW), ("dB", \.bias, \.dB)] {
            var mistakes = variants.map { KnownMistake.values($0.values.gradients[l][keyPath: gradient], $0.explain(l + 1)) }
            mistakes.append(.values(stale.gradients[l][keyPath: gradient], stalled(l)))
            let report = GradientCheck.compare(name: name + superscript(l + 1), analytic: got.gradients[l][keyPath: gradient],
                                               parameter: network.layers[l][keyPath: parameter], mistakes: mistakes) {
                changed in
                var moved = network
                moved.layers[l][keyPath: parameter] = changed
                return ReferenceDeepNetwork.loss(moved, x, t)
            }
            verdicts.append(.from(report))
        }
    }
    return verdicts
}
