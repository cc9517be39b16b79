// Exercise 5.4: drawing a layer's weights.

import Foundation
import WorkbookCore

// listing: initialisation-stub
/// The weights of a layer with `inputs` inputs and `outputs` outputs (outputs×inputs),
/// each drawn independently from `generator`, with mean 0 and the variance the
/// scheme asks for: 1 for `.normal`; for `.xavier`, the variance the chapter derives
/// for tanh (or sigmoid) layers; for `.he`, the variance that keeps Var(z) the same
/// from one ReLU layer to the next (derive it from Var(z) = n·Var(w)·E[a²]).
public func initialWeights(outputs: Int, inputs: Int, _ scheme: Initialisation,
                           using generator: inout SplitMix64) -> Matrix {
    // TODO(5.4): Draw every weight with the scheme's variance (generator.normal() is N(0, 1)).
    // Then delete the next line.
    notStarted("5.4", returning: Matrix(rows: outputs, columns: inputs))
}
// end listing
