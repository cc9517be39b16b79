// Your Chapter 2 code, packaged for the training loops of later chapters.

import WorkbookCore

/// The network of Exercises 2.1 to 2.6, as ``NetworkFunctions``.
public let chapter2Network = NetworkFunctions(
    predict: { network, x in forward(network, x).a2 },
    loss: { network, x, t in quadraticLoss(forward(network, x).a2, t) },
    backprop: backprop,
    step: { network, gradients, eta in gradientDescentStep(&network, gradients, learningRate: eta) })
