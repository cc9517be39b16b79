import Chapter4
import Datasets
import WorkbookCore

/// Exercise 4.1: pixels scaled to 0–1 in the example's row, labels one-hot, and
/// nothing left over from the batch before.
public func checkFillBatch(_ fill: (inout Matrix, inout Matrix, MNIST.Split, ArraySlice<Int>) -> Void,
                           using generator: inout SplitMix64) -> Verdict {
    let split = fakeSplit(count: 12, using: &generator)
    var x = Matrix(rows: 5, columns: split.imageSize), t = Matrix(rows: 5, columns: 10)
    var parts = [Verdict]()
    for round in 0 ..< 2 {
        let examples = Array((0 ..< split.count).shuffled(using: &generator).prefix(5))[...]
        let before = x
        let filled = learnerCode { () -> Pair<Matrix, Matrix> in
            var (x, t) = (x, t)
            fill(&x, &t, split, examples)
            return Pair(x, t)
        }
        guard filled.first.shape == x.shape, filled.second.shape == t.shape else {
            return .failed("fillBatch changed the shape of x or t: they are m×784 and m×10 buffers to fill")
        }
        (x, t) = (filled.first, filled.second)
        var expectedX = x, expectedT = Matrix(rows: 5, columns: 10)
        var raw = x  // The pixels as stored, 0–255.
        for (row, example) in examples.enumerated() {
            for pixel in 0 ..< split.imageSize {
                raw[row, pixel] = Double(split.pixels[example * split.imageSize + pixel])
                expectedX[row, pixel] = raw[row, pixel] / 255
            }
            expectedT[row, Int(split.labels[example])] = 1
        }
        let context = "fillBatch for examples \(Array(examples))" + (round == 1 ? ", filled a second time" : "")
        var keptStale = expectedX
        for index in keptStale.elements.indices where raw.elements[index] == 0 {
            keptStale.elements[index] = before.elements[index]
        }
        var pixelMistakes: [KnownMistake] = [
            .values(raw, "the pixels are not scaled: divide each by 255 so that they run from 0 to 1"),
            .values(raw.map { $0 / 256 }, "divided by 256: the largest pixel, 255, must become exactly 1, so divide by 255"),
            .values(raw.map { $0 == 255 ? 1 : 0 }, "integer division: pixel / 255 on UInt8 (or Int) is 0 for every "
                + "pixel but 255; convert the pixel to Double before dividing"),
        ]
        if round == 1 {
            pixelMistakes.append(.values(keptStale, "where this batch's pixels are 0, x still holds the previous "
                + "batch's values: write every pixel, zeros included"))
        }
        let pixels = GradientCheck.compareValues(name: "x", got: x, expected: expectedX, mistakes: pixelMistakes)
        if !pixels.passed { return .failed("\(context):\n\(pixels)") }
        let stale = (0 ..< 5).contains { row in (0 ..< 10).filter { t[row, $0] != 0 }.count > 1 }
        if stale && round == 1 {
            return .failed("\(context): a row of t holds more than one 1\n"
                + "  likely cause: t keeps the 1s of the previous batch; set it to zero first (t.setZero())")
        }
        let labels = GradientCheck.compareValues(name: "t", got: t, expected: expectedT)
        if !labels.passed { return .failed("\(context):\n\(labels)") }
        parts.append(.passed("\(context): pixels scaled, labels one-hot"))
    }
    return Verdict.all(parts)
}
