import Chapter2
import Chapter2Checks
import Chapter2Programs
import Foundation
import Testing
import WorkbookCore

/// The Chapter 2 checks themselves: each catches a kept wrong implementation with
/// the right diagnosis, and accepts a right one written differently.
@Suite("Chapter 2 checks")
struct TwoLayerNetCheckTests {
    @Test("2.1 check catches a forward pass without biases")
    func forwardWithoutBias() {
        expectCaught(saying: "the bias b¹ is missing") { generator in checkForward(Kept.forwardWithoutBias, using: &generator) }
    }

    @Test("2.1 check catches b¹ added to the first example only, and a pass of the first example only")
    func forwardFirstExample() {
        expectCaught(saying: "first example (column) only") { generator in
            checkForward(Kept.forwardBiasOnFirstColumn, using: &generator)
        }
        expectCaught(saying: "right for a batch of one example") { generator in
            checkForward(Kept.forwardFirstExampleOnly, using: &generator)
        }
    }

    @Test("2.1 check accepts a forward pass through transposes with σ written via tanh")
    func forwardByRows() {
        expectAccepted { generator in checkForward(Kept.forwardByRows, using: &generator) }
    }

    @Test("2.2 check catches a loss summed over the batch")
    func lossSummed() {
        expectCaught(saying: "the division by the number of examples m") { generator in checkLoss(Kept.lossSummed, using: &generator) }
    }

    @Test("2.2 check catches a mean over the outputs, and a loss without its ½")
    func lossWrongDivisor() {
        expectCaught(saying: "it uses the number of outputs n₂") { generator in
            checkLoss(Kept.lossOverOutputs, using: &generator)
        }
        expectCaught(saying: "the factor ½ is missing") { generator in checkLoss(Kept.lossWithoutHalf, using: &generator) }
    }

    @Test("2.2 check accepts a loss computed column by column")
    func lossByColumns() {
        expectAccepted { generator in checkLoss(Kept.lossByColumns, using: &generator) }
    }

    @Test("2.3 check catches σ′ applied to ŷ instead of z²")
    func outputDeltaOfActivation() {
        expectCaught(saying: "σ′ was taken at ŷ = σ(z²) instead of z²") { generator in checkOutputDelta(Kept.outputDeltaOfActivation, using: &generator) }
    }

    @Test("2.3 check catches σ where σ′ belongs")
    func outputDeltaWithSigmoid() {
        expectCaught(saying: "σ(z²) was used where its derivative") { generator in
            checkOutputDelta(Kept.outputDeltaWithSigmoid, using: &generator)
        }
    }

    @Test("2.3 check accepts σ′ written as ŷ(1 − ŷ)")
    func outputDeltaFromActivation() {
        expectAccepted { generator in checkOutputDelta(Kept.outputDeltaFromActivation, using: &generator) }
    }

    @Test("2.4 check catches a hidden delta without σ′(z¹)")
    func hiddenDeltaWithoutSigmoidPrime() {
        expectCaught(saying: "the factor σ′(z¹) is missing") { generator in checkHiddenDelta(Kept.hiddenDeltaWithoutSigmoidPrime, using: &generator) }
    }

