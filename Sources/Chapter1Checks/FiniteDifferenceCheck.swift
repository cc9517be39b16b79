import Foundation
import WorkbookCore

/// A finite-difference formula: a function, a point and a step in, a slope out.
public typealias DifferenceFormula = ((Double) -> Double, Double, Double) -> Double

/// Exercise 1.1: `forwardDifference` and `centralDifference` on random cubics.
///
/// For a cubic p the Taylor series ends, so each formula has an exact value:
/// forward = p′ + h p″/2 + h² p‴/6 and central = p′ + h² p‴/6. Comparing with
/// those (rather than with p′) checks the formula itself, and the other
/// formula's value recognises a mix-up.
public func checkFiniteDifferences(forward: DifferenceFormula, central: DifferenceFormula,
                                   using generator: inout SplitMix64) -> Verdict {
    var parts = [Verdict]()
    for _ in 0 ..< 4 {
        let c = (0 ..< 4).map { _ in generator.uniform(0.5, 2) * (generator.uniform(0, 1) < 0.5 ? -1 : 1) }
        let x = generator.uniform(-1.5, 1.5)
        let h = [0.1, 0.05, 0.01][generator.integer(in: 0 ... 2)]
        let cubic: (Double) -> Double = { x in c[0] + c[1] * x + c[2] * x * x + c[3] * x * x * x }
        let slope = c[1] + 2 * c[2] * x + 3 * c[3] * x * x
        let curvature = 2 * c[2] + 6 * c[3] * x
        let third = 6 * c[3]
        let exactForward = slope + h * curvature / 2 + h * h * third / 6
        let exactCentral = slope + h * h * third / 6
        let exactBackward = slope - h * curvature / 2 + h * h * third / 6
        let name = "p(x) = \(formatNumber(c[0])) + \(formatNumber(c[1]))x + \(formatNumber(c[2]))x² + \(formatNumber(c[3]))x³"
        parts.append(ScalarComparison(
            subject: "forwardDifference(\(name), at: \(formatNumber(x)), step: \(h))",
            got: learnerCode { forward(cubic, x, h) }, expected: exactForward,
            mistakes: [
                .init(exactCentral, "this is the central difference; the forward one uses f(x + h) and f(x)"),
                .init(exactBackward, "this is the backward difference (f(x) − f(x − h)) / h"),
                .init(slope, "this is the exact derivative p′(x), not a finite difference of f"),
                .init(exactForward * h, "the difference f(x + h) − f(x) is not divided by h"),
            ]).verdict)
        parts.append(ScalarComparison(
            subject: "centralDifference(\(name), at: \(formatNumber(x)), step: \(h))",
            got: learnerCode { central(cubic, x, h) }, expected: exactCentral,
            mistakes: [
                .init(exactForward, "this is the forward difference; the central one uses f(x + h) and f(x − h)"),
                .init(2 * exactCentral, "divided by h instead of 2h: the two points are 2h apart"),
                .init(exactCentral / 2, "divided by 4h, or h twice: the two points are 2h apart"),
                .init(slope, "this is the exact derivative p′(x), not a finite difference of f"),
            ]).verdict)
    }
    let orders = errorOrders(forward: forward, central: central)
    return Verdict.all(parts + [.passed(orders)])
}

/// How the error of each formula shrinks when h is halved, measured on sin at 0.7:
/// a factor near 2 means error ∝ h, near 4 means error ∝ h².
private func errorOrders(forward: DifferenceFormula, central: DifferenceFormula) -> String {
    let x = 0.7
    func ratio(_ formula: DifferenceFormula) -> Double {
        let coarse = abs(learnerCode { formula(sin, x, 0.02) } - cos(x))
        let fine = abs(learnerCode { formula(sin, x, 0.01) } - cos(x))
        return coarse / fine
    }
    return "halving h divides the forward error by \(formatNumber(ratio(forward))) (error ∝ h) "
        + "and the central error by \(formatNumber(ratio(central))) (error ∝ h²)"
}
