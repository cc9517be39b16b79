import Chapter2
import Chapter2Checks
import Foundation
import Testing
import WorkbookCore

/// The Chapter 2 checks themselves: each catches a kept wrong implementation with
/// the right diagnosis, and accepts a right one written differently.
@Suite("Chapter 2 checks")
struct TwoLayerNetCheckTests {
    var generator = SplitMix64(seed: 7)

    @Test("2.1 check catches a forward pass without biases")
    mutating func forwardWithoutBias() {
        expectCaught(checkForward(Kept.forwardWithoutBias, using: &generator), saying: "the bias is missing")
    }

    @Test("2.1 check accepts a forward pass through transposes with σ written via tanh")
    mutating func forwardByRows() {
        #expect(checkForward(Kept.forwardByRows, using: &generator).isPassed)
    }

    @Test("2.2 check catches a loss summed over the batch")
    mutating func lossSummed() {
        expectCaught(checkLoss(Kept.lossSummed, using: &generator), saying: "divide by the number of examples")
    }

    @Test("2.2 check accepts a loss computed column by column")
    mutating func lossByColumns() {
        #expect(checkLoss(Kept.lossByColumns, using: &generator).isPassed)
    }

    @Test("2.3 check catches σ′ applied to ŷ instead of z²")
    mutating func outputDeltaOfActivation() {
        expectCaught(checkOutputDelta(Kept.outputDeltaOfActivation, using: &generator),
                     saying: "σ′ was applied to ŷ = σ(z²) instead of z²")
    }

    @Test("2.3 check accepts σ′ written as ŷ(1 − ŷ)")
    mutating func outputDeltaFromActivation() {
        #expect(checkOutputDelta(Kept.outputDeltaFromActivation, using: &generator).isPassed)
    }

    @Test("2.4 check catches a hidden delta without σ′(z¹)")
    mutating func hiddenDeltaWithoutSigmoidPrime() {
        expectCaught(checkHiddenDelta(Kept.hiddenDeltaWithoutSigmoidPrime, using: &generator),
                     saying: "the factor σ′(z¹) is missing")
    }

    @Test("2.4 check accepts a hidden delta computed through row vectors")
    mutating func hiddenDeltaByRows() {
        #expect(checkHiddenDelta(Kept.hiddenDeltaByRows, using: &generator).isPassed)
    }

    @Test("2.5 check catches a bias gradient not summed over the batch")
    mutating func biasNotSummed() {
        expectCaught(checkParameterGradients(Kept.biasNotSummed, using: &generator), saying: "summed over the batch")
    }

    @Test("2.5 check catches a transposed weight gradient")
    mutating func transposedWeights() {
        expectCaught(checkParameterGradients(Kept.transposedWeights, using: &generator), saying: "dW2 is transposed")
    }

    @Test("2.5 check catches gradients summed instead of averaged")
    mutating func notAveraged() {
        expectCaught(checkParameterGradients(Kept.notAveraged, using: &generator), saying: "divide by m")
    }

    @Test("2.5 check accepts gradients summed one example at a time")
    mutating func byExample() {
        #expect(checkParameterGradients(Kept.byExample, using: &generator).isPassed)
    }

    @Test("2.6 check catches a step up the gradient")
    mutating func ascend() {
        expectCaught(checkGradientDescent(Kept.ascend, using: &generator), saying: "moved along its gradient")
    }

    @Test("2.6 check accepts an update written entry by entry")
    mutating func descendByEntries() {
        #expect(checkGradientDescent(Kept.descendByEntries, using: &generator).isPassed)
    }

    @Test("the reference network's gradients match finite differences")
    mutating func referenceIsRight() {
        for problem in Problem.all(using: &generator) {
            let gradients = ReferenceNetwork.backprop(problem.network, problem.x, problem.t)
            let report = GradientCheck.compare(name: "dW1", analytic: gradients.dW1, parameter: problem.network.W1) {
                var changed = problem.network
                changed.W1 = $0
                return ReferenceNetwork.loss(changed, problem.x, problem.t)
            }
            #expect(report.passed, "\(report)")
        }
    }
}

@Suite("Chapter 2 bugs in the wild")
struct BugsInTheWildTests {
    @Test("each bug in the wild runs on a square network and fails the gradient check", arguments: BugInTheWild.allCases)
    func bugIsCaught(_ bug: BugInTheWild) {
        var generator = SplitMix64(seed: 3)
        let problem = Problem(inputs: 4, hidden: 4, outputs: 4, batch: 3, using: &generator)
        let reports = checkNetworkGradients(problem.network, problem.x, problem.t, loss: bug.loss,
                                            backprop: bug.backprop, using: &generator)
        #expect(reports.contains { !$0.passed })
    }

    @Test("the gradient check passes the reference network on a square network")
    func referencePasses() {
        var generator = SplitMix64(seed: 3)
        let problem = Problem(inputs: 4, hidden: 4, outputs: 4, batch: 3, using: &generator)
        let reports = checkNetworkGradients(problem.network, problem.x, problem.t, loss: ReferenceNetwork.loss,
                                            backprop: ReferenceNetwork.backprop, using: &generator)
        #expect(reports.allSatisfy { $0.passed })
    }
}
