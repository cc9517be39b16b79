import WorkbookCore

/// The documented XOR configuration of Chapter 3: a 2-4-1 sigmoid network with
/// weights and biases drawn from −1 ..< 1, trained on all four points at once
/// with η = 5 for 1000 epochs.
public struct XorConfiguration: Sendable {
    public var hidden = 4
    public var learningRate = 5.0
    public var epochs = 1000
    /// Initial weights and biases are drawn uniformly from −initialScale ..< initialScale.
    public var initialScale = 1.0
    public var seed: UInt64 = 1

    public init() {}

    /// A fresh network for this configuration's seed.
    public func initialNetwork() -> Network {
        var generator = SplitMix64(seed: seed)
        return Network(inputs: 2, hidden: hidden, outputs: 1, scale: initialScale, using: &generator)
    }
}

/// The four XOR points, one per column, as the checks know them.
public enum XorPoints {
    public static let inputs = Matrix([[0, 0, 1, 1], [0, 1, 0, 1]])
    public static let targets = Matrix([[0, 1, 1, 0]])
}
