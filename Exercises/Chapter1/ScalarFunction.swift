import Foundation

/// A function of one real variable together with its derivative.
public struct ScalarFunction: Sendable {
    /// A name for printing, such as "sin".
    public let name: String
    /// The function f.
    public let value: @Sendable (Double) -> Double
    /// Its derivative f′.
    public let derivative: @Sendable (Double) -> Double

    public init(name: String, value: @escaping @Sendable (Double) -> Double,
                derivative: @escaping @Sendable (Double) -> Double) {
        self.name = name
        self.value = value
        self.derivative = derivative
    }
}

extension ScalarFunction {
    public static let sin = ScalarFunction(name: "sin", value: { Foundation.sin($0) }, derivative: { Foundation.cos($0) })
    public static let exp = ScalarFunction(name: "exp", value: { Foundation.exp($0) }, derivative: { Foundation.exp($0) })
    public static let square = ScalarFunction(name: "square", value: { $0 * $0 }, derivative: { 2 * $0 })
    public static let tanh = ScalarFunction(
        name: "tanh", value: { Foundation.tanh($0) },
        derivative: { 1 - Foundation.tanh($0) * Foundation.tanh($0) })
    public static let sigmoid = ScalarFunction(
        name: "σ", value: { 1 / (1 + Foundation.exp(-$0)) },
        derivative: { let s = 1 / (1 + Foundation.exp(-$0)); return s * (1 - s) })

    /// The affine function x ↦ slope · x + intercept.
    public static func affine(slope: Double, intercept: Double) -> ScalarFunction {
        ScalarFunction(name: "\(slope)·x + \(intercept)", value: { slope * $0 + intercept }, derivative: { _ in slope })
    }
}

/// The composition of `functions`, applied first to last: [f, g, h] gives h(g(f(x))).
public func compose(_ functions: [ScalarFunction]) -> @Sendable (Double) -> Double {
    { x in functions.reduce(x) { input, function in function.value(input) } }
}
