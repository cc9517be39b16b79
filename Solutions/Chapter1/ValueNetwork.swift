// Exercise 1.7: Chapter 2's two-layer network, built from Values.

import WorkbookCore

/// One layer: σ(Σⱼ Wᵢⱼ inputⱼ + bᵢ) for each unit i.
private func layer(_ weights: [[Value]], _ biases: [Value], _ inputs: [Value]) -> [Value] {
    zip(weights, biases).map { row, bias in
        zip(row, inputs).reduce(bias) { sum, pair in sum + pair.0 * pair.1 }.sigmoid()
    }
}

/// ½ Σₖ (ŷₖ − tₖ)² with ŷ = σ(W²σ(W¹x + b¹) + b²), every operation a Value's.
public func networkLoss(W1: [[Value]], b1: [Value], W2: [[Value]], b2: [Value], x: [Double], t: [Double]) -> Value {
    let yHat = layer(W2, b2, layer(W1, b1, x.map { Value($0) }))
    return zip(yHat, t).reduce(Value(0)) { sum, pair in
        let error = pair.0 - Value(pair.1)
        return sum + 0.5 * (error * error)
    }
}
