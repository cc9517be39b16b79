import Chapter1
import Chapter1Checks
import Foundation
import WorkbookCore

/// Chapter 1's worked example: one sigmoid neuron with a squared error,
/// L = (σ(w·x + b) − t)², built from the learner's `Value` operations and
/// differentiated by the learner's `backward()`, beside central differences.
public struct WorkedExample {
    public var x = 1.5
    public var w = -0.8
    public var b = 0.4
    public var t = 1.0

    public init() {}

    /// The forward values, the gradients, the numeric check, and which
    /// unfinished exercises (if any) the numbers depend on.
    public func render(style: Style = .plain) -> String {
        let (text, stubs) = withStubsReached { table(style: style) }
        return stubs.isEmpty ? text : text + "\n\n" + unfinishedExercisesNote(stubs, program: "chain-rule", style: style)
    }

    /// L as a function of the inputs (x, w, b, t), built from `Value`s.
    func loss(_ inputs: [Value]) -> Value {
        let (x, w, b, t) = (inputs[0], inputs[1], inputs[2], inputs[3])
        let z = w * x + b
        let a = z.sigmoid()
        let error = a - t
        z.label = "z"
        a.label = "a"
        error.label = "e"
        return error.pow(2)
    }

    private func table(style: Style) -> String {
        let names = ["x", "w", "b", "t"]
        let point = [x, w, b, t]
        let inputs = zip(point, names).map { Value($0, label: $1) }
        let root = loss(inputs)
        root.label = "L"
        root.backward()
        var lines = [style.bold("L = (σ(w·x + b) − t)²") + " at x = \(formatNumber(x)), w = \(formatNumber(w)), "
            + "b = \(formatNumber(b)), t = \(formatNumber(t))", ""]
        lines.append("The graph, each node after the nodes it is computed from. data is the forward pass;")
        lines.append("grad is ∂L/∂node, filled in by backward():")
        var graph = Table(headers: ["node", "made by", "from", "data", "grad"],
                          alignments: [.left, .left, .left, .right, .right])
        let nodes = ValueGraphCheck.nodes(below: root)
        let nodeName = nodeNames(nodes)
        for node in nodes {
            graph.append([nodeName[ObjectIdentifier(node)]!, node.operation.isEmpty ? "input" : node.operation,
                          node.children.map { nodeName[ObjectIdentifier($0)]! }.joined(separator: ", "),
                          formatNumber(node.data), formatNumber(node.grad)])
        }
        lines.append(graph.render(style: style))
        lines.append("")
        lines.append("The check: ∂L/∂input from backward() against a central difference (h = \(GradientCheck.step)):")
        var check = Table(headers: ["input", "backward()", "central difference", "relative error", "verdict"],
                          alignments: [.left, .right, .right, .right, .left])
        for (index, input) in inputs.enumerated() {
            let numeric = GradientCheck.partialDerivative(of: { loss($0.map { Value($0) }).data }, at: point,
                                                          index: index)
            let error = GradientCheck.relativeError(input.grad, numeric)
            // One significant digit: the noise in the last digits differs between platforms' libm.
            check.append([names[index], formatNumber(input.grad), formatNumber(numeric), String(format: "%.0e", error),
                          error <= GradientCheck.tolerance ? style.green("agrees") : style.red("DISAGREES")])
        }
        lines.append(check.render(style: style))
        return lines.joined(separator: "\n")
    }

    /// A short name for every node: its label, or n1, n2, … for unnamed ones.
    private func nodeNames(_ nodes: [Value]) -> [ObjectIdentifier: String] {
        var names = [ObjectIdentifier: String]()
        var unnamed = 0
        for node in nodes {
            if node.label.isEmpty && node.operation.isEmpty {
                names[ObjectIdentifier(node)] = formatNumber(node.data)  // A constant, such as the −1 in a − t.
            } else if node.label.isEmpty {
                unnamed += 1
                names[ObjectIdentifier(node)] = "n\(unnamed)"
            } else {
                names[ObjectIdentifier(node)] = node.label
            }
        }
        return names
    }
}
