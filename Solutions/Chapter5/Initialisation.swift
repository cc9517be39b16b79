// Exercise 5.4: drawing a layer's weights.

import Foundation
import WorkbookCore

// listing: initialisation
/// The weights of a layer with `inputs` inputs and `outputs` outputs (outputs×inputs),
/// each drawn independently from `generator`, with mean 0 and the variance the
/// scheme asks for: 1 for `.normal`; for `.xavier`, the variance the chapter derives
/// for tanh (or sigmoid) layers; for `.he`, the variance that keeps Var(z) the same
/// from one ReLU layer to the next (derive it from Var(z) = n·Var(w)·E[a²]).
public func initialWeights(outputs: Int, inputs: Int, _ scheme: Initialisation,
                           using generator: inout SplitMix64) -> Matrix {
    let variance = switch scheme {
    case .normal: 1.0
    case .xavier: 1 / Double(inputs)
    case .he: 2 / Double(inputs)
    }
    let spread = variance.squareRoot()
    var weights = Matrix(rows: outputs, columns: inputs)
    for index in weights.elements.indices { weights.elements[index] = spread * generator.normal() }
    return weights
}
// end listing
