import Chapter5
import Foundation
import WorkbookCore

/// The checks' own deep network: naive products (`*`), its own activations and
/// loss, so that nothing a check compares with comes from learner code.
package enum ReferenceDeepNetwork {
    /// f(z), written independently of Exercise 5.1.
    package static func value(_ activation: Activation, _ z: Double) -> Double {
        switch activation {
        case .sigmoid: sigmoid(z)
        case .tanh: tanh(z)
        case .relu: z > 0 ? z : 0
        case .softplus: z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
        case .leakyReLU: z > 0 ? z : Activation.leak * z
        case .identity: z
        }
    }

    /// f′(z).
    package static func slope(_ activation: Activation, _ z: Double) -> Double {
        switch activation {
        case .sigmoid: sigmoid(z) * (1 - sigmoid(z))
        case .tanh: 1 / (cosh(z) * cosh(z))
        case .relu: z > 0 ? 1 : 0
        case .softplus: sigmoid(z)
        case .leakyReLU: z > 0 ? 1 : Activation.leak
        case .identity: 1
        }
    }

    /// One layer: z = input·Wᵀ + b, a = f(z).
    package static func forward(_ layer: DenseLayer, _ input: Matrix) -> LayerCache {
        var z = input * layer.weights.transposed
        for row in 0 ..< z.rows {
            for column in 0 ..< z.columns { z[row, column] += layer.bias.elements[column] }
        }
        return LayerCache(z: z, a: z.map { value(layer.activation, $0) })
    }

    /// Every layer's cache.
    package static func forward(_ network: DeepNetwork, _ x: Matrix) -> [LayerCache] {
        var caches = [LayerCache]()
        for layer in network.layers { caches.append(forward(layer, caches.last?.a ?? x)) }
        return caches
    }

    /// The softmax of each row of the last z, and the mean cross-entropy.
    package static func softmaxLoss(_ z: Matrix, _ t: Matrix) -> (yHat: Matrix, loss: Double) {
        var yHat = z, loss = 0.0
        for row in 0 ..< z.rows {
            let entries = (0 ..< z.columns).map { z[row, $0] }
            let largest = entries.max() ?? 0
            let logTotal = log(entries.reduce(0) { $0 + exp($1 - largest) })
            for column in 0 ..< z.columns {
                let logProbability = entries[column] - largest - logTotal
                yHat[row, column] = exp(logProbability)
                loss -= t[row, column] * logProbability
            }
        }
        return (yHat, loss / Double(max(z.rows, 1)))
    }

    /// The mean loss of `network` on the batch: what every gradient is a gradient of.
    package static func loss(_ network: DeepNetwork, _ x: Matrix, _ t: Matrix) -> Double {
        softmaxLoss(forward(network, x).last!.z, t).loss
    }

    /// Every layer's δ and gradients, from the caches and the last δ.
    package static func backward(_ network: DeepNetwork, _ x: Matrix, _ caches: [LayerCache],
                         lastDelta: Matrix) -> (deltas: [Matrix], gradients: [LayerGradients]) {
        let count = network.layers.count
        var deltas = [Matrix](repeating: lastDelta, count: count)
        for l in stride(from: count - 2, through: 0, by: -1) {
            let activation = network.layers[l].activation
            deltas[l] = (deltas[l + 1] * network.layers[l + 1].weights).hadamard(caches[l].z.map { slope(activation, $0) })
        }
        let m = Double(x.rows)
        let gradients = (0 ..< count).map { l in
            let input = l == 0 ? x : caches[l - 1].a
            return LayerGradients(dW: (1 / m) * (deltas[l].transposed * input),
                                  dB: (1 / m) * Matrix(rows: 1, columns: deltas[l].rows, repeating: 1) * deltas[l])
        }
        return (deltas, gradients)
    }
}

/// "²" for 2: layer numbers as the text writes them.
public func superscript(_ number: Int) -> String {
    let digits = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    return String(number).map { digits[Int(String($0))!] }.joined()
}
