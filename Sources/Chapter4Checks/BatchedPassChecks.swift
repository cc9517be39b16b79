import Chapter2Checks
import Chapter4
import WorkbookCore

/// Exercise 4.2: the forward pass in rows, against the reference network.
public func checkBatchedForward(_ forward: (Network, Matrix, inout Workspace) -> Void,
                                using generator: inout SplitMix64) -> Verdict {
    checkEveryRowProblem(using: &generator) { problem, generator in
        // The workspace holds the last batch's values, as it does in training: they must be overwritten.
        var workspace = Workspace(network: problem.network, batchSize: problem.x.rows)
        for path in [\Workspace.z1, \.a1, \.z2, \.a2] {
            let shape = workspace[keyPath: path].shape
            workspace[keyPath: path] = Matrix(rows: shape.rows, columns: shape.columns, uniformIn: -1, 1, using: &generator)
        }
        let stale = workspace
        workspace = learnerCode { () -> Workspace in
            var workspace = stale
            forward(problem.network, problem.x, &workspace)
            return workspace
        }
        let expected = problem.reference
        let quantities = problem.quantities(["the z¹ the workspace held": stale.z1, "the a¹ the workspace held": stale.a1,
                                             "the z² the workspace held": stale.z2, "the a² the workspace held": stale.a2])
        let parts: [(String, Matrix, Matrix, Formula)] = [
            ("z1", workspace.z1, expected.z1, RowFormulas.z1), ("a1", workspace.a1, expected.a1, RowFormulas.a1),
            ("z2", workspace.z2, expected.z2, RowFormulas.z2), ("a2", workspace.a2, expected.a2, RowFormulas.yHat),
        ]
        return parts.map { name, got, right, formula in
            .from(GradientCheck.compareValues(name: name, got: got, expected: right,
                                              computation: Computation(formula, in: quantities)))
        }
    }
}

/// Exercise 4.3: δ¹ against finite differences of the summed loss with respect to
/// z¹, and the four gradients against finite differences of the mean loss, given
/// the reference forward pass and δ². Running it twice must give the same gradients.
public func checkBatchedBackward(_ backward: (Network, Matrix, inout Workspace) -> Void,
                                 using generator: inout SplitMix64) -> Verdict {
    checkEveryRowProblem(using: &generator) { problem, generator in
        let network = problem.network, x = problem.x, t = problem.t
        // Learner code: the gradients after one call, and the workspace after a second.
        let calls = learnerCode { () -> Pair<Gradients, Workspace> in
            var workspace = problem.referenceWorkspace
            backward(network, x, &workspace)
            let once = workspace.gradients
            backward(network, x, &workspace)
            return Pair(once, workspace)
        }
        let (once, workspace) = (calls.first, calls.second)
        if workspace.gradients != once {
            // The first gradient that changed, at its first entry that did.
            let pairs = [("dW1", once.dW1, workspace.gradients.dW1), ("dB1", once.dB1, workspace.gradients.dB1),
                         ("dW2", once.dW2, workspace.gradients.dW2), ("dB2", once.dB2, workspace.gradients.dB2)]
            let changed = pairs.lazy.compactMap { name, before, after in
                zip(before.elements, after.elements).enumerated().first { $0.element.0 != $0.element.1 }
                    .map { (name, $0.offset, $0.element.0, $0.element.1) }
            }.first
            let detail = changed.map { name, index, before, after in
                " (\(name) went from \(formatNumber(before)) to "
                    + "\(formatNumber(after)) in entry \(index + 1))"
            } ?? ""
            return [.failed("calling backward twice changed the gradients\(detail)\n"
                + "  likely cause: the gradients are added to what the workspace held; overwrite them (or zero them first)")]
        }
        let z1 = problem.reference.z1
        let quantities = problem.quantities()
        let deltaReport = GradientCheck.compare(name: "δ¹", analytic: workspace.delta1, parameter: z1,
                                                computation: Computation(RowFormulas.delta1, in: quantities)) { z1 in
            var z2 = sigmoid(z1) * network.W2.transposed
            z2.addToEachRow(network.b2)
            return ReferenceNetwork.summedLoss(sigmoid(z2), t)
        }
        let reports = checkNetworkGradients(network, x.transposed, t.transposed, loss: ReferenceNetwork.loss,
                                            backprop: { _, _, _ in workspace.gradients },
                                            computations: RowFormulas.gradients.mapValues { Computation($0, in: quantities) },
                                            using: &generator)
        return [.from(deltaReport)] + reports.map(Verdict.from)
    }
}
