import Chapter2Checks
import Chapter3Checks
import Foundation
import Testing
import WorkbookCore

/// The Chapter 3 checks themselves: each catches a kept wrong implementation with
/// the right diagnosis, and accepts a right one written differently.
@Suite("Chapter 3 checks")
struct XorCheckTests {
    var generator = SplitMix64(seed: 7)

    @Test("3.1 check catches one example per row, and OR")
    func xorDataWrong() {
        expectCaught(checkXorData(Kept.xorByRows), saying: "one example per column")
        expectCaught(checkXorData(Kept.or), saying: "that is OR")
    }

    @Test("3.1 check accepts the points in another order")
    func xorShuffled() {
        #expect(checkXorData(Kept.xorShuffled).isPassed)
    }

    @Test("3.2 check catches a step that returns the loss after it")
    mutating func lossAfter() {
        expectCaught(checkTrainingStep(Kept.stepReturningLossAfter, using: &generator), saying: "loss after the step")
    }

    @Test("3.2 check accepts a step that computes the gradients first")
    mutating func gradientsFirst() {
        #expect(checkTrainingStep(Kept.stepGradientsFirst, using: &generator).isPassed)
    }

    @Test("3.3 check catches a loop one epoch short")
    mutating func offByOne() {
        expectCaught(checkTrainingLoop(Kept.trainOffByOne, using: &generator), saying: "one per epoch")
    }

    @Test("3.3 check accepts a while loop, and it learns XOR")
    mutating func whileLoop() {
        let verdict = checkTrainingLoop(Kept.trainWhile, using: &generator)
        #expect(verdict.isPassed, "\(verdict)")
    }

    @Test("3.4 check catches 0.5 classified as 0, and a count for a fraction")
    mutating func predictionWrong() {
        expectCaught(checkPrediction(classify: Kept.classifyStrict, accuracy: Kept.accuracyFromErrors,
                                     using: &generator), saying: "exactly 0.5 is class 1")
        expectCaught(checkPrediction(classify: Kept.classify, accuracy: Kept.accuracyCount, using: &generator),
                     saying: "accuracy is the fraction")
    }

    @Test("3.4 check accepts accuracy as one minus the error rate")
    mutating func accuracyFromErrors() {
        #expect(checkPrediction(classify: Kept.classify, accuracy: Kept.accuracyFromErrors, using: &generator).isPassed)
    }
}

@Suite("The xor program")
struct XorDemoTests {
    @Test("the same seed gives the same network and the same training run")
    func deterministic() {
        var configuration = XorConfiguration()
        #expect(configuration.initialNetwork() == configuration.initialNetwork())
        configuration.seed = 2
        #expect(configuration.initialNetwork() != XorConfiguration().initialNetwork())
        #if WORKBOOK_SOLUTIONS
        var demo = XorDemo(functions: ReferenceNetwork.functions)
        demo.configuration.epochs = 50
        #expect(demo.train().history == demo.train().history)
        #expect(demo.train().history.count == 50)
        #endif
    }
}
