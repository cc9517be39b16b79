import Chapter5
import Foundation
import WorkbookCore

/// Exercise 5.1: each activation's values against its definition, and its slope
/// against central differences of that definition, at random points and far out in
/// the tails. ReLU is sampled away from its kink, where a central difference would
/// average the two sides; at 0 itself any slope from 0 to 1 is accepted.
public func checkActivations(value: @escaping (Activation, Double) -> Double,
                             derivative: @escaping (Activation, Double) -> Double,
                             using generator: inout SplitMix64) -> Verdict {
    var points = (0 ..< 24).map { _ in generator.uniform(-5, 5) }.filter { abs($0) > 1e-3 } + [-30, 30, -0.5, 0.5]
    points.sort()
    let row = { (values: [Double]) in Matrix(rows: 1, columns: values.count, elements: values) }
    let got = learnerCode { () -> [[Double]] in
        Activation.allCases.map { f in points.map { value(f, $0) } }
            + Activation.allCases.map { f in points.map { derivative(f, $0) } }
            + [[derivative(.relu, 0)]]
    }
    guard got.count == 2 * Activation.allCases.count + 1 else { return .failed("the results did not come back") }
    var verdicts = [Verdict]()
    for (index, f) in Activation.allCases.enumerated() {
        let expected = points.map { ReferenceDeepNetwork.value(f, $0) }
        verdicts.append(.from(GradientCheck.compareValues(name: "\(f.rawValue)(z)", got: row(got[index]),
                                                          expected: row(expected), mistakes: valueMistakes(f, points).map {
            .values(row($0.values), $0.explanation)
        })))
    }
    let h = GradientCheck.step
    for (index, f) in Activation.allCases.enumerated() {
        let numeric = points.map { z in
            (ReferenceDeepNetwork.value(f, z + h) - ReferenceDeepNetwork.value(f, z - h)) / (2 * h)
        }
        let report = GradientCheck.compareValues(name: "\(f.rawValue)′(z)", got: row(got[Activation.allCases.count + index]),
                                                 expected: row(numeric), mistakes: slopeMistakes(f, points).map {
            .values(row($0.values), $0.explanation)
        })
        verdicts.append(report.passed
            ? .passed("\(report) (against central differences, h = \(formatNumber(h)))") : .from(report))
    }
    let atKink = got.last?.first ?? .nan
    verdicts.append((0 ... 1).contains(atKink)
        ? .passed("relu′(0) = \(formatNumber(atKink)), a slope between the two sides' (0 and 1)")
        : .failed("relu′(0) returned \(formatNumber(atKink))\n  likely cause: ReLU has no slope at 0; any value "
            + "from 0 (the left side's slope) to 1 (the right side's) will do, and most libraries use 0"))
    let sampled = "at \(points.count) points from −30 to 30"
    return Verdict.all(verdicts).mapPassed { "\(sampled):\n" + $0 }
}

private typealias Mistake = (values: [Double], explanation: String)

/// Wrong values of f that learners write.
private func valueMistakes(_ f: Activation, _ points: [Double]) -> [Mistake] {
    switch f {
    case .sigmoid: [(points.map { 1 / (1 + exp($0)) }, "this is 1/(1 + eᶻ) = σ(−z): the exponent's sign is flipped")]
    case .relu: [(points.map { max(0, -$0) }, "this is max(0, −z): ReLU keeps the positive z")]
    default: []
    }
}

/// Wrong slopes that learners write, most of them a rule for f′ in terms of a = f(z) applied to z.
private func slopeMistakes(_ f: Activation, _ points: [Double]) -> [Mistake] {
    let atA = "f′ was computed from a = f(z) instead of from z"
    switch f {
    case .sigmoid:
        return [(points.map { $0 * (1 - $0) }, "this is z(1 − z): the rule σ′ = a(1 − a) needs a = σ(z), not z"),
                (points.map { sigmoid(sigmoid($0)) * (1 - sigmoid(sigmoid($0))) }, atA + " (σ′(σ(z)))"),
                (points.map(sigmoid), "this is σ(z) itself, not its slope")]
    case .tanh:
        return [(points.map { 1 - $0 * $0 }, "this is 1 − z²: the rule tanh′ = 1 − a² needs a = tanh(z), not z"),
                (points.map { 1 - tanh($0) }, "1 − tanh(z) is not tanh′(z): the tanh is squared"),
                (points.map { 1 - tanh(tanh($0)) * tanh(tanh($0)) }, atA + " (tanh′(tanh(z)))")]
    case .relu:
        return [(points.map { max(0, $0) }, "this is ReLU(z) itself, not its slope (which is 0 or 1)"),
                (points.map { $0 > 0 ? 0 : 1 }, "the two sides are swapped: the slope is 1 where z > 0")]
    case .identity:
        return [(points.map { _ in 0 }, "the identity's slope is 1 everywhere, not 0"),
                (points, "this is z itself, not the identity's slope")]
    }
}

extension Verdict {
    /// The same verdict, with `transform` applied to a pass's text.
    func mapPassed(_ transform: (String) -> String) -> Verdict {
        if case .passed(let text) = self { return .passed(transform(text)) }
        return self
    }
}
