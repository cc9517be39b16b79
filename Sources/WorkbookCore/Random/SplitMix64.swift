/// A small, fast, seedable random number generator.
///
/// SplitMix64 (Steele, Lea and Flood, 2014) turns a 64-bit counter into
/// well-mixed 64-bit outputs with integer arithmetic only, so a given seed
/// produces the same sequence on every platform and every Swift version.
/// Pass it explicitly (`using generator: inout some RandomNumberGenerator`)
/// so that every run of the workbook can be repeated exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    /// A uniformly distributed `Double` in `low ..< high`.
    ///
    /// Uses the top 53 bits of one output and exact arithmetic, so the value is
    /// identical on every platform for the same generator state.
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        let unit = Double(next() >> 11) * 0x1.0p-53  // Exactly representable, in [0, 1).
        return low + (high - low) * unit
    }

    /// A uniformly distributed integer in `range`, without modulo bias.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        // Rejection sampling keeps every value equally likely.
        let limit = UInt64.max - UInt64.max % span
        var draw = next()
        while draw >= limit { draw = next() }
        return range.lowerBound + Int(draw % span)
    }
}
