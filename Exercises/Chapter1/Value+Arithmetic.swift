// Exercise 1.3: the backward rules of + and *.

import WorkbookCore

// listing: value-arithmetic-stub
extension Value {
    /// The sum lhs + rhs.
    public static func + (lhs: Value, rhs: Value) -> Value {
        Value(lhs.data + rhs.data, children: [lhs, rhs], operation: "+") { out in
            // TODO(1.3): Add ∂out/∂lhs · out.grad to lhs.grad, and the same for rhs.
            notStarted("1.3")
        }
    }

    /// The product lhs · rhs.
    public static func * (lhs: Value, rhs: Value) -> Value {
        Value(lhs.data * rhs.data, children: [lhs, rhs], operation: "*") { out in
            // TODO(1.3): Add ∂out/∂lhs · out.grad to lhs.grad, and the same for rhs.
            notStarted("1.3")
        }
    }
}
// end listing
