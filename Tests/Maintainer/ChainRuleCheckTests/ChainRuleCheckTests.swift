import Chapter1
import Chapter1Checks
import Foundation
import Testing
import WorkbookCore

/// The checks themselves: each catches a kept wrong implementation with the
/// right diagnosis, and accepts a right one written differently.
@Suite("Chapter 1 checks")
struct ChainRuleCheckTests {
    @Test("1.1 check catches a forward difference that is really central")
    func forwardThatIsCentral() {
        expectCaught(saying: "the forward difference: (f(x + h) − f(x − h)) / 2·h was used where (f(x + h) − f(x)) / h belongs") { generator in checkFiniteDifferences(forward: Kept.forwardThatIsCentral, central: Kept.centralAsAverage, using: &generator) }
    }

    @Test("1.1 check catches a central difference divided by h")
    func centralOverH() {
        expectCaught(saying: "the central difference: the factor 2 is missing") { generator in checkFiniteDifferences(forward: Kept.forward, central: Kept.centralOverH, using: &generator) }
    }

    @Test("1.1 check catches a step hard-coded as 0.01")
    func hardCodedStep() {
        expectCaught(saying: "it uses the fixed number 0.01 where the step h belongs") { generator in
            checkFiniteDifferences(forward: Kept.forwardWithFixedStep, central: Kept.centralAsAverage, using: &generator)
        }
    }

    @Test("1.1 check names a backward difference written for the forward one: two substitutions")
    func backwardForForward() {
        expectCaught(saying: "f(x − h)") { generator in
            checkFiniteDifferences(forward: Kept.backwardForForward, central: Kept.centralAsAverage, using: &generator)
        }
    }

    @Test("1.1 check catches a / 2 * h for a / (2 * h)")
    func precedence() {
        expectCaught(saying: "operator precedence: a / 2 * h divides by 2 and then multiplies by h") { generator in
            checkFiniteDifferences(forward: Kept.forward, central: Kept.centralWithPrecedence, using: &generator)
        }
    }

    @Test("1.1 check accepts a central difference written as an average")
    func centralAsAverage() {
        expectAccepted { generator in checkFiniteDifferences(forward: Kept.forward, central: Kept.centralAsAverage, using: &generator) }
    }

    @Test("1.2 check catches derivatives all evaluated at x")
    func chainAllAtX() {
        expectCaught(saying: "evaluated at x") { generator in checkChainDerivative(Kept.chainAllAtX, using: &generator) }
    }

    @Test("1.2 check accepts a recursive chain derivative")
    func chainRecursive() {
        expectAccepted { generator in checkChainDerivative(Kept.chainRecursive, using: &generator) }
    }

    @Test("1.3 check catches gradients overwritten instead of accumulated")
    func overwriting() {
        expectCaught(saying: "overwrites grad (=) instead of accumulating (+=)") { generator in checkArithmetic(add: Kept.add, multiply: Kept.multiplyOverwriting, using: &generator) }
        expectCaught(saying: "x + x, with x as both operands") { generator in
            checkArithmetic(add: Kept.addOverwriting, multiply: Kept.multiplyByLoop, using: &generator)
        }
    }

    @Test("1.3 check catches a product rule with its operands swapped")
    func swapped() {
        expectCaught(saying: "∂(x·y)/∂x is y") { generator in checkArithmetic(add: Kept.add, multiply: Kept.multiplySwapped, using: &generator) }
    }

    @Test("1.3 check catches rules that forget to multiply by out.grad")
    func ignoringOutGrad() {
        expectCaught(saying: "the rule of * ignores out.grad") { generator in
            checkArithmetic(add: Kept.add, multiply: Kept.multiplyIgnoringOutGrad, using: &generator)
        }
        expectCaught(saying: "the rule of + ignores out.grad") { generator in
            checkArithmetic(add: Kept.addIgnoringOutGrad, multiply: Kept.multiplyByLoop, using: &generator)
        }
    }

    @Test("1.3 check accepts a product rule written as a loop")
    func multiplyByLoop() {
        expectAccepted { generator in checkArithmetic(add: Kept.add, multiply: Kept.multiplyByLoop, using: &generator) }
    }

    @Test("1.4 check catches the sigmoid derivative applied to z instead of σ(z)")
    func sigmoidOfInput() {
        expectCaught(saying: "not its input self.data") { generator in checkFunctions(pow: Kept.pow, exp: Kept.exp, tanh: Kept.tanh, sigmoid: Kept.sigmoidOfInput, using: &generator) }
    }