    @Test("2.4's cause of a missing σ′(z¹) is data too: the factor left out, the result δ¹ and the quantity σ′(z¹)")
    func causeAsData() {
        for seed in sweptSeeds {
            var generator = SplitMix64(seed: seed)
            let (verdict, causes) = FoundCauses.collecting {
                checkHiddenDelta(Kept.hiddenDeltaWithoutSigmoidPrime, using: &generator)
            }
            #expect(!verdict.isPassed)
            #expect(causes.map(\.kind) == [.missingFactor] && causes.map(\.result) == ["δ¹"]
                        && causes.map(\.quantities) == [["σ′(z¹)"]], "seed \(seed): \(causes)")
        }
    }

    @Test("2.4 check catches z(1 − z) for σ′(z)")
    func hiddenDeltaZ() {
        expectCaught(saying: "z¹(1 − z¹) is not σ′(z¹)") { generator in
            checkHiddenDelta(Kept.hiddenDeltaZTimesOneMinusZ, using: &generator)
        }
    }

    @Test("2.4 check accepts a hidden delta computed through row vectors")
    func hiddenDeltaByRows() {
        expectAccepted { generator in checkHiddenDelta(Kept.hiddenDeltaByRows, using: &generator) }
    }

    @Test("2.5 check catches a bias gradient not summed over the batch")
    func biasNotSummed() {
        expectCaught(saying: "is not summed over its columns") { generator in checkParameterGradients(Kept.biasNotSummed, using: &generator) }
    }

    @Test("2.5 check catches a transposed weight gradient")
    func transposedWeights() {
        expectCaught(saying: "dW2: it is transposed") { generator in checkParameterGradients(Kept.transposedWeights, using: &generator) }
    }

    @Test("2.5 check catches gradients summed instead of averaged")
    func notAveraged() {
        expectCaught(saying: "the division by the number of examples m") { generator in checkParameterGradients(Kept.notAveraged, using: &generator) }
    }

    @Test("2.5 check catches a bias gradient summed along the wrong axis")
    func biasWrongAxis() {
        expectCaught(saying: "summed along the wrong axis") { generator in
            checkParameterGradients(Kept.biasWrongAxis, using: &generator)
        }
    }

    @Test("2.5 check accepts gradients summed one example at a time")
    func byExample() {
        expectAccepted { generator in checkParameterGradients(Kept.byExample, using: &generator) }
    }

    @Test("2.6 check catches a step up the gradient")
    func ascend() {
        expectCaught(saying: "is added where it should be subtracted") { generator in checkGradientDescent(Kept.ascend, using: &generator) }
    }

    @Test("2.6 check catches a learning rate fixed at 0.1")
    func fixedRate() {
        expectCaught(saying: "it uses the fixed number 0.1 where the learning rate η belongs") { generator in checkGradientDescent(Kept.descendWithFixedRate, using: &generator) }
    }

    @Test("2.6 check accepts an update written entry by entry")
    func descendByEntries() {
        expectAccepted { generator in checkGradientDescent(Kept.descendByEntries, using: &generator) }
    }

    @Test("the reference network's gradients match finite differences")
    func referenceIsRight() {
        var generator = SplitMix64(seed: 7)
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

    @Test("2.7 check catches the sigmoid's slope, 1 − tanh(z) and tanh′ taken at a¹")
    func tanhLayerWrong() {
        expectCaught(saying: "σ′ was used where tanh′ belongs") { generator in
            checkTanhHiddenDelta(Kept.tanhDeltaWithSigmoidPrime, using: &generator)
        }
        expectCaught(saying: "the square is missing") { generator in
            checkTanhHiddenDelta(Kept.tanhDeltaUnsquared, using: &generator)
        }
        expectCaught(saying: "tanh′ was taken at a¹ = tanh(z¹) instead of z¹") { generator in
            checkTanhHiddenDelta(Kept.tanhDeltaAtActivation, using: &generator)
        }
    }

    @Test("2.7 check accepts tanh′ written as 1 / cosh²(z¹)")
    func tanhLayerRight() {
        expectAccepted { generator in checkTanhHiddenDelta(Kept.tanhDeltaSech, using: &generator) }
    }

    @Test("2.8 check catches the quadratic loss's δ² and a flipped sign")
    func crossEntropyWrong() {
        expectCaught(saying: "the quadratic loss's δ² was used where ŷ − t belongs") { generator in
            checkCrossEntropyOutputDelta(Kept.crossEntropyDeltaWithSigmoidPrime, using: &generator)
        }
        expectCaught(saying: "the sign is flipped") { generator in
            checkCrossEntropyOutputDelta(Kept.crossEntropyDeltaFlipped, using: &generator)
        }
    }

    @Test("2.8 check catches ∂ℓ/∂ŷ · σ′(z²) left unsimplified, which is NaN where ŷ rounds to 1")
    func crossEntropyUnsimplified() {
        expectCaught(saying: "computed as written, which is NaN or ∞") { generator in
            checkCrossEntropyOutputDelta(Kept.crossEntropyDeltaUncancelled, using: &generator)
        }
    }
}

@Suite("The numbers Chapter 2 quotes")
struct TwoLayerNetQuotedNumbersTests {
    @Test("σ′(σ(z)) / σ′(z) is 0.94 at z = 0, 11 at z = 4 and 14 at z = −4")
    func wrongSigmoidPrimeRatio() {
        let ratio = { (z: Double) in sigmoidPrime(Matrix([[sigmoid(z)]]))[0, 0] / sigmoidPrime(Matrix([[z]]))[0, 0] }
        #expect((ratio(0) * 100).rounded() / 100 == 0.94)
        #expect(ratio(4).rounded() == 11)
        #expect(ratio(-4).rounded() == 14)
    }
}
