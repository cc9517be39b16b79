import Foundation
import WorkbookCore

/// Counts how often a check's functions are called, so a check can say
/// "trainingStep called backprop twice".
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = [String: Int]()

    func count(_ name: String) {
        lock.lock()
        counts[name, default: 0] += 1
        lock.unlock()
    }

    subscript(name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return counts[name] ?? 0
    }

    /// `functions` with every call counted here.
    func wrapping(_ functions: NetworkFunctions) -> NetworkFunctions {
        NetworkFunctions(
            predict: { self.count("predict"); return functions.predict($0, $1) },
            loss: { self.count("loss"); return functions.loss($0, $1, $2) },
            backprop: { self.count("backprop"); return functions.backprop($0, $1, $2) },
            step: { self.count("step"); functions.step(&$0, $1, $2) })
    }
}
