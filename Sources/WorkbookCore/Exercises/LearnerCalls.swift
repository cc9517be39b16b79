import Foundation

/// The two halves of a check: one runs learner code, the other judges what it returned.
///
/// A check is written once, as one function. Every place where it calls learner
/// code is wrapped in ``learnerCode(_:)``. Run as the *caller* (in the child
/// process that holds learner code), each wrapped call runs and its result is
/// recorded; run as the *judge* (in the process that decides the verdict), the
/// same function runs again from the same seed, and each wrapped call returns the
/// recorded result instead of running anything. So the judge computes the verdict
/// from the numbers learner code returned, and from nothing learner code printed,
/// wrote or did.
public final class LearnerCalls: @unchecked Sendable {
    /// The calls of the check running on this thread; none when a check runs learner
    /// code directly (the maintainers' tests, and `workbook sweep`).
    @TaskLocal public static var current: LearnerCalls?

    private enum Mode { case calling, judging }
    private let mode: Mode
    private let lock = NSLock()
    private var results: [String]
    private var position = 0
    private var faults = [String]()

    private init(mode: Mode, results: [String]) {
        self.mode = mode
        self.results = results
    }

    /// For the caller: records what learner code returns.
    public static func calling() -> LearnerCalls { LearnerCalls(mode: .calling, results: []) }

    /// For the judge: hands back `results`, in order, without running learner code.
    public static func judging(_ results: [String]) -> LearnerCalls { LearnerCalls(mode: .judging, results: results) }

    /// What learner code returned, one JSON text per wrapped call, in order.
    public var recorded: [String] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }

    /// Why the recorded results could not be judged (missing, unreadable or left
    /// over), or `nil` when each wrapped call got its own.
    public var fault: String? {
        lock.lock()
        defer { lock.unlock() }
        if faults.isEmpty && mode == .judging && position != results.count {
            return "the check process sent \(results.count) results and the check used \(position)"
        }
        return faults.first
    }

    func call<T: Recordable>(_ body: () -> T) -> T {
        switch mode {
        case .calling:
            let value = body()
            let text = (try? Self.encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
            lock.lock()
            results.append(text)
            lock.unlock()
            return value
        case .judging:
            lock.lock()
            defer { lock.unlock() }
            guard position < results.count else {
                faults.append("the check process sent \(results.count) results; the check needs more")
                return T.placeholder
            }
            let text = results[position]
            position += 1
            guard let value = try? Self.decoder.decode(T.self, from: Data(text.utf8)) else {
                faults.append("result \(position) of the check process is not a \(T.self)")
                return T.placeholder
            }
            return value
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                        nan: "nan")
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                        nan: "nan")
        return decoder
    }()
}

/// Runs `body`, which calls learner code, and returns its result: recorded when
/// the check runs as the caller, read back (and `body` not run) when it runs as the
/// judge, and simply computed when no ``LearnerCalls`` is current.
///
/// Everything a check needs from learner code must come out of such a call, as a
/// value; code outside them must not call learner code.
public func learnerCode<T: Recordable>(_ body: () -> T) -> T {
    guard let calls = LearnerCalls.current else { return body() }
    return calls.call(body)
}

/// A result of learner code that can cross from the caller to the judge.
public protocol Recordable: Codable {
    /// What the judge uses in place of a result that is missing or unreadable
    /// (the verdict is then thrown away).
    static var placeholder: Self { get }
}

extension Double: Recordable { public static var placeholder: Double { 0 } }
extension Int: Recordable { public static var placeholder: Int { 0 } }
extension Bool: Recordable { public static var placeholder: Bool { false } }
extension Array: Recordable where Element: Recordable { public static var placeholder: [Element] { [] } }
extension Matrix: Recordable { public static var placeholder: Matrix { Matrix(rows: 0, columns: 0) } }
extension Network: Recordable {
    public static var placeholder: Network {
        Network(W1: .placeholder, b1: Matrix(rows: 0, columns: 1), W2: .placeholder, b2: Matrix(rows: 0, columns: 1))
    }
}

/// Two results of one call, such as a matrix and the buffer it filled.
public struct Pair<First: Recordable, Second: Recordable>: Recordable {
    public var first: First
    public var second: Second

    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    public static var placeholder: Pair { Pair(.placeholder, .placeholder) }
}

extension ForwardPass: Recordable {
    public static var placeholder: ForwardPass { ForwardPass(z1: .placeholder, a1: .placeholder, z2: .placeholder, a2: .placeholder) }
}

extension Gradients: Recordable {
    public static var placeholder: Gradients {
        Gradients(dW1: .placeholder, dB1: .placeholder, dW2: .placeholder, dB2: .placeholder)
    }
}

extension Workspace: Recordable {
    public static var placeholder: Workspace { Workspace(network: .placeholder, batchSize: 0) }
}
