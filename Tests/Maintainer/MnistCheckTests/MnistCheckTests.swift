import Chapter4Checks
import Chapter4Programs
import Datasets
import Foundation
import Testing
import WorkbookCore

/// The Chapter 4 checks themselves: each catches a kept wrong implementation with
/// the right diagnosis, and accepts a right one written differently.
@Suite("Chapter 4 checks")
struct MnistCheckTests {
    @Test("4.1 check catches one-hot targets not cleared between batches, and accepts row copies")
    func fillBatch() {
        expectCaught(saying: "the t the buffer held is still there") { generator in checkFillBatch(Kept.fillWithoutClearing, using: &generator) }
        expectAccepted { generator in checkFillBatch(Kept.fillByRows, using: &generator) }
    }

    @Test("4.1 check catches pixels divided by 256, integer division, and zeros left unwritten")
    func fillBatchScaling() {
        expectCaught(saying: "it uses 256 where the largest pixel value, 255, belongs") { generator in checkFillBatch(Kept.fillBy256, using: &generator) }
        expectCaught(saying: "the division by the largest pixel value 255 is missing") { generator in
            checkFillBatch(Kept.fillUnscaled, using: &generator)
        }
        expectCaught(saying: "integer division") { generator in
            checkFillBatch(Kept.fillIntegerDivision, using: &generator)
        }
        expectCaught(saying: "the x the buffer held is still there: write every entry, zeros included") { generator in
            checkFillBatch(Kept.fillSkippingZeros, using: &generator)
        }
    }

    @Test("4.2 check catches a forward pass without biases, and accepts one through columns")
    func forward() {
        expectCaught(saying: "the bias b¹ is missing") { generator in checkBatchedForward(Kept.forwardWithoutBias, using: &generator) }
        expectCaught(saying: "the z¹ the workspace held was added") { generator in
            checkBatchedForward(Kept.forwardAccumulating, using: &generator)
        }
        expectCaught(saying: "first example (row) only") { generator in
            checkBatchedForward(Kept.forwardBiasOnFirstRow, using: &generator)
        }
        expectAccepted { generator in checkBatchedForward(Kept.forwardThroughColumns, using: &generator) }
    }

    @Test("4.3 check catches accumulating and unaveraged gradients, and accepts naive products")
    func backward() {
        expectCaught(saying: "calling backward twice") { generator in checkBatchedBackward(Kept.backwardAccumulating, using: &generator) }
        expectCaught(saying: "calling backward twice changed the gradients (dB1 went from") { generator in
            checkBatchedBackward(Kept.backwardAccumulatingBiases, using: &generator)
        }
        expectCaught(saying: "the division by the number of examples m") { generator in checkBatchedBackward(Kept.backwardSummed, using: &generator) }
        expectAccepted { generator in checkBatchedBackward(Kept.backwardNaive, using: &generator) }
    }

    @Test("4.4 check catches an unshuffled epoch, a skipped last batch, a copied generator and a mean over examples")
    func epochWrong() {
        expectCaught(saying: "original order") { generator in
            checkTrainEpoch(Kept.epochInOrder, using: &generator, convergence: false)
        }
        expectCaught(saying: "stops one batch early") { generator in
            checkTrainEpoch(Kept.epochSkippingLastBatch, using: &generator, convergence: false)
        }
        expectCaught(saying: "a copy of the generator") { generator in
            checkTrainEpoch(Kept.epochShufflingACopy, using: &generator, convergence: false)
        }
        expectCaught(saying: "divides the total by the number of examples") { generator in
            checkTrainEpoch(Kept.epochMeanOverExamples, using: &generator, convergence: false)
        }
    }

    @Test("4.4 check accepts a hand-written shuffle, which also trains (convergence on the first seeds)")
    func epochRight() {
        expectAccepted { generator in checkTrainEpoch(Kept.epochHandShuffled, using: &generator, convergence: false) }
        expectAccepted(seeds: 1 ... 3) { generator in checkTrainEpoch(Kept.epochHandShuffled, using: &generator) }
    }

    @Test("4.5 check catches a transposed confusion matrix")
    func evaluation() {
        expectCaught(saying: "C is transposed: Cᵀ was used where C belongs") { generator in checkEvaluation(predict: Kept.argmax, confusion: Kept.confusionTransposed, using: &generator) }
    }

    @Test("4.5 check catches a search for the largest output that starts from 0")
    func argmaxFromZero() {
        expectCaught(saying: "starts from the value 0") { generator in
            checkEvaluation(predict: Kept.argmaxFromZero, confusion: Kept.confusion, using: &generator)
        }
    }

    @Test("4.5 check accepts counts kept in one flat array")
    func confusionFlat() {
        expectAccepted { generator in checkEvaluation(predict: Kept.argmax, confusion: Kept.confusion, using: &generator) }
    }

