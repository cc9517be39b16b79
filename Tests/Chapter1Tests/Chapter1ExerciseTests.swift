import Chapter1Checks
import Testing
import WorkbookCore

let chapterExercises = chapter1.exercises

/// Each exercise of Chapter 1, checked in its own process: see `checkExercise`.
@Suite("Chapter 1 exercises")
struct Chapter1ExerciseTests {
    @Test("1.1 forward and central differences have their exact Taylor values on random cubics")
    func finiteDifferences() async throws { try await checkExercise("1.1") }

    @Test("1.2 chainDerivative matches central differences on random chains of functions")
    func chainRule() async throws { try await checkExercise("1.2") }

    @Test("1.3 + and * pass gradients back, accumulating when a value is used twice")
    func arithmetic() async throws { try await checkExercise("1.3") }

    @Test("1.4 pow, exp, tanh and sigmoid pass gradients back")
    func functions() async throws { try await checkExercise("1.4") }

    @Test("1.5 backward() runs every rule once, parents before children")
    func backward() async throws { try await checkExercise("1.5") }
}
