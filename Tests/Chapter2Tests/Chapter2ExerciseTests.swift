import Chapter2Checks
import Testing
import WorkbookCore

let chapterExercises = chapter2.exercises

// One test per exercise of Chapter 2, each checked in its own process: see `checkExercise`.

@Test("2.1 the forward pass matches the reference network on four shapes", .exercise("2.1"))
func forwardPass() async throws { try await checkExercise("2.1") }

@Test("2.2 the quadratic loss is half the squared error averaged over the batch", .exercise("2.2"))
func loss() async throws { try await checkExercise("2.2") }

@Test("2.3 δ² matches finite differences with respect to z² for 3-5-2, 2-1-3, 4-4-4 and a random network", .exercise("2.3"))
func outputDelta() async throws { try await checkExercise("2.3") }

@Test("2.4 δ¹ matches finite differences with respect to z¹", .exercise("2.4"))
func hiddenDelta() async throws { try await checkExercise("2.4") }

@Test("2.5 dW1, dB1, dW2 and dB2 match finite differences of the mean loss", .exercise("2.5"))
func parameterGradients() async throws { try await checkExercise("2.5") }

@Test("2.6 a gradient-descent step moves every parameter by −η times its gradient", .exercise("2.6"))
func gradientDescent() async throws { try await checkExercise("2.6") }

@Test("2.7 δ¹ of a tanh hidden layer matches finite differences with respect to z¹", .exercise("2.7"))
func tanhLayer() async throws { try await checkExercise("2.7") }

@Test("2.8 δ² of sigmoid outputs with the cross-entropy loss matches finite differences", .exercise("2.8"))
func crossEntropy() async throws { try await checkExercise("2.8") }
