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
        return forwardVerdicts(problem, stale: stale, forwarded.caches).map { $0.judging("forward(_:_:into:)") }
            + backwardVerdicts(problem, stale: stale, backwarded).map { $0.judging("backward(_:_:_:)") }
    }
    guard case .failed(let text, let judged) = verdict else { return verdict }
    var layerGenerator = SplitMix64(seed: generator.next())
    guard !checkLayer(layer, using: &layerGenerator).isPassed else { return verdict }
    return .failed(blaming(text, "your Exercise 5.2 functions do not pass yet, and the loops use them: "
        + "swift test --filter Chapter5 shows what 5.2 gets wrong"), judged: judged)
}

/// `text` with its likely causes replaced by `cause`: when an exercise another one builds on
/// is wrong, that is the cause, whatever the numbers look like.
func blaming(_ text: String, _ cause: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("likely cause:") }
    return lines.joined(separator: "\n") + "\n  likely cause: " + cause
}

/// Every layer's z and a, layer by layer from the first.
private func forwardVerdicts(_ problem: DeepProblem, stale: DeepWorkspace, _ got: [LayerCache]) -> [Verdict] {
    let expected = problem.caches, quantities = loopQuantities(problem, stale: stale)
    return problem.network.layers.indices.flatMap { l -> [Verdict] in
        let (z, a) = ("z" + superscript(l + 1), "a" + superscript(l + 1))
        return [
            .from(GradientCheck.compareValues(name: z, got: got[l].z, expected: expected[l].z,
                                              computation: Computation(LoopFormulas.z(l + 1), in: quantities))),
            .from(GradientCheck.compareValues(name: a, got: got[l].a, expected: expected[l].a,
                                              computation: Computation(LoopFormulas.a(l + 1), in: quantities))),
        ]
    }
}

/// Every δ below the last, from the top down, then every layer's gradients against finite differences.
private func backwardVerdicts(_ problem: DeepProblem, stale: DeepWorkspace, _ got: DeepWorkspace) -> [Verdict] {
    let network = problem.network, x = problem.x, t = problem.t, count = network.layers.count
    let expected = ReferenceDeepNetwork.backward(network, x, problem.caches, lastDelta: problem.lastDelta)
    let quantities = loopQuantities(problem, stale: stale)
    var verdicts = [Verdict]()
    for l in stride(from: count - 2, through: 0, by: -1) {
        verdicts.append(.from(GradientCheck.compareValues(name: "δ" + superscript(l + 1), got: got.deltas[l],
                                                          expected: expected.deltas[l],
                                                          computation: Computation(LoopFormulas.delta(l + 1), in: quantities))))
    }
    for l in stride(from: count - 1, through: 0, by: -1) {
        for (name, parameter, gradient, formula) in [("dW", \DenseLayer.weights, \LayerGradients.dW, LoopFormulas.dW(l + 1)),
                                                     ("dB", \.bias, \.dB, LoopFormulas.dB(l + 1))] {
            let report = GradientCheck.compare(name: name + superscript(l + 1), analytic: got.gradients[l][keyPath: gradient],
                                               parameter: network.layers[l][keyPath: parameter],
                                               entries: problem.entriesAwayFromKinks(layer: l, parameter),
                                               computation: Computation(formula, in: quantities)) { changed in
                var moved = network
                moved.layers[l][keyPath: parameter] = changed
                return ReferenceDeepNetwork.loss(moved, x, t)
            }
            verdicts.append(.from(report))
        }
    }
    return verdicts
}

/// The problem's named quantities, as the chapter writes them for layer l of L: x, and for
/// every layer Wˡ, bˡ, its cache zˡ and aˡ, its δˡ, what the workspace held before the loops ran
/// (the last batch's values), and its activation fˡ with its slope fˡ′; the sizes m and nˡ.
private func loopQuantities(_ problem: DeepProblem, stale: DeepWorkspace) -> Environment {
    let network = problem.network, caches = problem.caches, count = network.layers.count
    let deltas = ReferenceDeepNetwork.backward(network, problem.x, caches, lastDelta: problem.lastDelta).deltas
    var quantities = ["x": problem.x]
    var sizes = ["m": (Double(problem.x.rows), "the number of examples"), "n⁰": (Double(problem.x.columns), "the number of inputs")]
    var functions = [String: Elementwise]()
    for l in 0 ..< count {
        let n = superscript(l + 1), layer = network.layers[l]
        quantities["W" + n] = layer.weights
        quantities["b" + n] = layer.bias
        quantities["z" + n] = caches[l].z
        quantities["a" + n] = caches[l].a
        quantities["δ" + n] = deltas[l]
        quantities["the z\(n) the workspace held"] = stale.caches[l].z
        quantities["the a\(n) the workspace held"] = stale.caches[l].a
        if l < count - 1 { quantities["the δ\(n) the workspace held"] = stale.deltas[l] }
        quantities["the dW\(n) the workspace held"] = stale.gradients[l].dW
        quantities["the dB\(n) the workspace held"] = stale.gradients[l].dB
        sizes["n" + n] = (Double(layer.outputs), "the number of units of layer \(l + 1)")
        functions["f" + n] = layer.activation.function
        functions["f\(n)′"] = layer.activation.slope
    }
    return Environment(quantities: quantities, sizes: sizes, functions: functions)
}

/// The computations of the loops for layer l (1 for the first), in the chapter's symbols (one
/// example per row): layer l reads aˡ⁻¹ (x for the first), and its δ comes from the layer above.
enum LoopFormulas {
    /// What layer l reads: x for the first, aˡ⁻¹ otherwise.
    static func input(_ l: Int) -> Formula { .quantity(l == 1 ? "x" : "a" + superscript(l - 1)) }
    /// zˡ = aˡ⁻¹(Wˡ)ᵀ + bˡ.
    static func z(_ l: Int) -> Formula {
        .addRow(.product(input(l), .transpose(.quantity("W" + superscript(l)))), .quantity("b" + superscript(l)))
    }
    /// aˡ = fˡ(zˡ).
    static func a(_ l: Int) -> Formula { .elementwise(.variable("f" + superscript(l)), .quantity("z" + superscript(l))) }
    /// δˡ = (δˡ⁺¹Wˡ⁺¹) ⊙ fˡ′(zˡ).
    static func delta(_ l: Int) -> Formula {
        .hadamard(.product(.quantity("δ" + superscript(l + 1)), .quantity("W" + superscript(l + 1))),
                  .elementwise(.variable("f\(superscript(l))′", derivativeOf: "f" + superscript(l)), .quantity("z" + superscript(l))))
    }
    /// ∂L/∂Wˡ = (1/m) (δˡ)ᵀaˡ⁻¹.
    static func dW(_ l: Int) -> Formula { .quotient(.product(.transpose(.quantity("δ" + superscript(l))), input(l)), .size("m")) }
    /// ∂L/∂bˡ = (1/m) Σⱼ δˡⱼ, a row as bˡ is.
    static func dB(_ l: Int) -> Formula { .quotient(.columnSums(.quantity("δ" + superscript(l))), .size("m")) }
}
