// Exercise 1.7: Chapter 2's two-layer network, built from Values.

import WorkbookCore

// listing: value-network-stub
/// The loss ½‖ŷ − t‖² of one example for a two-layer sigmoid network whose parameters
/// are the Values given: `W1[i][j]` weighs input j into hidden unit i and `b1[i]` is
/// hidden unit i's bias; `W2` and `b2` are the same for the output units, which take
/// the hidden units' activations as their inputs. `x` holds the inputs, `t` the targets.
/// Built from Value's operations on these Values, so that backward() from the result
/// gives every parameter its gradient.
public func networkLoss(W1: [[Value]], b1: [Value], W2: [[Value]], b2: [Value], x: [Double], t: [Double]) -> Value {
    // TODO(1.7): Build the network's forward pass and loss from the Values. Then delete the next line.
    notStarted("1.7", returning: Value(0))
}
// end listing
