import Chapter2
import WorkbookCore

/// Exercise 2.1: every value of the forward pass against the reference network.
public func checkForward(_ forward: (Network, Matrix) -> ForwardPass, using generator: inout SplitMix64) -> Verdict {
    checkEveryProblem(using: &generator) { problem, generator in
        let expected = ReferenceNetwork.forward(problem.network, problem.x)
        let pass = learnerCode { forward(problem.network, problem.x) }
        let quantities = chapterQuantities(problem)
        let parts: [(String, Matrix, Matrix, Formula)] = [
            ("z1", pass.z1, expected.z1, ChapterFormulas.z1), ("a1", pass.a1, expected.a1, ChapterFormulas.a1),
            ("z2", pass.z2, expected.z2, ChapterFormulas.z2), ("a2", pass.a2, expected.a2, ChapterFormulas.yHat),
        ]
        return parts.map { name, got, right, formula in
            .from(GradientCheck.compareValues(name: name, got: got, expected: right,
                                              computation: Computation(formula, in: quantities)))
        }
    }
}
