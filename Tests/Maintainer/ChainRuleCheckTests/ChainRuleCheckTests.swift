import Chapter1
import Chapter1Checks
import Foundation
import Testing
import WorkbookCore

/// The checks themselves: each catches a kept wrong implementation with the
/// right diagnosis, and accepts a right one written differently.
@Suite("Chapter 1 checks")
struct ChainRuleCheckTests {
    var generator = SplitMix64(seed: 7)

    @Test("1.1 check catches a forward difference that is really central")
    mutating func forwardThatIsCentral() {
        expectCaught(checkFiniteDifferences(forward: Kept.forwardThatIsCentral, central: Kept.centralAsAverage,
                                            using: &generator), saying: "this is the central difference")
    }

    @Test("1.1 check catches a central difference divided by h")
    mutating func centralOverH() {
        expectCaught(checkFiniteDifferences(forward: Kept.forward, central: Kept.centralOverH, using: &generator),
                     saying: "divided by h instead of 2h")
    }

    @Test("1.1 check accepts a central difference written as an average")
    mutating func centralAsAverage() {
        #expect(checkFiniteDifferences(forward: Kept.forward, central: Kept.centralAsAverage, using: &generator)
            .isPassed)
    }

    @Test("1.2 check catches derivatives all evaluated at x")
    mutating func chainAllAtX() {
        expectCaught(checkChainDerivative(Kept.chainAllAtX, using: &generator), saying: "evaluated at x")
    }

    @Test("1.2 check accepts a recursive chain derivative")
    mutating func chainRecursive() {
        #expect(checkChainDerivative(Kept.chainRecursive, using: &generator).isPassed)
    }

    @Test("1.3 check catches gradients overwritten instead of accumulated")
    mutating func overwriting() {
        expectCaught(checkArithmetic(add: Kept.add, multiply: Kept.multiplyOverwriting, using: &generator),
                     saying: "overwrites grad (=) instead of accumulating (+=)")
    }

    @Test("1.3 check catches a product rule with its operands swapped")
    mutating func swapped() {
        expectCaught(checkArithmetic(add: Kept.add, multiply: Kept.multiplySwapped, using: &generator),
                     saying: "∂(x·y)/∂x is y")
    }

    @Test("1.3 check accepts a product rule written as a loop")
    mutating func multiplyByLoop() {
        #expect(checkArithmetic(add: Kept.add, multiply: Kept.multiplyByLoop, using: &generator).isPassed)
    }

    @Test("1.4 check catches the sigmoid derivative applied to z instead of σ(z)")
    mutating func sigmoidOfInput() {
        expectCaught(checkFunctions(pow: Kept.pow, exp: Kept.exp, tanh: Kept.tanh, sigmoid: Kept.sigmoidOfInput,
                                    using: &generator), saying: "not its input self.data")
    }

    @Test("1.4 check accepts a numerically stable sigmoid")
    mutating func sigmoidStable() {
        #expect(checkFunctions(pow: Kept.pow, exp: Kept.exp, tanh: Kept.tanh, sigmoid: Kept.sigmoidStable,
                               using: &generator).isPassed)
    }

    @Test("1.5 check catches nodes appended before their children")
    mutating func preorder() {
        expectCaught(checkBackward(topologicalOrder: Kept.topologicalOrderPreorder, backward: Kept.backwardKahn,
                                   using: &generator), saying: "comes before its child")
    }

    @Test("1.5 check catches a breadth-first walk that is not a topological order")
    mutating func breadthFirst() {
        expectCaught(checkBackward(topologicalOrder: Kept.topologicalOrderKahn, backward: Kept.backwardBreadthFirst,
                                   using: &generator), saying: "ran before that of its parent")
    }

    @Test("1.5 check catches a walk without a visited set")
    mutating func withoutVisitedSet() {
        expectCaught(checkBackward(topologicalOrder: Kept.topologicalOrderKahn,
                                   backward: Kept.backwardWithoutVisitedSet, using: &generator),
                     saying: "more than once")
    }

    @Test("1.5 check accepts Kahn's algorithm")
    mutating func kahn() {
        #expect(checkBackward(topologicalOrder: Kept.topologicalOrderKahn, backward: Kept.backwardKahn,
                              using: &generator).isPassed)
    }
}
