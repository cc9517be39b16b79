// Exercise 1.3: the backward rules of + and *.

import WorkbookCore

// listing: value-arithmetic
extension Value {
    /// The sum lhs + rhs.
    public static func + (lhs: Value, rhs: Value) -> Value {
        Value(lhs.data + rhs.data, children: [lhs, rhs], operation: "+") { out in
            lhs.grad += out.grad
            rhs.grad += out.grad
        }
    }

    /// The product lhs · rhs.
    public static func * (lhs: Value, rhs: Value) -> Value {
        Value(lhs.data * rhs.data, children: [lhs, rhs], operation: "*") { out in
            lhs.grad += rhs.data * out.grad
            rhs.grad += lhs.data * out.grad
        }
    }
}
// end listing
