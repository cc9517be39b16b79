import Chapter5
import Foundation
import WorkbookCore

/// Exercise 5.1: each activation's values against its definition, and its slope
/// against central differences of that definition, at random points, far out in the
/// tails, and beyond |z| = 709, where exp overflows and a formula built from it naively
/// gives NaN. ReLU is sampled away from its kink, where a central difference would
/// average the two sides; at 0 itself any slope from 0 to 1 is accepted.
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
            + [[derivative(.relu, 0)]]
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
    let atKink = got.last?.first ?? .nan
    let kink: Verdict = (0 ... 1).contains(atKink)
        ? .passed("relu′(0) = \(formatNumber(atKink)), a slope between the two sides' (0 and 1)")
        : .failed("relu′(0) returned \(formatNumber(atKink))\n  likely cause: ReLU has no slope at 0; any value "
            + "from 0 (the left side's slope) to 1 (the right side's) will do, and most libraries use 0",
                  judged: "Activation.derivative(_:)")
    let sampled = "at \(points.count) points from −1000 to 1000 (\(points.count - 4) of them from −30 to 30)"
    return Verdict.all([verdict, kink]).mapPassed { "\(sampled):\n" + $0 }
}

extension Activation {
    /// How the chapter writes the function: σ, tanh, ReLU, identity.
    var symbol: String {
        switch self {
        case .sigmoid: "σ"
        case .tanh: "tanh"
        case .relu: "ReLU"
        case .identity: "identity"
        }
    }

    /// The function as the catalogue of mistakes knows it.
    var function: Elementwise {
        switch self {
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        case .relu: .relu
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
        case .identity: Activation.identitySlope
        }
    }

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
