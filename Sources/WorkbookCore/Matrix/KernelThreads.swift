// When a product is large enough to share between the cores, and how it is shared.

import Dispatch
import Foundation

/// How many threads a large product may use; 1 runs every product on the calling thread.
/// Set it before any product runs (a benchmark compares 1 with all).
public enum KernelThreads {
    nonisolated(unsafe) public static var limit = ProcessInfo.processInfo.activeProcessorCount
    /// The fewest multiply-adds a product must have before it is split: below it, waking
    /// and joining a second thread costs more than the half it saves (`deep-mnist bench
    /// --kernels` measures each product of a training step both ways).
    public static let minimumWork = 1 << 20
    /// The fewest entries an entry-by-entry pass must have before it is split: such a pass
    /// is bound by memory, and from about 1 MiB per matrix a second core's share of the
    /// caches and memory bandwidth pays (measured on Chapter 5's update of W¹: 0.16 ms for
    /// the update of a step on one core, 0.12–0.15 ms on two).
    public static let minimumEntries = 1 << 17
}

/// The work ``inParallel(rows:tile:work:)`` is told of for an entry-by-entry pass over `count` entries.
func entrywiseWork(_ count: Int) -> Int { count >= KernelThreads.minimumEntries ? KernelThreads.minimumWork : 0 }

/// Calls `body` on consecutive ranges of `0 ..< rows` that together cover it: one
/// range on this thread for a small product, or one per thread (each a multiple of
/// `tile` rows) when `work`, the product's multiply-adds, is at least
/// ``KernelThreads/minimumWork``. Every entry of the result is computed by the same
/// code either way, so the result does not change.
@inline(__always)
func inParallel(rows: Int, tile: Int, work: Int, _ body: (Range<Int>) -> Void) {
    let threads = min(KernelThreads.limit, (rows + tile - 1) / tile)
    guard threads > 1 && work >= KernelThreads.minimumWork else { return body(0 ..< rows) }
    let tilesPerThread = ((rows + tile - 1) / tile + threads - 1) / threads
    withoutActuallyEscaping(body) { body in
        let shared = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: threads) { index in
            let start = min(rows, index * tilesPerThread * tile), end = min(rows, start + tilesPerThread * tile)
            if start < end { shared.value(start ..< end) }
        }
    }
}

/// A closure handed to the threads of one product, which only read shared inputs and
/// write disjoint parts of the result.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
