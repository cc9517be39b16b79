import Chapter2
import WorkbookCore

/// Exercise 2.2: the mean quadratic loss, against a sum over every entry.
public func checkLoss(_ loss: (Matrix, Matrix) -> Double, using generator: inout SplitMix64) -> Verdict {
    checkEveryProblem(using: &generator) { problem, generator in
        let yHat = ReferenceNetwork.forward(problem.network, problem.x).a2
        let summed = ReferenceNetwork.summedLoss(yHat, problem.t)
        let m = Double(problem.x.columns)
        let outputs = Double(problem.t.rows)
        return [ScalarComparison(
            subject: "quadraticLoss(ŷ, t) with ŷ and t \(yHat.shape)", got: learnerCode { loss(yHat, problem.t) }, expected: summed / m,
            mistakes: [
                .init(summed, "this is the sum over the batch; L is the mean: divide by the number of examples m = \(problem.x.columns)"),
                .init(2 * summed / m, "the ½ is missing: L = (1/m) Σ ½‖ŷ − t‖²"),
                .init(summed / (m * outputs), "this divides by every entry (m × outputs); divide by the examples m only"),
                .init(2 * summed / (m * outputs), "this is the mean squared error over every entry, without the ½"),
                .init(summed / outputs, "this divides by the number of outputs (\(problem.t.rows)), the rows of ŷ; "
                    + "the mean is over the examples, its columns: m = \(problem.x.columns)"),
            ]).verdict]
    }
}
