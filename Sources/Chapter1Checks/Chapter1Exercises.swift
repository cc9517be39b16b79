import Chapter1
import WorkbookCore

/// Chapter 1 and its exercises, each defined once: its id, points, where to
/// edit, hints, and the check bound to the learner's code.
public let chapter1 = Chapter(
    number: 1, title: "The chain rule", text: "chapters/01-chain-rule.md", program: "swift run chain-rule",
    exercises: [
        Exercise(
            id: "1.1", title: "Forward and central differences", points: 2,
            file: "Exercises/Chapter1/FiniteDifferences.swift",
            symbol: "`forwardDifference(_:at:step:)` and `centralDifference(_:at:step:)`",
            hints: [
                "A derivative is a slope: rise over run. Which two points does each estimate use?",
                "The rise is the difference between the two values of f; the run is the distance between the two "
                    + "x's. How far apart are x − h and x + h?",
                "forward: (f(x + h) − f(x)) / h. central: (f(x + h) − f(x − h)) / (2h).",
            ],
            check: { generator in
                checkFiniteDifferences(forward: { forwardDifference($0, at: $1, step: $2) },
                                       central: { centralDifference($0, at: $1, step: $2) }, using: &generator)
            }),
        Exercise(
            id: "1.2", title: "The chain rule on a chain of functions", points: 2,
            file: "Exercises/Chapter1/ChainRule.swift", symbol: "`chainDerivative(of:at:)`",
            hints: [
                "A small change in x is scaled by f, then by g, then by h. By how much at each step?",
                "Each step scales by that function's derivative at that function's own input: f at x, g at f(x), "
                    + "h at g(f(x)) — not all at x.",
                "The derivative is f′(x) · g′(f(x)) · h′(g(f(x))): run the chain forward once, keeping every "
                    + "function's input, then multiply each function's derivative at its input.",
                "Loop forward with `inputs.append(current)` before `current = function.value(current)`; then "
                    + "multiply `function.derivative(input)` over `zip(functions, inputs)`.",
            ],
            check: { generator in checkChainDerivative({ chainDerivative(of: $0, at: $1) }, using: &generator) }),
        Exercise(
            id: "1.3", title: "Backward rules of + and *", points: 3,
            file: "Exercises/Chapter1/Value+Arithmetic.swift", symbol: "`static func +` and `static func *`",
            hints: [
                "What is ∂(lhs + rhs)/∂lhs? And ∂(lhs · rhs)/∂lhs?",
                "Each operand's share is its local derivative times out.grad, the gradient that has already "
                    + "reached this node from above (1 only at the root).",
                "For +: 1 · out.grad to each operand. For ·: rhs.data · out.grad to lhs and lhs.data · out.grad "
                    + "to rhs. Add with +=, never =: in x · x both operands are one node, and both shares must land in "
                    + "x.grad.",
            ],
            check: { generator in checkArithmetic(add: { $0 + $1 }, multiply: { $0 * $1 }, using: &generator) }),
        Exercise(
            id: "1.4", title: "Backward rules of pow, exp, tanh and sigmoid", points: 3,
            file: "Exercises/Chapter1/Value+Functions.swift",
            symbol: "`pow(_:)`, `exp()`, `tanh()` and `sigmoid()`",
            hints: [
                "Each rule adds (local derivative) · out.grad to self.grad. What is the derivative of each "
                    + "function at x = self.data?",
                "Three of the four derivatives can be written with the function's own output, out.data, which the "
                    + "node already holds. Which three?",
                "d(xⁿ)/dx = n·xⁿ⁻¹ (at self.data); d(eˣ)/dx = eˣ; d(tanh x)/dx = 1 − tanh²(x); σ′(x) = σ(x)(1 − "
                    + "σ(x)). The outputs eˣ, tanh x and σ(x) are out.data.",
            ],
            check: { generator in
                checkFunctions(pow: { $0.pow($1) }, exp: { $0.exp() }, tanh: { $0.tanh() },
                               sigmoid: { $0.sigmoid() }, using: &generator)
            }),
        Exercise(
            id: "1.5", title: "Backward through the whole graph", points: 4,
            file: "Exercises/Chapter1/Backward.swift", symbol: "`topologicalOrder(from:)` and `backward()`",
            hints: [
                "When may a node pass its gradient on to its children? Think of a node that two others use.",
                "Only once it is complete: after every node that uses it (its parents) has passed it its share. "
                    + "So order the nodes children-first — a topological order — and run the rules in reverse.",
                "Depth-first: visit(node) returns at once if the node was already visited; otherwise it visits "
                    + "every child, then appends the node. backward() sets grad = 1 on the root and runs each "
                    + "backwardRule in the reversed order.",
            ],
            check: { generator in
                checkBackward(topologicalOrder: { topologicalOrder(from: $0) }, backward: { $0.backward() },
                              using: &generator)
            }),
        Exercise(
            id: "1.6", title: "Operations of your own: log and relu", points: 3,
            file: "Exercises/Chapter1/Value+NewOperations.swift", symbol: "`log()` and `relu()`",
            hints: [
                "Each rule adds (local derivative) · out.grad to self.grad, as in 1.4. What is the slope of log at x? "
                    + "Of relu, left of 0 and right of it?",
                "log's slope at x depends on x, the input (self.data), not on log x. relu is a straight line on each side "
                    + "of 0; at 0 it has a kink and no slope, so the rule must choose one.",
                "d(log x)/dx = 1/x; relu′(x) = 1 for x > 0 and 0 for x < 0, and at x = 0 any value from 0 to 1 will do "
                    + "(0 is usual).",
            ],
            check: { generator in checkNewOperations(log: { $0.log() }, relu: { $0.relu() }, using: &generator) }),
        Exercise(
            id: "1.7", title: "A two-layer network from Values", points: 3,
            file: "Exercises/Chapter1/ValueNetwork.swift", symbol: "`networkLoss(W1:b1:W2:b2:x:t:)`",
            hints: [
                "What does one unit compute from its inputs? Write it for hidden unit i, then reuse it for the "
                    + "output units, whose inputs are the hidden activations.",
                "A unit is a weighted sum of its inputs plus its bias, through the sigmoid — all with Value's own "
                    + "+, * and sigmoid(), on the Values you were given (a copy made with Value(w.data) is a new leaf "
                    + "that backward() never reaches). The loss adds ½(ŷₖ − tₖ)² over the outputs.",
                "hidden[i] = (b1[i] + Σⱼ W1[i][j] * x[j]).sigmoid(); yHat[k] = (b2[k] + Σᵢ W2[k][i] * hidden[i])"
                    + ".sigmoid(); return Σₖ 0.5 * (yHat[k] − t[k]) * (yHat[k] − t[k]).",
            ],
            check: { generator in
                checkValueNetwork({ networkLoss(W1: $0, b1: $1, W2: $2, b2: $3, x: $4, t: $5) }, using: &generator)
            }),
    ]
)
