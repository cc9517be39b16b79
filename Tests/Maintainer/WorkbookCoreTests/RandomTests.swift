import Testing
import WorkbookCore

@Suite("SplitMix64")
struct RandomTests {
    @Test("seed 0 gives the published SplitMix64 sequence")
    func publishedSequence() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("the same seed gives the same numbers, a different seed different ones")
    func reproducible() {
        var first = SplitMix64(seed: 42), second = SplitMix64(seed: 42), other = SplitMix64(seed: 43)
        let a = (0 ..< 100).map { _ in first.uniform(-1, 1) }
        let b = (0 ..< 100).map { _ in second.uniform(-1, 1) }
        let c = (0 ..< 100).map { _ in other.uniform(-1, 1) }
        #expect(a == b)
        #expect(a != c)
    }

    @Test("uniform stays in its range and integer(in:) reaches every value")
    func ranges() {
        var generator = SplitMix64(seed: 3)
        let draws = (0 ..< 10_000).map { _ in generator.uniform(-2, 3) }
        #expect(draws.allSatisfy { $0 >= -2 && $0 < 3 })
        #expect(abs(draws.reduce(0, +) / 10_000 - 0.5) < 0.05)
        let integers = Set((0 ..< 1000).map { _ in generator.integer(in: -3 ... 3) })
        #expect(integers == Set(-3 ... 3))
    }
}
