import Chapter3Checks
import Testing
import WorkbookCore

let chapterExercises = chapter3.exercises

/// Each exercise of Chapter 3, checked in its own process: see `checkExercise`.
@Suite("Chapter 3 exercises")
struct Chapter3ExerciseTests {
    @Test("3.1 the dataset holds the four XOR points, one per column")
    func xorData() async throws { try await checkExercise("3.1") }

    @Test("3.2 a training step returns the loss before one gradient step")
    func trainingStep() async throws { try await checkExercise("3.2") }

    @Test("3.3 the training loop records every epoch's loss and learns XOR for three seeds")
    func trainingLoop() async throws { try await checkExercise("3.3") }

    @Test("3.4 classify thresholds at 0.5 and accuracy is the fraction correct")
    func prediction() async throws { try await checkExercise("3.4") }
}
