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
                "A derivative is a slope: rise over run. Which two points does each formula use, and how far apart are they?",
                "forward: (f(x + h) − f(x)) / h. central: (f(x + h) − f(x − h)) / (2h) — the points are 2h apart.",
            ],
            check: { generator in
                checkFiniteDifferences(forward: { forwardDifference($0, at: $1, step: $2) },
                                       central: { centralDifference($0, at: $1, step: $2) }, using: &generator)
            }),
        Exercise(
            id: "1.2", title: "The chain rule on a chain of functions", points: 2,
            file: "Exercises/Chapter1/ChainRule.swift", symbol: "`chainDerivative(of:at:)`",
            hints: [
                "Each function's derivative must be evaluated where that function is evaluated: at its own input.",
                "Loop once forward, appending `current` to an array before `current = function.value(current)`; "
                    + "then multiply `function.derivative(input)` over zip(functions, inputs).",
            ],
            check: { generator in checkChainDerivative({ chainDerivative(of: $0, at: $1) }, using: &generator) }),
        Exercise(
            id: "1.3", title: "Backward rules of + and *", points: 3,
            file: "Exercises/Chapter1/Value+Arithmetic.swift", symbol: "`static func +` and `static func *`",
            hints: [
                "For out = lhs + rhs, ∂out/∂lhs = 1; for out = lhs · rhs, ∂out/∂lhs = rhs. Multiply by out.grad.",
                "Use += and never =: in x · x, both operands are the same node, and both shares must land in x.grad.",
            ],
            check: { generator in checkArithmetic(add: { $0 + $1 }, multiply: { $0 * $1 }, using: &generator) }),
        Exercise(
            id: "1.4", title: "Backward rules of pow, exp, tanh and sigmoid", points: 3,
            file: "Exercises/Chapter1/Value+Functions.swift",
            symbol: "`pow(_:)`, `exp()`, `tanh()` and `sigmoid()`",
            hints: [
                "Each rule is self.grad += (local derivative) · out.grad. Write the local derivative of each function.",
                "exp, tanh and σ have derivatives written with their own output: eˣ, 1 − tanh²(x), σ(x)(1 − σ(x)). "
                    + "The output is out.data; self.data is the input.",
            ],
            check: { generator in
                checkFunctions(pow: { $0.pow($1) }, exp: { $0.exp() }, tanh: { $0.tanh() },
                               sigmoid: { $0.sigmoid() }, using: &generator)
            }),
        Exercise(
            id: "1.5", title: "Backward through the whole graph", points: 4,
            file: "Exercises/Chapter1/Backward.swift", symbol: "`topologicalOrder(from:)` and `backward()`",
            hints: [
                "A node may pass its gradient on only once it is complete: after every node that uses it has run.",
                "Depth-first: visit(node) returns at once if the node was visited; otherwise it visits every child "
                    + "and then appends the node. backward() sets grad = 1 and runs the rules in reversed order.",
            ],
            check: { generator in
                checkBackward(topologicalOrder: { topologicalOrder(from: $0) }, backward: { $0.backward() },
                              using: &generator)
            }),
    ]
)
