import Chapter5
import Chapter5Checks
import Foundation
import WorkbookCore

/// Times the matrix products of one training step of a network, each with the
/// naive product (`*`), the fast kernel on one thread and on every core, so that
/// `deep-mnist bench` shows where an epoch's time goes.
public enum KernelBenchmark {
    public struct Row: Sendable {
        public let name: String
        /// Multiply-adds per call.
        public let work: Int
        /// Seconds per call.
        public let naive: Double?
        public let oneThread: Double
        public let allThreads: Double
    }

    /// The eight products of a step of `sizes` (e.g. 784-256-128-10) with a batch of `m`,
    /// each run until about 0.2 s have passed; the naive product for the smaller ones only.
    public static func measure(sizes: [Int], batch m: Int) -> [Row] {
        var generator = SplitMix64(seed: 7)
        func random(_ rows: Int, _ columns: Int) -> Matrix {
            Matrix(rows: rows, columns: columns, uniformIn: -1, 1, using: &generator)
        }
        var rows = [Row]()
        for l in 0 ..< sizes.count - 1 {
            let inputs = sizes[l], outputs = sizes[l + 1]
            let input = random(m, inputs), weights = random(outputs, inputs), delta = random(m, outputs)
            var z = Matrix(rows: m, columns: outputs), dW = Matrix(rows: outputs, columns: inputs)
            var below = Matrix(rows: m, columns: inputs)
            let work = m * inputs * outputs
            rows.append(row("z\(superscript(l + 1)) = a·Wᵀ (\(m)×\(inputs) · \(inputs)×\(outputs))", work: work,
                            naive: { _ = input * weights.transposed }) { Matrix.multiply(input, transposing: weights, into: &z) })
            rows.append(row("dW\(superscript(l + 1)) = δᵀ·a (\(outputs)×\(m) · \(m)×\(inputs))", work: work,
                            naive: { _ = delta.transposed * input }) { Matrix.multiply(transposing: delta, input, into: &dW) })
            if l > 0 {
                rows.append(row("δ\(superscript(l)) ← δ·W (\(m)×\(outputs) · \(outputs)×\(inputs))", work: work,
                                naive: { _ = delta * weights }) { Matrix.multiply(delta, weights, into: &below) })
            }
        }
        return rows
    }

    private static func row(_ name: String, work: Int, naive: () -> Void, _ fast: () -> Void) -> Row {
        let saved = KernelThreads.limit
        defer { KernelThreads.limit = saved }
        KernelThreads.limit = 1
        let one = secondsPerCall(fast)
        KernelThreads.limit = ProcessInfo.processInfo.activeProcessorCount
        let all = secondsPerCall(fast)
        return Row(name: name, work: work, naive: work <= 4_000_000 ? secondsPerCall(naive, budget: 0.05) : nil,
                   oneThread: one, allThreads: all)
    }

    /// The best time of a call, over calls for about `budget` seconds.
    private static func secondsPerCall(_ body: () -> Void, budget: Double = 0.2) -> Double {
        body()
        var best = Double.infinity, spent = 0.0
        while spent < budget {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, seconds)
            spent += seconds
        }
        return best
    }

    /// The rows as a table: milliseconds per call and billions of multiply-adds per second.
    public static func table(_ rows: [Row]) -> Table {
        var table = Table(headers: ["product", "naive", "1 thread", "all threads", "GFMA/s (1, all)"],
                          alignments: [.left, .right, .right, .right, .right])
        func ms(_ seconds: Double) -> String { String(format: "%.3f ms", 1000 * seconds) }
        for row in rows {
            let rate = { (seconds: Double) in String(format: "%.1f", Double(row.work) / seconds / 1e9) }
            table.append([row.name, row.naive.map(ms) ?? "—", ms(row.oneThread), ms(row.allThreads),
                          "\(rate(row.oneThread)), \(rate(row.allThreads))"])
        }
        return table
    }
}
