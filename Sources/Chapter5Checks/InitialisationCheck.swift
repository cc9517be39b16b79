import Chapter5
import Foundation
import WorkbookCore

/// What the check keeps of one layer's drawn weights: their shape, moments, and
/// how they depend on the generator.
struct WeightSample: Recordable {
    var rows: Int
    var columns: Int
    var mean: Double
    var variance: Double
    /// Whether a second generator with the same seed gives the same weights.
    var repeatable: Bool
    /// Whether another seed gives other weights.
    var dependsOnSeed: Bool
    /// Whether the next layer drawn from the same generator gets other weights.
    var advancesGenerator: Bool

    static var placeholder: WeightSample {
        WeightSample(rows: 0, columns: 0, mean: 0, variance: 0, repeatable: false, dependsOnSeed: false,
                     advancesGenerator: false)
    }

    /// The sample of `draw(outputs, inputs, generator)`, drawn from the given seed; how the
    /// weights depend on the generator is seen on small layers of the same scheme (3×4).
    init(outputs: Int, inputs: Int, seed: UInt64, _ draw: (Int, Int, inout SplitMix64) -> Matrix) {
        var generator = SplitMix64(seed: seed)
        let weights = draw(outputs, inputs, &generator)
        let count = Double(max(weights.elements.count, 1))
        let mean = weights.elements.reduce(0, +) / count
        var small = SplitMix64(seed: seed), again = SplitMix64(seed: seed), other = SplitMix64(seed: seed &+ 1)
        let first = draw(3, 4, &small), next = draw(3, 4, &small)
        self.init(rows: weights.rows, columns: weights.columns, mean: mean,
                  variance: weights.elements.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count,
                  repeatable: draw(3, 4, &again) == first, dependsOnSeed: draw(3, 4, &other) != first,
                  advancesGenerator: next != first)
    }

    init(rows: Int, columns: Int, mean: Double, variance: Double, repeatable: Bool, dependsOnSeed: Bool,
         advancesGenerator: Bool) {
        (self.rows, self.columns, self.mean, self.variance) = (rows, columns, mean, variance)
        (self.repeatable, self.dependsOnSeed, self.advancesGenerator) = (repeatable, dependsOnSeed, advancesGenerator)
    }
}

/// Exercise 5.4: for each scheme, on two layers with more inputs than outputs and
/// the other way round (18,000 weights each), the shape, a mean within 6 standard
/// errors of 0, a variance within 6% of the scheme's (5.7 standard errors for normal
/// draws; any distribution with that variance passes), and weights that come from
/// the generator passed in.
public func checkInitialisation(_ draw: @escaping (Int, Int, Initialisation, inout SplitMix64) -> Matrix,
                                using generator: inout SplitMix64) -> Verdict {
    let shapes = [(outputs: 60, inputs: 300), (outputs: 200, inputs: 90)]
    let seed = generator.next()
    let samples = learnerCode { () -> [WeightSample] in
        Initialisation.allCases.flatMap { scheme in
            shapes.map { shape in WeightSample(outputs: shape.outputs, inputs: shape.inputs, seed: seed) { draw($0, $1, scheme, &$2) } }
        }
    }
    guard samples.count == Initialisation.allCases.count * shapes.count else { return .failed("the results did not come back") }
    var verdicts = [Verdict]()
    for (index, sample) in samples.enumerated() {
        let scheme = Initialisation.allCases[index / shapes.count], shape = shapes[index % shapes.count]
        verdicts.append(judge(sample, scheme: scheme, outputs: shape.outputs, inputs: shape.inputs))
    }
    return Verdict.all(verdicts)
}

private func judge(_ sample: WeightSample, scheme: Initialisation, outputs: Int, inputs: Int) -> Verdict {
    let what = "initialWeights(outputs: \(outputs), inputs: \(inputs), .\(scheme.rawValue))"
    guard sample.rows == outputs && sample.columns == inputs else {
        let transposed = sample.rows == inputs && sample.columns == outputs
        return .failed("\(what) has shape \(sample.rows)×\(sample.columns), not \(outputs)×\(inputs)"
            + (transposed ? "\n  likely cause: it is transposed: weights are outputs×inputs" : ""))
    }
    guard sample.repeatable && sample.dependsOnSeed else {
        return .failed("\(what): " + (sample.repeatable ? "another seed gave the same weights" : "two generators with the same seed gave different weights")
            + "\n  likely cause: every weight must be drawn from the generator passed in (generator.normal()), "
            + "not from another source of randomness or a fixed pattern")
    }
    guard sample.advancesGenerator else {
        return .failed("\(what): the next layer drawn from the same generator got the same weights\n  likely cause: "
            + "the draws were made from a copy of the generator; draw from the one passed in (it is inout)")
    }
    let n = Double(inputs), out = Double(outputs), count = Double(outputs * inputs)
    // `.xavier`: LeCun's 1/n (the reference's, and Nielsen's), or Glorot and Bengio's own 2/(n_in + n_out).
    let accepted: [(Double, String)] = switch scheme {
    case .normal: [(1, "the scheme's variance")]
    case .xavier: [(1 / n, "LeCun's 1/n"), (2 / (n + out), "Glorot and Bengio's 2/(n_in + n_out)")]
    case .he: [(2 / n, "the scheme's variance")]
    }
    let expected = accepted[0].0
    let spread = "mean \(formatNumber(sample.mean)), variance \(formatNumber(sample.variance))"
    guard abs(sample.mean) <= 6 * (sample.variance / count).squareRoot() else {
        return .failed("\(what): \(spread), but the weights must have mean 0\n  likely cause: draw them centred on 0 "
            + "(a uniform draw from 0 to s, say, is all positive)")
    }
    if let (variance, name) = accepted.first(where: { abs(sample.variance / $0.0 - 1) <= 0.06 }) {
        return .passed("\(what): \(spread); \(name) is \(formatNumber(variance))")
    }
    let known: [(Double, String)] = [
        (1, "this is N(0, 1), the seed material's choice: the variance must shrink as the layer gets more inputs"),
        (1 / n, "this is LeCun's variance (1/n), .xavier's, for tanh and sigmoid layers"),
        (2 / n, "this is He's variance (2/n), for ReLU layers"),
        (1 / out, "the variance was set by the number of outputs; z sums over the inputs, so n is the fan-in "
            + "(W's columns)"),
        (2 / out, "the variance was set by the number of outputs; z sums over the inputs, so n is the fan-in "
            + "(W's columns)"),
        (2 / (n + out), "this is Glorot and Bengio's 2/(n_in + n_out), which .xavier may use, not this scheme"),
        (expected * expected, "the variance was used as the standard deviation: scale N(0, 1) by its square root"),
        (expected / 3, "a uniform draw on ±s has variance s²/3, not s²"),
    ]
    let cause = known.first { abs(sample.variance / $0.0 - 1) <= 0.06 && abs($0.0 / expected - 1) > 0.06 }
    return .failed("\(what): \(spread), but its variance must be \(formatNumber(expected))"
        + (accepted.count > 1 ? " or \(formatNumber(accepted[1].0))" : "") + " (within 6%)"
        + (cause.map { "\n  likely cause: \($0.1)" } ?? ""))
}
