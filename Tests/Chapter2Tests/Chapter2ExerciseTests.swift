import Chapter2Checks
import Testing
import WorkbookCore

let chapterExercises = chapter2.exercises

/// Each exercise of Chapter 2, checked in its own process: see `checkExercise`.
@Suite("Chapter 2 exercises")
struct Chapter2ExerciseTests {
    @Test("2.1 the forward pass matches the reference network on four shapes")
    func forwardPass() async throws { try await checkExercise("2.1") }

    @Test("2.2 the quadratic loss is half the squared error averaged over the batch")
    func loss() async throws { try await checkExercise("2.2") }

    @Test("2.3 δ² matches finite differences with respect to z² for 3-5-2, 2-1-3, 4-4-4 and a random network")
    func outputDelta() async throws { try await checkExercise("2.3") }

    @Test("2.4 δ¹ matches finite differences with respect to z¹")
    func hiddenDelta() async throws { try await checkExercise("2.4") }

    @Test("2.5 dW1, dB1, dW2 and dB2 match finite differences of the mean loss")
    func parameterGradients() async throws { try await checkExercise("2.5") }

    @Test("2.6 a gradient-descent step moves every parameter by −η times its gradient")
    func gradientDescent() async throws { try await checkExercise("2.6") }
}
