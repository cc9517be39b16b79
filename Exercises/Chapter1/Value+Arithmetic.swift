// Exercise 1.3: the backward rules of + and *.

import WorkbookCore

// listing: value-arithmetic-stub
extension Value {
    /// The sum lhs + rhs.
    public static func + (lhs: Value, rhs: Value) -> Value {
        Value(lhs.data + rhs.data, children: [lhs, rhs], operation: "+") { out in
            // TODO(1.3): Pass out.grad back to lhs and rhs, each by its share.
            notStarted("1.3")
        }
    }

    /// The product lhs · rhs.
    public static func * (lhs: Value, rhs: Value) -> Value {
        Value(lhs.data * rhs.data, children: [lhs, rhs], operation: "*") { out in
            // TODO(1.3): Pass out.grad back to lhs and rhs, each by its share.
            notStarted("1.3")
        }
    }
}
// end listing
