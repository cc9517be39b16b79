import Chapter2Checks
import Chapter2Programs
import Chapter3Checks
import Chapter3Programs
import Foundation
import Testing
import WorkbookCore

/// The Chapter 3 checks themselves: each catches a kept wrong implementation with
/// the right diagnosis, and accepts a right one written differently.
@Suite("Chapter 3 checks")
struct XorCheckTests {
    @Test("3.1 check catches one example per row, and OR")
    func xorDataWrong() {
        expectCaught(saying: "one example per column") { _ in checkXorData(Kept.xorByRows) }
        expectCaught(saying: "that is OR") { _ in checkXorData(Kept.or) }
    }

    @Test("3.1 check accepts the points in another order")
    func xorShuffled() {
        expectAccepted { _ in checkXorData(Kept.xorShuffled) }
    }

    @Test("3.2 check catches a step that returns the loss after it")
    func lossAfter() {
        expectCaught(saying: "loss after the step") { generator in checkTrainingStep(Kept.stepReturningLossAfter, using: &generator) }
    }

    @Test("3.2 check accepts a step that computes the gradients first")
    func gradientsFirst() {
        expectAccepted { generator in checkTrainingStep(Kept.stepGradientsFirst, using: &generator) }
    }

    @Test("3.3 check catches a loop one epoch short")
    func offByOne() {
        expectCaught(saying: "one per epoch") { generator in checkTrainingLoop(Kept.trainOffByOne, using: &generator) }
    }

    @Test("3.3 check catches a loop that steps a copy of the network")
    func trainACopy() {
        expectCaught(saying: "not a copy of it") { generator in checkTrainingLoop(Kept.trainACopy, using: &generator) }
    }

    @Test("3.3 check names one copy trained and never written back")
    func trainOneCopy() {
        expectCaught(saying: "the network passed in is unchanged") { generator in
            checkTrainingLoop(Kept.trainOneCopy, using: &generator)
        }
    }

    @Test("3.3 check names a fixed learning rate, the loss taken once for a trained network, the loss after each step, two steps an epoch")
    func historyCauses() {
        expectCaught(saying: "the losses of steps with learning rate 1, not the 1.5 passed in") { generator in
            checkTrainingLoop(Kept.trainFixedRate, using: &generator)
        }
        expectCaught(saying: "the network was trained, but the loss was not taken again in each epoch") { generator in
            checkTrainingLoop(Kept.trainLossOnce, using: &generator)
        }
        expectCaught(saying: "the loss before step i, not after it") { generator in
            checkTrainingLoop(Kept.trainLossAfter, using: &generator)
        }
        expectCaught(saying: "two steps an epoch") { generator in checkTrainingLoop(Kept.trainTwiceAnEpoch, using: &generator) }
    }

    @Test("3.3 check accepts a while loop, and it learns XOR")
    func whileLoop() {
        expectAccepted { generator in checkTrainingLoop(Kept.trainWhile, using: &generator) }
    }

    @Test("3.4 check catches 0.5 classified as 0, and a count for a fraction")
    func predictionWrong() {
        expectCaught(saying: "exactly 0.5 is class 1") { generator in checkPrediction(classify: Kept.classifyStrict, accuracy: Kept.accuracyFromErrors, using: &generator) }
        expectCaught(saying: "the division by the number of predictions n") { generator in checkPrediction(classify: Kept.classify, accuracy: Kept.accuracyCount, using: &generator) }
    }

    @Test("3.4 check catches integer division and the error rate")
    func accuracyWrong() {
        expectCaught(saying: "integer division") { generator in
            checkPrediction(classify: Kept.classify, accuracy: Kept.accuracyIntegerDivision, using: &generator)
        }
        expectCaught(saying: "the number of wrong predictions w") { generator in
            checkPrediction(classify: Kept.classify, accuracy: Kept.accuracyErrorRate, using: &generator)
        }
    }

    @Test("3.4 check accepts accuracy as one minus the error rate")
    func accuracyFromErrors() {
        expectAccepted { generator in checkPrediction(classify: Kept.classify, accuracy: Kept.accuracyFromErrors, using: &generator) }
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

@Suite("A wrong gradient that still trains")
struct WrongGradientTrainsTests {
    // Chapter 2's "Bugs in the wild" quotes this number.
    @Test("with σ′ applied to σ(z), the documented 2-4-1 network still learns XOR on each of seeds 1-20")
    func sigmoidPrimeOfActivationLearnsXor() {
        let bug = BugInTheWild.sigmoidPrimeOfActivation
        var learned = 0
        for seed: UInt64 in 1 ... 20 {
            var configuration = XorConfiguration()
            configuration.seed = seed
            var network = configuration.initialNetwork()
            for _ in 0 ..< configuration.epochs {
                ReferenceNetwork.functions.step(&network, bug.backprop(network, XorPoints.inputs, XorPoints.targets),
                                                configuration.learningRate)
            }
            let outputs = ReferenceNetwork.functions.predict(network, XorPoints.inputs)
            if zip(outputs.elements, XorPoints.targets.elements).allSatisfy({ ($0 >= 0.5) == ($1 == 1) }) { learned += 1 }
        }
        #expect(learned == 20, "learned XOR on \(learned) of 20 seeds")
    }
}

