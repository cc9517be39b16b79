import Chapter4Checks
import Testing
import WorkbookCore

let chapterExercises = chapter4.exercises

/// Each exercise of Chapter 4, checked in its own process: see `checkExercise`.
@Suite("Chapter 4 exercises")
struct Chapter4ExerciseTests {
    @Test("4.1 a batch holds scaled pixels in rows and one-hot labels")
    func fillBatch() async throws { try await checkExercise("4.1") }

    @Test("4.2 the batched forward pass matches the reference network on four shapes")
    func forward() async throws { try await checkExercise("4.2") }

    @Test("4.3 the batched backward pass matches finite differences, and does not accumulate across calls")
    func backward() async throws { try await checkExercise("4.3") }

    @Test("4.4 an epoch steps every full batch once, in a seeded shuffled order, and returns the mean loss")
    func epoch() async throws { try await checkExercise("4.4") }

    @Test("4.5 predictions are the largest outputs and the confusion matrix counts them")
    func evaluation() async throws { try await checkExercise("4.5") }

    @Test("4.6 softmax rows sum to 1 without overflow and the cross-entropy delta is ŷ − t")
    func softmax() async throws { try await checkExercise("4.6") }
}
