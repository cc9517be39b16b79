/// The code a training loop needs from a network: what it predicts, its loss,
/// its gradients, and how it steps.
///
/// Chapter 3 trains with whichever functions it is given: the learner's own
/// Chapter 2 code in `swift run xor`, and the checker's reference network in
/// Chapter 3's checks, so that a mistake in Chapter 2 cannot cost Chapter 3.
public struct NetworkFunctions: Sendable {
    /// ŷ for a batch, one example per column.
    public let predict: @Sendable (Network, Matrix) -> Matrix
    /// The loss of a batch (x, t), averaged over its examples.
    public let loss: @Sendable (Network, Matrix, Matrix) -> Double
    /// The gradients of that loss.
    public let backprop: @Sendable (Network, Matrix, Matrix) -> Gradients
    /// One step of gradient descent with learning rate η.
    public let step: @Sendable (inout Network, Gradients, Double) -> Void

    public init(predict: @escaping @Sendable (Network, Matrix) -> Matrix,
                loss: @escaping @Sendable (Network, Matrix, Matrix) -> Double,
                backprop: @escaping @Sendable (Network, Matrix, Matrix) -> Gradients,
                step: @escaping @Sendable (inout Network, Gradients, Double) -> Void) {
        self.predict = predict
        self.loss = loss
        self.backprop = backprop
        self.step = step
    }
}
