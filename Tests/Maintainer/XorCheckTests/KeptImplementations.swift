// Implementations kept beside the tests, never in Exercises/: classic wrong
// answers each Chapter 3 check must catch, and right answers written
// differently from the reference, which each check must accept.

import Foundation
import WorkbookCore

enum Kept {
    // MARK: 3.1

    /// Wrong: one example per row.
    static func xorByRows() -> (inputs: Matrix, targets: Matrix) {
        (Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]), Matrix([[0], [1], [1], [0]]))
    }

    /// Wrong: OR, not XOR.
    static func or() -> (inputs: Matrix, targets: Matrix) {
        (Matrix([[0, 0, 1, 1], [0, 1, 0, 1]]), Matrix([[0, 1, 1, 1]]))
    }

    /// Right, written differently: the points in another order.
    static func xorShuffled() -> (inputs: Matrix, targets: Matrix) {
        (Matrix([[1, 0, 1, 0], [1, 1, 0, 0]]), Matrix([[0, 1, 1, 0]]))
    }

    // MARK: 3.2

    /// Wrong: returns the loss after the step.
    static func stepReturningLossAfter(_ network: inout Network, _ x: Matrix, _ t: Matrix, _ eta: Double,
                                       _ functions: NetworkFunctions) -> Double {
        functions.step(&network, functions.backprop(network, x, t), eta)
        return functions.loss(network, x, t)
    }

    /// Right, written differently: gradients first, loss from a copy.
    static func stepGradientsFirst(_ network: inout Network, _ x: Matrix, _ t: Matrix, _ eta: Double,
                                   _ functions: NetworkFunctions) -> Double {
        let gradients = functions.backprop(network, x, t)
        let before = network
        functions.step(&network, gradients, eta)
        return functions.loss(before, x, t)
    }

    // MARK: 3.3

    /// Wrong: one epoch too few.
    static func trainOffByOne(_ network: inout Network, _ x: Matrix, _ t: Matrix, _ epochs: Int, _ eta: Double,
                              _ functions: NetworkFunctions) -> [Double] {
        (1 ..< epochs).map { _ in stepGradientsFirst(&network, x, t, eta, functions) }
    }

    /// Wrong: each epoch steps a copy, so the network never learns.
    static func trainACopy(_ network: inout Network, _ x: Matrix, _ t: Matrix, _ epochs: Int, _ eta: Double,
                           _ functions: NetworkFunctions) -> [Double] {
        (0 ..< epochs).map { _ in
            var copy = network
            return stepGradientsFirst(&copy, x, t, eta, functions)
        }
    }

    /// Wrong: one copy trained for every epoch (so the losses are right) and never written back.
    static func trainOneCopy(_ network: inout Network, _ x: Matrix, _ t: Matrix, _ epochs: Int, _ eta: Double,
                             _ functions: NetworkFunctions) -> [Double] {
        var copy = network
        return (0 ..< epochs).map { _ in stepGradientsFirst(&copy, x, t, eta, functions) }
    }

    /// Wrong: a learning rate of 1 written into the loop, whatever is passed in.
    static func trainFixedRate(_ network: inout Network, _ x: Matrix, _ t: Matrix, _ epochs: Int, _ eta: Double,
                               _ functions: NetworkFunctions) -> [Double] {
        (0 ..< epochs).map { _ in stepGradientsFirst(&network, x, t, 1, functions) }
    }

    /// Wrong: the loss taken once, before the loop, and recorded for every epoch; the network is trained.
    static func trainLossOnce(_ network: inout Network, _ x: Matrix, _ t: Matrix, _ epochs: Int, _ eta: Double,
                              _ functions: NetworkFunctions) -> [Double] {
        let loss = functions.loss(network, x, t)
        return (0 ..< epochs).map { _ in
            functions.step(&network, functions.backprop(network, x, t), eta)
            return loss
        }
    }

    /// Wrong: two steps an epoch.
    static func trainTwiceAnEpoch(_ network: inout Network, _ x: Matrix, _ t: Matrix, _ epochs: Int, _ eta: Double,
                                  _ functions: NetworkFunctions) -> [Double] {
        (0 ..< epochs).map { _ in
            let loss = stepGradientsFirst(&network, x, t, eta, functions)
            _ = stepGradientsFirst(&network, x, t, eta, functions)
            return loss
        }
    }

    /// Wrong: the loss after each step recorded.
    static func trainLossAfter(_ network: inout Network, _ x: Matrix, _ t: Matrix, _ epochs: Int, _ eta: Double,
                               _ functions: NetworkFunctions) -> [Double] {
        (0 ..< epochs).map { _ in stepReturningLossAfter(&network, x, t, eta, functions) }
    }

    /// Right, written differently: a while loop with the step written inline.
    static func trainWhile(_ network: inout Network, _ x: Matrix, _ t: Matrix, _ epochs: Int, _ eta: Double,
                           _ functions: NetworkFunctions) -> [Double] {
        var history = [Double]()
        while history.count < epochs {
            history.append(functions.loss(network, x, t))
            functions.step(&network, functions.backprop(network, x, t), eta)
        }
        return history
    }

    // MARK: 3.4

    /// Wrong: 0.5 counted as class 0.
    static func classifyStrict(_ outputs: Matrix) -> [Int] { outputs.elements.map { $0 > 0.5 ? 1 : 0 } }

    static func classify(_ outputs: Matrix) -> [Int] { outputs.elements.map { $0 < 0.5 ? 0 : 1 } }

    /// Wrong: the number correct, not the fraction.
    static func accuracyCount(_ predictions: [Int], _ targets: Matrix) -> Double {
        Double(zip(predictions, targets.elements).filter { Double($0) == $1 }.count)
    }

    /// Wrong: integer division, which drops the fraction.
    static func accuracyIntegerDivision(_ predictions: [Int], _ targets: Matrix) -> Double {
        Double(zip(predictions, targets.elements).filter { Double($0) == $1 }.count / predictions.count)
    }

    /// Wrong: the fraction of mistakes.
    static func accuracyErrorRate(_ predictions: [Int], _ targets: Matrix) -> Double {
        Double(zip(predictions, targets.elements).filter { Double($0) != $1 }.count) / Double(predictions.count)
    }

    /// Right, written differently: one minus the error rate.
    static func accuracyFromErrors(_ predictions: [Int], _ targets: Matrix) -> Double {
        let errors = zip(predictions, targets.elements).reduce(0) { $0 + abs(Double($1.0) - $1.1) }
        return 1 - errors / Double(predictions.count)
    }
}
