import Chapter2Checks
import Chapter3Checks
import Foundation
import WorkbookCore

/// The measurements behind Chapter 3's "When training fails" (`swift run xor study`):
/// what the initial scale and the learning rate do to training, over seeds 1–20, and
/// what happens during the plateau of the documented run. It trains the checker's
/// reference network, so its numbers do not depend on anyone's Chapter 2.
public enum XorStudy {
    public static let seeds: ClosedRange<UInt64> = 1 ... 20

    /// Where one configuration's runs end, over ``seeds``.
    public struct Summary: Equatable {
        /// Runs that classify all four points.
        public var learned = 0
        /// Runs whose four outputs all end within 0.1 of 0.5: stuck at 0.5.
        public var atHalf = 0
        /// Runs whose four outputs all end within 0.02 of 0 or 1, with a point wrong: saturated, and wrong.
        public var pinnedWrong = 0
        /// The median final loss.
        public var medianLoss = 0.0
    }

    /// Trains `configuration` and returns the network and its loss before each epoch.
    public static func train(_ configuration: XorConfiguration, record: Set<Int> = [])
        -> (network: Network, losses: [Int: Double], interaction: [Int: Double]) {
        var network = configuration.initialNetwork()
        let functions = ReferenceNetwork.functions
        var losses = [Int: Double](), interaction = [Int: Double]()
        for epoch in 0 ... configuration.epochs {
            if record.contains(epoch) || epoch == configuration.epochs {
                losses[epoch] = functions.loss(network, XorPoints.inputs, XorPoints.targets)
                interaction[epoch] = largestInteraction(network)
            }
            guard epoch < configuration.epochs else { break }
            functions.step(&network, functions.backprop(network, XorPoints.inputs, XorPoints.targets),
                           configuration.learningRate)
        }
        return (network, losses, interaction)
    }

    /// The part of a hidden unit's four activations that no affine function a + b·x₁ + c·x₂ has:
    /// on the corners (0,0), (0,1), (1,0), (1,1) it is (h₀₀ − h₀₁ − h₁₀ + h₁₁)/4, the projection on
    /// the pattern (+1, −1, −1, +1), which every affine function is orthogonal to. XOR's targets are
    /// ½ − ½ of that pattern, so the output can fit them only with it. Returns the largest |part|
    /// over the hidden units.
    public static func largestInteraction(_ network: Network) -> Double {
        let hidden = ReferenceNetwork.forward(network, XorPoints.inputs).a1
        return (0 ..< hidden.rows).map { unit in
            abs(hidden[unit, 0] - hidden[unit, 1] - hidden[unit, 2] + hidden[unit, 3]) / 4
        }.max() ?? 0
    }

    /// The summary of `configuration` over ``seeds``.
    public static func summary(_ configuration: XorConfiguration) -> Summary {
        var summary = Summary()
        var finalLosses = [Double]()
        for seed in seeds {
            var run = configuration
            run.seed = seed
            let (network, losses, _) = train(run)
            finalLosses.append(losses[run.epochs] ?? .nan)
            let outputs = ReferenceNetwork.forward(network, XorPoints.inputs).a2.elements
            let right = zip(outputs, XorPoints.targets.elements).allSatisfy { ($0 >= 0.5 ? 1.0 : 0.0) == $1 }
            if right { summary.learned += 1 }
            if outputs.allSatisfy({ abs($0 - 0.5) < 0.1 }) { summary.atHalf += 1 }
            if !right && outputs.allSatisfy({ $0 < 0.02 || $0 > 0.98 }) { summary.pinnedWrong += 1 }
        }
        finalLosses.sort()
        summary.medianLoss = (finalLosses[finalLosses.count / 2 - 1] + finalLosses[finalLosses.count / 2]) / 2
        return summary
    }

    /// The initial scales and learning rates the chapter quotes.
    public static let scales = [0.0, 0.01, 0.1, 1, 4, 10]
    public static let learningRates = [0.05, 0.5, 5, 50, 150, 500]
    /// The epochs of the documented run at which the plateau table looks.
    public static let plateauEpochs = [0, 10, 50, 100, 150, 200, 250, 300, 400]

    /// Everything `swift run xor study` prints.
    public static func render(style: Style = .plain) -> String {
        let documented = XorConfiguration()
        var lines = [style.bold("What training reaches, over seeds \(seeds.lowerBound)-\(seeds.upperBound)")
            + " (a 2-4-1 network, the reference code, 1000 epochs; one setting changed at a time).", ""]
        func table(_ title: String, _ values: [Double], _ configure: (inout XorConfiguration, Double) -> Void) {
            // "other": runs that end neither learned, nor stuck, nor saturated (some outputs between).
            var table = Table(headers: [title, "learned XOR", "stuck near 0.5", "saturated, wrong", "other", "median loss"],
                              alignments: [.right, .right, .right, .right, .right, .right])
            for value in values {
                var configuration = documented
                configure(&configuration, value)
                let summary = summary(configuration)
                let other = seeds.count - summary.learned - summary.atHalf - summary.pinnedWrong
                table.append([formatNumber(value), "\(summary.learned)", "\(summary.atHalf)", "\(summary.pinnedWrong)",
                              "\(other)", String(format: "%.4f", summary.medianLoss)])
            }
            lines.append(table.render(style: style))
            lines.append("")
        }
        table("weights from ±", scales) { $0.initialScale = $1 }
        table("η", learningRates) { $0.learningRate = $1 }
        lines.append(style.bold("The plateau of seed 1") + " (the documented run): the loss, and how far the hidden units "
            + "are from affine functions of x (the largest |h₀₀ − h₀₁ − h₁₀ + h₁₁| / 4).")
        let (_, losses, interaction) = train(documented, record: Set(plateauEpochs))
        var plateau = Table(headers: ["epoch", "loss", "non-affine part"], alignments: [.right, .right, .right])
        for epoch in plateauEpochs {
            plateau.append(["\(epoch)", String(format: "%.4f", losses[epoch]!), String(format: "%.4f", interaction[epoch]!)])
        }
        lines.append(plateau.render(style: style))
        return lines.joined(separator: "\n")
    }
}
