/// A scalar in a computational graph: its value, its gradient, and the rule
/// that passes a gradient back to the values it was computed from.
///
/// Every operation on `Value`s (Exercises 1.3 and 1.4) builds a new node whose
/// `children` are its operands and whose `backwardRule` applies one step of the
/// chain rule. `backward()` (Exercise 1.5) runs those rules in the right order.
// listing: value-class
public final class Value {
    /// The number this node holds, computed on the forward pass.
    public var data: Double
    /// ∂L/∂(this node) once `backward()` has run on the root L. Starts at 0;
    /// backward rules add to it, because a node used twice gets two contributions.
    public var grad = 0.0
    /// The nodes this one was computed from.
    public let children: [Value]
    /// The operation that made this node, such as "*", for printing graphs.
    public let operation: String
    /// A name for printing, such as "x".
    public var label: String
    /// One step of the chain rule: given this node as `out`, add
    /// (∂out/∂child) · out.grad to each child's `grad`.
    public let backwardRule: (_ out: Value) -> Void

    public init(_ data: Double, children: [Value] = [], operation: String = "", label: String = "",
                backwardRule: @escaping (_ out: Value) -> Void = { _ in }) {
        self.data = data
        self.children = children
        self.operation = operation
        self.label = label
        self.backwardRule = backwardRule
    }
}
// end listing

// Operations built from the ones you write in Exercises 1.3 and 1.4, so they
// need no backward rules of their own.
extension Value {
    public static func - (lhs: Value, rhs: Value) -> Value { lhs + rhs * Value(-1) }
    public static func / (lhs: Value, rhs: Value) -> Value { lhs * rhs.pow(-1) }
    public static prefix func - (value: Value) -> Value { value * Value(-1) }
    public static func + (lhs: Value, rhs: Double) -> Value { lhs + Value(rhs) }
    public static func + (lhs: Double, rhs: Value) -> Value { Value(lhs) + rhs }
    public static func * (lhs: Value, rhs: Double) -> Value { lhs * Value(rhs) }
    public static func * (lhs: Double, rhs: Value) -> Value { Value(lhs) * rhs }
}

extension Value: CustomStringConvertible {
    public var description: String {
        let name = label.isEmpty ? operation : label
        return "Value(\(name.isEmpty ? "" : name + ": ")data: \(data), grad: \(grad))"
    }
}
