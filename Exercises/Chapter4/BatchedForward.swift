// Exercise 4.2: the forward pass for a batch with one example per row.

import WorkbookCore

// listing: batched-forward-stub
/// Chapter 2's forward pass for a batch with one example per row of x (m×inputs),
/// written into `workspace`: z1 and a1 are m×hidden, z2 and a2 m×outputs.
public func forward(_ network: Network, _ x: Matrix, into workspace: inout Workspace) {
    // TODO(4.2): Fill z1, a1, z2 and a2 of the workspace, allocating nothing (chapters/toolbox.md).
    // Then delete the next line.
    notStarted("4.2")
}
// end listing
