// Exercise 1.6: two operations whose backward rules the chapter does not derive.

import Foundation
import WorkbookCore

// listing: new-operations
extension Value {
    /// The natural logarithm of this value, for a value above 0.
    public func log() -> Value {
        Value(Foundation.log(data), children: [self], operation: "log") { out in
            self.grad += out.grad / self.data  // d(log x)/dx = 1/x, at the input.
        }
    }

    /// The rectified linear unit: this value where it is above 0, else 0.
    public func relu() -> Value {
        Value(max(data, 0), children: [self], operation: "relu") { out in
            // The slope is 1 above 0 and 0 below; at the kink, 0 is the usual choice.
            self.grad += (self.data > 0 ? 1 : 0) * out.grad
        }
    }
}
// end listing
