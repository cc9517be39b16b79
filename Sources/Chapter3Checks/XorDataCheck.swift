import WorkbookCore

/// Exercise 3.1: the four XOR points, one per column, in any order.
public func checkXorData(_ dataset: () -> (inputs: Matrix, targets: Matrix)) -> Verdict {
    let data = learnerCode { () -> Pair<Matrix, Matrix> in
        let (inputs, targets) = dataset()
        return Pair(inputs, targets)
    }
    let (inputs, targets) = (data.first, data.second)
    if inputs.shape == Shape(rows: 4, columns: 2) {
        return .failed("inputs is 4×2: the workbook puts one example per column, so inputs must be 2×4")
    }
    guard inputs.shape == Shape(rows: 2, columns: 4), targets.shape == Shape(rows: 1, columns: 4) else {
        return .failed("inputs is \(inputs.shape) and targets \(targets.shape); they must be 2×4 and 1×4, "
            + "one example per column")
    }
    let points = (0 ..< 4).map { [inputs[0, $0], inputs[1, $0], targets[0, $0]] }
    let expected: Set<[Double]> = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]
    guard Set(points) == expected else {
        let listed = points.map { "(\(formatNumber($0[0])), \(formatNumber($0[1]))) → \(formatNumber($0[2]))" }
        var text = "the columns are " + listed.joined(separator: ", ")
            + "; XOR has (0, 0) → 0, (0, 1) → 1, (1, 0) → 1, (1, 1) → 0, in any order"
        if Set(points) == [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 1]] { text += "\n  likely cause: that is OR" }
        if Set(points) == [[0, 0, 1], [0, 1, 0], [1, 0, 0], [1, 1, 1]] { text += "\n  likely cause: that is XNOR" }
        return .failed(text)
    }
    return .passed("the four XOR points, one per column")
}
