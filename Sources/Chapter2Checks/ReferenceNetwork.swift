import Foundation
import WorkbookCore

/// The checker's own two-layer sigmoid network with the quadratic loss, written
/// one example and one entry at a time: a naive reference that shares no code
/// with the matrix formulas of the exercises, so it can check them and stand in
/// for them (Chapter 3 trains with it, so its score never depends on Chapter 2).
public enum ReferenceNetwork {
    /// The forward pass's values, one column per example.
    public struct Activations: Sendable {
        public var z1, a1, z2, a2: Matrix
    }

    public static func forward(_ network: Network, _ x: Matrix) -> Activations {
        let (inputs, hidden, outputs) = network.sizes
        var result = Activations(z1: Matrix(rows: hidden, columns: x.columns), a1: Matrix(rows: hidden, columns: x.columns),
                                 z2: Matrix(rows: outputs, columns: x.columns),
                                 a2: Matrix(rows: outputs, columns: x.columns))
        for example in 0 ..< x.columns {
            for unit in 0 ..< hidden {
                var z = network.b1[unit, 0]
                for input in 0 ..< inputs { z += network.W1[unit, input] * x[input, example] }
                result.z1[unit, example] = z
                result.a1[unit, example] = 1 / (1 + exp(-z))
            }
            for unit in 0 ..< outputs {
                var z = network.b2[unit, 0]
                for input in 0 ..< hidden { z += network.W2[unit, input] * result.a1[input, example] }
                result.z2[unit, example] = z
                result.a2[unit, example] = 1 / (1 + exp(-z))
            }
        }
        return result
    }

    /// The loss averaged over the batch, (1/m) Σⱼ ½‖ŷⱼ − tⱼ‖².
    public static func loss(_ network: Network, _ x: Matrix, _ t: Matrix) -> Double {
        summedLoss(forward(network, x).a2, t) / Double(x.columns)
    }

    /// Σⱼ ½‖ŷⱼ − tⱼ‖², the loss summed over the batch.
    public static func summedLoss(_ yHat: Matrix, _ t: Matrix) -> Double {
        zip(yHat.elements, t.elements).reduce(0) { $0 + 0.5 * ($1.0 - $1.1) * ($1.0 - $1.1) }
    }

    /// δ² and δ¹, one column per example.
    public static func deltas(_ network: Network, _ activations: Activations, _ t: Matrix) -> (delta2: Matrix, delta1: Matrix) {
        let (_, hidden, outputs) = network.sizes
        var delta2 = activations.a2, delta1 = activations.a1
        for example in 0 ..< t.columns {
            for unit in 0 ..< outputs {
                let a = activations.a2[unit, example]
                delta2[unit, example] = (a - t[unit, example]) * a * (1 - a)
            }
            for unit in 0 ..< hidden {
                var backpropagated = 0.0
                for output in 0 ..< outputs { backpropagated += network.W2[output, unit] * delta2[output, example] }
                let a = activations.a1[unit, example]
                delta1[unit, example] = backpropagated * a * (1 - a)
            }
        }
        return (delta2, delta1)
    }

    /// The gradients of the batch's mean loss.
    public static func backprop(_ network: Network, _ x: Matrix, _ t: Matrix) -> Gradients {
        let activations = forward(network, x)
        let (delta2, delta1) = deltas(network, activations, t)
        var gradients = Gradients(zeroFor: network)
        let m = Double(x.columns)
        for example in 0 ..< x.columns {
            for unit in 0 ..< network.W2.rows {
                gradients.dB2[unit, 0] += delta2[unit, example] / m
                for input in 0 ..< network.W2.columns {
                    gradients.dW2[unit, input] += delta2[unit, example] * activations.a1[input, example] / m
                }
            }
            for unit in 0 ..< network.W1.rows {
                gradients.dB1[unit, 0] += delta1[unit, example] / m
                for input in 0 ..< network.W1.columns {
                    gradients.dW1[unit, input] += delta1[unit, example] * x[input, example] / m
                }
            }
        }
        return gradients
    }
}

extension ReferenceNetwork {
    /// The reference network as ``NetworkFunctions``, with the plain gradient-descent step.
    public static let functions = NetworkFunctions(
        predict: { network, x in forward(network, x).a2 },
        loss: loss,
        backprop: backprop,
        step: { network, gradients, eta in
            network.W1.subtract(gradients.dW1, scaledBy: eta)
            network.b1.subtract(gradients.dB1, scaledBy: eta)
            network.W2.subtract(gradients.dW2, scaledBy: eta)
            network.b2.subtract(gradients.dB2, scaledBy: eta)
        })
}
