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
        let withoutBias = problem.x * problem.network.W1.transposed
        let accumulated = "the result was added to what the workspace held (the last batch's values): overwrite it, "
            + "or multiply into it without accumulate: true"
        var biasOnFirstRow = withoutBias
        for column in 0 ..< withoutBias.columns { biasOnFirstRow[0, column] += problem.network.b1.elements[column] }
        return [
            .from(GradientCheck.compareValues(name: "z1", got: workspace.z1, expected: expected.z1, mistakes: [
                .values(withoutBias, "the bias is missing: add b¹ to every row (addToEachRow)"),
                .values(biasOnFirstRow, "b¹ was added to the first example (row) only: add it to every row"),
                .values(expected.z1 + stale.z1, accumulated),
            ])),
            .from(GradientCheck.compareValues(name: "a1", got: workspace.a1, expected: expected.a1, mistakes: [
                .values(expected.z1, "a¹ must be σ(z¹), not z¹"),
            ])),
            .from(GradientCheck.compareValues(name: "z2", got: workspace.z2, expected: expected.z2, mistakes: [
                .values(expected.z2 + stale.z2, accumulated),
            ])),
            .from(GradientCheck.compareValues(name: "a2", got: workspace.a2, expected: expected.a2, mistakes: [
                .values(expected.z2, "a² must be σ(z²), not z²"),
            ])),
        ]
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
            return [.failed("calling backward twice changed the gradients (dW1 went from \(formatNumber(once.dW1[0, 0])) "
                + "to \(formatNumber(workspace.gradients.dW1[0, 0])) in its first entry)\n"
                + "  likely cause: the gradients are added to what the workspace held; overwrite them (or zero them first)")]
        }
        let z1 = problem.reference.z1
        let deltaReport = GradientCheck.compare(name: "δ¹", analytic: workspace.delta1, parameter: z1) { z1 in
            var z2 = sigmoid(z1) * network.W2.transposed
            z2.addToEachRow(network.b2)
            return ReferenceNetwork.summedLoss(sigmoid(z2), t)
        }
        let reports = checkNetworkGradients(network, x.transposed, t.transposed, loss: ReferenceNetwork.loss,
                                            backprop: { _, _, _ in workspace.gradients }, using: &generator)
        return [.from(deltaReport)] + reports.map(Verdict.from)
    }
}
