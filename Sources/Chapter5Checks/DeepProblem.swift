import Chapter5
import WorkbookCore

/// A random deep network with a batch (one example per row) and one-hot targets:
/// the material of the Chapter 5 checks.
package struct DeepProblem {
    package let network: DeepNetwork
    /// m×inputs.
    package let x: Matrix
    /// m×outputs, one-hot.
    package let t: Matrix

    package var description: String {
        let activations = network.layers.dropLast().map(\.activation.rawValue)
        let hidden = activations.isEmpty ? "" : " (\(activations.joined(separator: ", ")) hidden layers)"
        return "a \(network.sizes.map(String.init).joined(separator: "-")) network\(hidden) with a batch of \(x.rows)"
    }

    /// A given network, batch and targets.
    package init(network: DeepNetwork, x: Matrix, t: Matrix) {
        (self.network, self.x, self.t) = (network, x, t)
    }

    /// A network with these sizes and hidden activations (an identity output layer),
    /// weights uniform in ±1 and biases in ±0.5, a batch of `batch` and random classes.
    /// ReLU units are kept away from their kink: a draw where some |z| < 10⁻³ is drawn
    /// again, so that no finite-difference step of the checks crosses it.
    package init(sizes: [Int], hidden: [Activation], batch: Int, using generator: inout SplitMix64) {
        precondition(hidden.count == sizes.count - 2, "one activation per hidden layer")
        while true {
            let layers = (0 ..< sizes.count - 1).map { l in
                DenseLayer(weights: Matrix(rows: sizes[l + 1], columns: sizes[l], uniformIn: -1, 1, using: &generator),
                           bias: Matrix(rows: 1, columns: sizes[l + 1], uniformIn: -0.5, 0.5, using: &generator),
                           activation: l < hidden.count ? hidden[l] : .identity)
            }
            let network = DeepNetwork(layers: layers)
            let x = Matrix(rows: batch, columns: sizes[0], uniformIn: -2, 2, using: &generator)
            var t = Matrix(rows: batch, columns: sizes.last!)
            for row in 0 ..< batch { t[row, generator.integer(in: 0 ... sizes.last! - 1)] = 1 }
            let caches = ReferenceDeepNetwork.forward(network, x)
            let nearKink = zip(network.layers, caches).contains { layer, cache in
                layer.activation.kink != nil && cache.z.elements.contains { abs($0) < 1e-3 }
            }
            if !nearKink {
                (self.network, self.x, self.t) = (network, x, t)
                return
            }
        }
    }

    /// The problems every loop check covers, in order: every layer 4 wide (where
    /// the wrong layer's weights or the wrong layer's a still run, so the mistake is
    /// named rather than trapped), then random depths (1 to 4 hidden layers), widths,
    /// activations and batch sizes, one of them a batch of one.
    static func all(using generator: inout SplitMix64) -> [DeepProblem] {
        var problems = [DeepProblem(sizes: [4, 4, 4, 4], hidden: [.tanh, .sigmoid], batch: 3, using: &generator)]
        for batch in [generator.integer(in: 2 ... 6), 1, generator.integer(in: 2 ... 6)] {
            let depth = generator.integer(in: 1 ... 4)
            let sizes = (0 ... depth + 1).map { _ in generator.integer(in: 1 ... 6) }
            let hidden = (0 ..< depth).map { _ in Activation.allCases.filter { $0 != .identity }[generator.integer(in: 0 ... 2)] }
            problems.append(DeepProblem(sizes: sizes.enumerated().map { $0 == sizes.count - 1 ? max($1, 2) : $1 },
                                        hidden: hidden, batch: batch, using: &generator))
        }
        return problems
    }

    /// The reference forward pass.
    package var caches: [LayerCache] { ReferenceDeepNetwork.forward(network, x) }

    /// The entries of layer l's `parameter` whose change by ±h (the checks' step) leaves every
    /// ReLU unit of the batch on its side of the kink: only there is a central difference of the
    /// loss the derivative the chain rule gives (CS231n's practice). Drawing problems away from
    /// the kink makes this every entry almost always; this also covers a change that moves some
    /// z by more than that margin (Δz = h·∂z/∂θ, and ∂z/∂θ can be large).
    package func entriesAwayFromKinks(layer l: Int, _ parameter: WritableKeyPath<DenseLayer, Matrix>) -> [Int] {
        func pattern(_ network: DeepNetwork) -> [Bool] {
            zip(network.layers, ReferenceDeepNetwork.forward(network, x)).flatMap { layer, cache in
                layer.activation.kink != nil ? cache.z.elements.map { $0 > 0 } : []
            }
        }
        let unmoved = pattern(network)
        guard !unmoved.isEmpty else { return Array(network.layers[l][keyPath: parameter].elements.indices) }
        return network.layers[l][keyPath: parameter].elements.indices.filter { index in
            [GradientCheck.step, -GradientCheck.step].allSatisfy { change in
                var moved = network
                moved.layers[l][keyPath: parameter].elements[index] += change
                return pattern(moved) == unmoved
            }
        }
    }

    /// The last layer's δ = ŷ − t.
    package var lastDelta: Matrix { ReferenceDeepNetwork.softmaxLoss(caches.last!.z, t).yHat - t }
}

/// Runs `check` on each problem in order and stops at the first that fails (so that
/// learner code that would trap on a later shape never runs), prefixing each verdict
/// with the problem it was about; the causes come from ``Diagnosis``, across every
/// problem that ran.
func checkInOrder<P>(_ problems: [P], describe: (P) -> String, using generator: inout SplitMix64,
                     _ check: (P, inout SplitMix64) -> [Verdict]) -> Verdict {
    withDiagnosis { () -> Verdict in
    var passes = [Verdict]()
    for (index, problem) in problems.enumerated() {
        for verdict in check(problem, &generator) {
            guard case .failed(let text, let judged) = verdict else {
                if case .passed(let text) = verdict { passes.append(.passed("\(describe(problem)): \(text)")) }
                continue
            }
            let right = problems[..<index].map(describe)
            return .failed("For \(describe(problem)):\n\(text)"
                + (right.isEmpty ? "" : "\n  (right for \(right.joined(separator: "; ")))"), judged: judged)
        }
    }
    return Verdict.all(passes)
    }
}