    @Test("1.4 check catches a power rule right only for positive x, and one right only for x²")
    func powerRules() {
        expectCaught(saying: "right only for x > 0") { generator in
            checkFunctions(pow: Kept.powOfMagnitude, exp: Kept.exp, tanh: Kept.tanh, sigmoid: Kept.sigmoidStable,
                           using: &generator)
        }
        expectCaught(saying: "the derivative of x² alone") { generator in
            checkFunctions(pow: Kept.powAlwaysSquare, exp: Kept.exp, tanh: Kept.tanh, sigmoid: Kept.sigmoidStable,
                           using: &generator)
        }
    }

    @Test("1.4 check accepts a numerically stable sigmoid")
    func sigmoidStable() {
        expectAccepted { generator in checkFunctions(pow: Kept.pow, exp: Kept.exp, tanh: Kept.tanh, sigmoid: Kept.sigmoidStable, using: &generator) }
    }

    @Test("1.5 check catches nodes appended before their children")
    func preorder() {
        expectCaught(saying: "comes before its child") { generator in checkBackward(topologicalOrder: Kept.topologicalOrderPreorder, backward: Kept.backwardKahn, using: &generator) }
    }

    @Test("1.5 check catches a breadth-first walk that is not a topological order")
    func breadthFirst() {
        expectCaught(saying: "ran before that of its parent") { generator in checkBackward(topologicalOrder: Kept.topologicalOrderKahn, backward: Kept.backwardBreadthFirst, using: &generator) }
    }

    @Test("1.5 check catches a walk without a visited set")
    func withoutVisitedSet() {
        expectCaught(saying: "more than once") { generator in checkBackward(topologicalOrder: Kept.topologicalOrderKahn, backward: Kept.backwardWithoutVisitedSet, using: &generator) }
    }

    @Test("1.5 check says the root's rule never ran when a loop skips it, not that the order is wrong")
    func skippingRoot() {
        expectCaught(saying: "never ran the rule of L") { generator in
            checkBackward(topologicalOrder: Kept.topologicalOrderKahn, backward: Kept.backwardSkippingRoot, using: &generator)
        }
    }

    @Test("1.5 check accepts Kahn's algorithm")
    func kahn() {
        expectAccepted { generator in checkBackward(topologicalOrder: Kept.topologicalOrderKahn, backward: Kept.backwardKahn, using: &generator) }
    }

    @Test("1.6 check catches log's slope at its output, without out.grad, and as −1/x², and relu slopes of 1, of relu(x), of |x| and assigned")
    func newOperationsWrong() {
        expectCaught(saying: "log′ was taken at out.data = log(x) instead of x") { generator in
            checkNewOperations(log: Kept.logOfOutput, relu: Kept.relu, using: &generator)
        }
        expectCaught(saying: "the factor out.grad is missing") { generator in
            checkNewOperations(log: Kept.logWithoutUpstream, relu: Kept.relu, using: &generator)
        }
        expectCaught(saying: "the derivative log″ was used where log′ itself belongs") { generator in
            checkNewOperations(log: Kept.logSlopeOfReciprocal, relu: Kept.relu, using: &generator)
        }
        expectCaught(saying: "the factor ReLU′(x) is missing") { generator in
            checkNewOperations(log: Kept.log, relu: Kept.reluSlopeOne, using: &generator)
        }
        expectCaught(saying: "ReLU(x) was used where its derivative ReLU′(x) belongs") { generator in
            checkNewOperations(log: Kept.log, relu: Kept.reluSlopeIsOutput, using: &generator)
        }
        expectCaught(saying: "· relu(x) at x = -") { generator in
            checkNewOperations(log: Kept.log, relu: Kept.reluSlopeOfAbs, using: &generator)
        }
        expectCaught(saying: "the result overwrites x.grad from y · x (=) instead of adding to it (+=)") { generator in
            checkNewOperations(log: Kept.log, relu: Kept.reluAssigning, using: &generator)
        }
    }

    @Test("1.6 check accepts 1/x as e^(−log x), and relu with a slope of 1 at its kink")
    func newOperationsRight() {
        expectAccepted { generator in
            checkNewOperations(log: Kept.logFromOutput, relu: Kept.reluFromOutput, using: &generator)
        }
    }

    @Test("1.7 check catches a loss without its ½, without b², and one built on copies of the parameters")
    func valueNetworkWrong() {
        expectCaught(saying: "the factor ½ is missing") { generator in
            checkValueNetwork(Kept.networkLossWithoutHalf, using: &generator)
        }
        expectCaught(saying: "the bias b² is missing") { generator in
            checkValueNetwork(Kept.networkLossWithoutOutputBias, using: &generator)
        }
        expectCaught(saying: "built from copies of the parameters") { generator in
            checkValueNetwork(Kept.networkLossOnCopies, using: &generator)
        }
    }

    @Test("1.7 check accepts σ built from exp, the error squared with pow, and the sums in another order")
    func valueNetworkRight() {
        expectAccepted { generator in checkValueNetwork(Kept.networkLossBySigmoidFromExp, using: &generator) }
    }
}
