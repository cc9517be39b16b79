import Foundation
import WorkbookCore

/// A finite-difference formula: a function, a point and a step in, a slope out.
public typealias DifferenceFormula = ((Double) -> Double, Double, Double) -> Double

/// Exercise 1.1: `forwardDifference` and `centralDifference` on random cubics.
///
/// For a cubic p the Taylor series ends, so each formula has an exact value:
/// forward = p′ + h p″/2 + h² p‴/6 and central = p′ + h² p‴/6. Comparing with
/// those (rather than with p′) checks the formula itself; ``Diagnosis`` works out what
/// was computed instead from the values of p at x − h, x and x + h, the step h, and
/// the other formula's value.
public func checkFiniteDifferences(forward: DifferenceFormula, central: DifferenceFormula,
                                   using generator: inout SplitMix64) -> Verdict {
    withDiagnosis {
        var parts = [Verdict]()
        // Steps that differ from problem to problem, so that a step written into the code fails somewhere.
        let steps = [0.1, 0.05, 0.01]
        let firstStep = generator.integer(in: 0 ... 2)
        for index in 0 ..< 4 {
            let c = (0 ..< 4).map { _ in generator.uniform(0.5, 2) * (generator.uniform(0, 1) < 0.5 ? -1 : 1) }
            let x = generator.uniform(-1.5, 1.5)
            let h = steps[(firstStep + index) % steps.count]
            let cubic: (Double) -> Double = { x in c[0] + c[1] * x + c[2] * x * x + c[3] * x * x * x }
            let slope = c[1] + 2 * c[2] * x + 3 * c[3] * x * x
            let curvature = 2 * c[2] + 6 * c[3] * x
            let third = 6 * c[3]
            let exactForward = slope + h * curvature / 2 + h * h * third / 6
            let exactCentral = slope + h * h * third / 6
            let name = "p(x) = " + polynomialText(c)
            let quantities = DifferenceFormulas.quantities(cubic, x: x, h: h)
            parts.append(ScalarComparison(
                subject: "forwardDifference(\(name), at: \(formatNumber(x)), step: \(h))",
                got: learnerCode { forward(cubic, x, h) }, expected: exactForward,
                computation: Computation(DifferenceFormulas.forward, in: quantities), name: "the forward difference").verdict
                .judging("forwardDifference(_:at:step:)"))
            parts.append(ScalarComparison(
                subject: "centralDifference(\(name), at: \(formatNumber(x)), step: \(h))",
                got: learnerCode { central(cubic, x, h) }, expected: exactCentral,
                computation: Computation(DifferenceFormulas.central, in: quantities), name: "the central difference").verdict
                .judging("centralDifference(_:at:step:)"))
        }
        let orders = errorOrders(forward: forward, central: central)
        return Verdict.all(parts + [.passed(orders)])
    }
}

/// The computations of Exercise 1.1, in the chapter's symbols.
enum DifferenceFormulas {
    static let forward = Formula.quotient(.difference(.quantity("f(x + h)"), .quantity("f(x)")), .size("h"))
    static let central = Formula.quotient(.difference(.quantity("f(x + h)"), .quantity("f(x − h)")),
                                          .scaled(.constant(2, "2"), .size("h")))

    /// The values each formula is made of, and each formula's own value (one may be
    /// returned for the other), for `f` at `x` with step `h`.
    static func quantities(_ f: (Double) -> Double, x: Double, h: Double) -> Environment {
        let scalar = { (value: Double) in Matrix(rows: 1, columns: 1, repeating: value) }
        var environment = Environment(quantities: ["f(x + h)": scalar(f(x + h)), "f(x)": scalar(f(x)),
                                                   "f(x − h)": scalar(f(x - h))],
                                      sizes: ["h": (h, "the step")])
        for formula in [forward, central] {
            environment.quantities[formula.text] = formula.evaluate(in: environment)
        }
        return environment
    }
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
