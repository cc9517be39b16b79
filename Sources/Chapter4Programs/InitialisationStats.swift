import Chapter4Checks
import Datasets
import Foundation
import WorkbookCore

/// How far into the sigmoid's flat tails the hidden layer starts: z¹ = W¹x + b¹ of
/// a fresh network over some training images, with raw or scaled pixels, and with
/// weights of variance 1 (Nielsen's) or 1/n (scaled initialisation).
/// `swift run -c release mnist init` prints it; Chapter 4 quotes it.
public struct InitialisationStats: Sendable {
    public let name: String
    /// The standard deviation of the entries of z¹.
    public let spread: Double
    /// The median of σ′(z¹) (at most 0.25, at z = 0).
    public let medianSlope: Double
    /// The share of entries where σ′(z¹) < 0.01: units that barely learn.
    public let flatShare: Double
    /// The share of entries in each bin of log₁₀ σ′(z¹), for ``bins``.
    public let histogram: [Double]

    /// The bins of log₁₀ σ′(z¹): from −12 up to log₁₀ 0.25, in steps of ½.
    public static let bins = Array(stride(from: -12.0, to: log10(0.25), by: 0.5))

    /// The three cases, on the first `count` training images, for a 784-`hidden`-10 network made with `seed`.
    public static func measure(_ data: MNIST, count: Int = 1000, hidden: Int = 30, seed: UInt64 = 1) -> [InitialisationStats] {
        let images = data.training.slice(0 ..< count)
        var raw = Matrix(rows: images.imageSize, columns: images.count)
        for example in 0 ..< images.count {
            for pixel in 0 ..< images.imageSize {
                raw[pixel, example] = Double(images.pixels[example * images.imageSize + pixel])
            }
        }
        let scaled = raw.map { $0 / 255 }
        var configuration = MnistConfiguration()
        (configuration.hidden, configuration.seed) = (hidden, seed)
        let varianceOne = configuration.initialNetwork(inputs: images.imageSize)
        configuration.scaledInitialisation = true  // Weights of variance 1/n.
        let varianceOneOverN = configuration.initialNetwork(inputs: images.imageSize)
        return [
            stats("pixels 0–255, weights of variance 1", varianceOne, raw),
            stats("pixels 0–1, weights of variance 1", varianceOne, scaled),
            stats("pixels 0–1, weights of variance 1/n", varianceOneOverN, scaled),
        ]
    }

    private static func stats(_ name: String, _ network: Network, _ x: Matrix) -> InitialisationStats {
        let z1 = (network.W1 * x).addingToEachColumn(network.b1).elements
        let mean = z1.reduce(0, +) / Double(z1.count)
        let spread = (z1.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(z1.count)).squareRoot()
        let slopes = z1.map { z in sigmoid(z) * (1 - sigmoid(z)) }.sorted()
        var histogram = Array(repeating: 0.0, count: bins.count)
        for slope in slopes {
            let bin = Int(((max(log10(max(slope, 1e-300)), -12) + 12) / 0.5).rounded(.down))
            histogram[min(max(bin, 0), bins.count - 1)] += 1 / Double(slopes.count)
        }
        return InitialisationStats(name: name, spread: spread, medianSlope: slopes[slopes.count / 2],
                                   flatShare: Double(slopes.filter { $0 < 0.01 }.count) / Double(slopes.count),
                                   histogram: histogram)
    }
}
