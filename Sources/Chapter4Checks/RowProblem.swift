import Chapter2Checks
import Chapter4
import WorkbookCore

/// A random network and batch laid out as Chapter 4 lays them out: one example per row.
struct RowProblem {
    let network: Network
    /// m×inputs.
    let x: Matrix
    /// m×outputs.
    let t: Matrix

    var description: String {
        let (inputs, hidden, outputs) = network.sizes
        return "a \(inputs)-\(hidden)-\(outputs) network with a batch of \(x.rows) (one example per row)"
    }

    /// The shapes every check covers, as in Chapter 2: first one whose batch size is
    /// none of its layer sizes, so that a product of the wrong matrices cannot run.
    static func all(using generator: inout SplitMix64) -> [RowProblem] {
        let sizes = [(6, 4, 3, 5), (3, 1, 2, 1), (4, 4, 4, 3),
                     (generator.integer(in: 1 ... 8), generator.integer(in: 1 ... 6), generator.integer(in: 1 ... 5),
                      generator.integer(in: 2 ... 6))]
        return sizes.map { inputs, hidden, outputs, batch in
            let columns = Problem(inputs: inputs, hidden: hidden, outputs: outputs, batch: batch, using: &generator)
            return RowProblem(network: columns.network, x: columns.x.transposed, t: columns.t.transposed)
        }
    }

    /// The reference forward pass, as rows.
    var reference: (z1: Matrix, a1: Matrix, z2: Matrix, a2: Matrix) {
        let columns = ReferenceNetwork.forward(network, x.transposed)
        return (columns.z1.transposed, columns.a1.transposed, columns.z2.transposed, columns.a2.transposed)
    }

    /// A workspace holding the reference forward pass and the quadratic δ².
    var referenceWorkspace: Workspace {
        var workspace = Workspace(network: network, batchSize: x.rows)
        let (z1, a1, z2, a2) = reference
        (workspace.z1, workspace.a1, workspace.z2, workspace.a2) = (z1, a1, z2, a2)
        let columns = ReferenceNetwork.forward(network, x.transposed)
        workspace.delta2 = ReferenceNetwork.deltas(network, columns, t.transposed).delta2.transposed
        return workspace
    }
}

/// Runs `check` on every row problem, stopping at the first failure, as Chapter 2's checks do.
func checkEveryRowProblem(using generator: inout SplitMix64,
                          _ check: (RowProblem, inout SplitMix64) -> [Verdict]) -> Verdict {
    checkEach(RowProblem.all(using: &generator), describe: \.description, batchSize: \.x.rows, using: &generator,
              check)
}
