import Chapter5
import Foundation
import WorkbookCore

/// Exercise 5.1: each activation's values against its definition, and its slope
/// against central differences of that definition, at random points, far out in the
/// tails, and beyond |z| = 709, where exp overflows and a formula built from it naively
/// gives NaN. ReLU and leaky ReLU are sampled away from their kink, where a central
/// difference would average the two sides; at 0 itself any slope between the two
/// sides' is accepted.
public func checkActivations(value: @escaping (Activation, Double) -> Double,
                             derivative: @escaping (Activation, Double) -> Double,
                             using generator: inout SplitMix64) -> Verdict {
    var points = (0 ..< 24).map { _ in generator.uniform(-5, 5) }.filter { abs($0) > 1e-3 }
        + [-30, 30, -0.5, 0.5, -1000, -750, 750, 1000]
    points.sort()
    let row = { (values: [Double]) in Matrix(rows: 1, columns: values.count, elements: values) }
    let got = learnerCode { () -> [[Double]] in
        Activation.allCases.map { f in points.map { value(f, $0) } }
            + Activation.allCases.map { f in points.map { derivative(f, $0) } }
            + [Activation.kinked.map { derivative($0, 0) }]
    }
    guard got.count == 2 * Activation.allCases.count + 1 else { return .failed("the results did not come back") }
    let quantities = Environment(quantities: ["z": row(points)])
    let verdict = withDiagnosis { () -> Verdict in
        var verdicts = [Verdict]()
        for (index, f) in Activation.allCases.enumerated() {
            let expected = points.map { ReferenceDeepNetwork.value(f, $0) }
            verdicts.append(.from(GradientCheck.compareValues(
                name: "\(f.symbol)(z)", got: row(got[index]), expected: row(expected),
                computation: Computation(f.valueFormula(of: .quantity("z")), in: quantities))).judging("Activation.value(_:)"))
        }
        let h = GradientCheck.step
        for (index, f) in Activation.allCases.enumerated() {
            let numeric = points.map { z in
                (ReferenceDeepNetwork.value(f, z + h) - ReferenceDeepNetwork.value(f, z - h)) / (2 * h)
            }
            let report = GradientCheck.compareValues(
                name: "\(f.symbol)′(z)", got: row(got[Activation.allCases.count + index]), expected: row(numeric),
                computation: Computation(.elementwise(f.slope, .quantity("z")), in: quantities))
            verdicts.append(report.passed
                ? .passed("\(report) (against central differences, h = \(formatNumber(h)))")
                : Verdict.from(report).judging("Activation.derivative(_:)"))
        }
        return Verdict.all(verdicts)
    }
    let kinks = zip(Activation.kinked, got.last ?? []).map { f, atKink -> Verdict in
        let sides = f.kink!
        let between = "\(formatNumber(sides.lowerBound)) (the left side's slope) and \(formatNumber(sides.upperBound)) (the right side's)"
        return sides.contains(atKink)
            ? .passed("\(f.symbol)′(0) = \(formatNumber(atKink)), a slope between the two sides' (\(between))")
            : .failed("\(f.symbol)′(0) returned \(formatNumber(atKink))\n  likely cause: \(f.symbol) has no slope at 0; any "
                + "value from \(between) will do, and most libraries use the left side's", judged: "Activation.derivative(_:)")
    }
    let sampled = "at \(points.count) points from −1000 to 1000 (\(points.count - 4) of them from −30 to 30)"
    return Verdict.all([verdict] + kinks).mapPassed { "\(sampled):\n" + $0 }
}

extension Activation {
    /// How the chapter writes the function: σ, tanh, ReLU, identity.
    var symbol: String {
        switch self {
        case .sigmoid: "σ"
        case .tanh: "tanh"
        case .relu: "ReLU"
        case .softplus: "softplus"
        case .leakyReLU: "leaky ReLU"
        case .identity: "identity"
        }
    }

    /// The function as the catalogue of mistakes knows it.
    var function: Elementwise {
        switch self {
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        case .relu: .relu
        case .softplus: .softplus
        case .leakyReLU: .leakyReLU
        case .identity: Activation.identityFunction
        }
    }

    /// f(u), in the chapter's symbols (the identity's is u itself).
    func valueFormula(of u: Formula) -> Formula { self == .identity ? u : .elementwise(function, u) }

    /// f′, as the catalogue of mistakes knows it.
    var slope: Elementwise {
        switch self {
        case .sigmoid: .sigmoidPrime
        case .tanh: .tanhPrime
        case .relu: .reluPrime
        case .softplus: .softplusPrime
        case .leakyReLU: .leakyReLUPrime
        case .identity: Activation.identitySlope
        }
    }

    /// The slopes on the two sides of the kink at 0, for a function that has one.
    package var kink: ClosedRange<Double>? {
        switch self {
        case .relu: 0 ... 1
        case .leakyReLU: Activation.leak ... 1
        case .sigmoid, .tanh, .softplus, .identity: nil
        }
    }

    /// The activations with a kink at 0.
    static let kinked = allCases.filter { $0.kink != nil }

    /// The identity, f(u) = u.
    static let identityFunction = Elementwise(name: "identity") { $0 }
    /// The identity's slope, 1 everywhere.
    static let identitySlope = Elementwise(name: "identity′", derivativeOf: "identity") { _ in 1 }
}

extension Verdict {
    /// The same verdict, with `transform` applied to a pass's text.
    func mapPassed(_ transform: (String) -> String) -> Verdict {
        if case .passed(let text) = self { return .passed(transform(text)) }
        return self
    }
}
