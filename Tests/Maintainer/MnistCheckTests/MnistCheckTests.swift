import Chapter4Checks
import Foundation
import Testing
import WorkbookCore

/// The Chapter 4 checks themselves: each catches a kept wrong implementation with
/// the right diagnosis, and accepts a right one written differently.
@Suite("Chapter 4 checks")
struct MnistCheckTests {
    var generator = SplitMix64(seed: 7)

    @Test("4.1 check catches one-hot targets not cleared between batches, and accepts row copies")
    mutating func fillBatch() {
        expectCaught(checkFillBatch(Kept.fillWithoutClearing, using: &generator), saying: "t keeps the 1s")
        #expect(checkFillBatch(Kept.fillByRows, using: &generator).isPassed)
    }

    @Test("4.2 check catches a forward pass without biases, and accepts one through columns")
    mutating func forward() {
        expectCaught(checkBatchedForward(Kept.forwardWithoutBias, using: &generator), saying: "the bias is missing")
        #expect(checkBatchedForward(Kept.forwardThroughColumns, using: &generator).isPassed)
    }

    @Test("4.3 check catches accumulating and unaveraged gradients, and accepts naive products")
    mutating func backward() {
        expectCaught(checkBatchedBackward(Kept.backwardAccumulating, using: &generator), saying: "calling backward twice")
        expectCaught(checkBatchedBackward(Kept.backwardSummed, using: &generator), saying: "factor")
        #expect(checkBatchedBackward(Kept.backwardNaive, using: &generator).isPassed)
    }

    @Test("4.4 check catches an unshuffled epoch, and accepts a hand-written shuffle")
    mutating func epoch() {
        expectCaught(checkTrainEpoch(Kept.epochInOrder, using: &generator), saying: "original order")
        #expect(checkTrainEpoch(Kept.epochHandShuffled, using: &generator).isPassed)
    }

    @Test("4.5 check catches a transposed confusion matrix")
    mutating func evaluation() {
        expectCaught(checkEvaluation(predict: Kept.argmax, confusion: Kept.confusionTransposed, using: &generator),
                     saying: "rows are the actual digits")
    }

    @Test("4.6 check catches an overflowing softmax, and accepts log-sum-exp")
    mutating func softmax() {
        expectCaught(checkSoftmax(softmax: Kept.softmaxUnstable, delta: Kept.delta, using: &generator), saying: "overflows")
        #expect(checkSoftmax(softmax: Kept.softmaxLogSumExp, delta: Kept.delta, using: &generator).isPassed)
    }
}
