import Chapter2
import WorkbookCore

/// Exercise 2.2: the mean quadratic loss, against a sum over every entry.
public func checkLoss(_ loss: (Matrix, Matrix) -> Double, using generator: inout SplitMix64) -> Verdict {
    checkEveryProblem(using: &generator) { problem, generator in
        let yHat = ReferenceNetwork.forward(problem.network, problem.x).a2
        let summed = ReferenceNetwork.summedLoss(yHat, problem.t)
        let m = Double(problem.x.columns)
        return [ScalarComparison(
            subject: "quadraticLoss(ŷ, t) with ŷ and t \(yHat.shape)", got: learnerCode { loss(yHat, problem.t) },
            expected: summed / m, computation: Computation(ChapterFormulas.loss, in: chapterQuantities(problem)),
            name: "L").verdict]
    }
}