    @Test("4.6 check catches one shift for the whole batch, and softmax over the columns")
    func softmaxWrongAxis() {
        expectCaught(saying: "not by one constant for the whole batch") { generator in
            checkSoftmax(softmax: Kept.softmaxGlobalShift, delta: Kept.delta, using: &generator)
        }
        expectCaught(saying: "softmax over the columns") { generator in
            checkSoftmax(softmax: Kept.softmaxOverColumns, delta: Kept.delta, using: &generator)
        }
    }

    @Test("4.6 check catches an overflowing softmax, and accepts log-sum-exp")
    func softmax() {
        expectCaught(saying: "overflows") { generator in checkSoftmax(softmax: Kept.softmaxUnstable, delta: Kept.delta, using: &generator) }
        expectAccepted { generator in checkSoftmax(softmax: Kept.softmaxLogSumExp, delta: Kept.delta, using: &generator) }
    }

    @Test("4.7 check catches a penalty without its ½ or with the biases, and a doubled or bias-decaying gradient")
    func weightDecayWrong() {
        expectCaught(saying: "the factor 2 is missing") { generator in
            checkWeightDecay(penalty: Kept.penaltyWithoutHalf, addDecay: Kept.decay, using: &generator)
        }
        expectCaught(saying: "θ was used where w belongs") { generator in
            checkWeightDecay(penalty: Kept.penaltyWithBiases, addDecay: Kept.decay, using: &generator)
        }
        expectCaught(saying: "a factor 2 that does not belong") { generator in
            checkWeightDecay(penalty: Kept.penalty, addDecay: Kept.decayDoubled, using: &generator)
        }
        expectCaught(saying: "it adds a term with λ / n that must be multiplied by 0 (a bias is not penalised)") { generator in
            checkWeightDecay(penalty: Kept.penalty, addDecay: Kept.decayBiases, using: &generator)
        }
    }

    @Test("4.7 check accepts weight decay added entry by entry")
    func weightDecayRight() {
        expectAccepted { generator in
            checkWeightDecay(penalty: Kept.penalty, addDecay: Kept.decayEntryByEntry, using: &generator)
        }
    }
}

@Suite("The numbers Chapter 4 quotes")
struct MnistQuotedNumbersTests {
    @Test("Chapter 2's sampling odds: a sample of 64 misses one row of dW1 11%, one entry 99.7%, all 40 biases 90%")
    func samplingOdds() {
        let limit = Double(GradientCheck.sampleLimit)
        let rounded = { (value: Double, places: Double) in (value * places).rounded() / places }
        #expect(GradientCheck.sampleLimit == 64)
        #expect(rounded(pow(1 - 784.0 / 23_520, limit), 100) == 0.11)
        #expect(rounded(pow(1 - 1.0 / 23_520, limit), 1000) == 0.997)
        let parameters: Int = 784 * 30 + 30 + 30 * 10 + 10
        #expect(parameters == 23_860)
        #expect(rounded(pow(1 - 40.0 / 23_860, limit), 10) == 0.9)
    }

    @Test("a 784-100-10 network has 79,510 parameters")
    func parameterCount() {
        var generator = SplitMix64(seed: 1)
        let network = Network(inputs: 784, hidden: 100, outputs: 10, using: &generator)
        #expect([network.W1, network.b1, network.W2, network.b2].reduce(0) { $0 + $1.elements.count } == 79_510)
    }

    @Test("the softmax example: z² = (1, 2, 3), the first class right")
    func softmaxExample() {
        let z = [1.0, 2, 3], t = [1.0, 0, 0]
        let total = z.map { exp($0 - 3) }.reduce(0, +)
        let yHat = z.map { exp($0 - 3) / total }
        let rounded = { (value: Double) in (value * 10_000).rounded() / 10_000 }
        #expect(yHat.map(rounded) == [0.0900, 0.2447, 0.6652])
        #expect((-log(yHat[0]) * 100).rounded() / 100 == 2.41)
        #expect(zip(yHat, t).map { rounded($0 - $1) } == [-0.9100, 0.2447, 0.6652])
        #expect((-log(1e-300)).rounded() == 691)
    }

    @Test("mnist init: the spread of z¹ and the size of σ′(z¹) at initialisation",
          .enabled(if: ProcessInfo.processInfo.environment["MNIST_DIR"] != nil))
    func initialisation() throws {
        let data = try MNIST.load(from: URL(fileURLWithPath: ProcessInfo.processInfo.environment["MNIST_DIR"]!))
        let cases = InitialisationStats.measure(data)
        func near(_ value: Double, _ quoted: Double, _ relative: Double = 0.02) -> Bool {
            abs(value - quoted) <= relative * abs(quoted)
        }
        #expect(near(cases[0].spread, 2250) && cases[0].flatShare > 0.995 && cases[0].medianSlope == 0,
                "\(cases[0].spread) \(cases[0].flatShare) \(cases[0].medianSlope)")
        #expect(near(cases[1].spread, 8.97, 0.005) && near(cases[1].medianSlope, 0.0028, 0.03)
                    && near(cases[1].flatShare, 0.60, 0.03))
        #expect(near(cases[2].spread, 1.12, 0.01) && near(cases[2].medianSlope, 0.19, 0.03) && cases[2].flatShare == 0)
    }
}

