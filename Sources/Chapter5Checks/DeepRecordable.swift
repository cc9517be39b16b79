import Chapter5
import WorkbookCore

// What Chapter 5's learner code returns, so that it can cross from the caller to the judge.

extension LayerCache: Recordable {
    public static var placeholder: LayerCache { LayerCache(z: .placeholder, a: .placeholder) }
}

extension LayerGradients: Recordable {
    public static var placeholder: LayerGradients { LayerGradients(dW: .placeholder, dB: .placeholder) }
}

extension DenseLayer: Recordable {
    public static var placeholder: DenseLayer {
        DenseLayer(weights: .placeholder, bias: Matrix(rows: 1, columns: 0), activation: .identity)
    }
}

extension DeepWorkspace: Recordable {
    public static var placeholder: DeepWorkspace {
        DeepWorkspace(network: DeepNetwork(layers: [.placeholder]), batchSize: 0)
    }
}
