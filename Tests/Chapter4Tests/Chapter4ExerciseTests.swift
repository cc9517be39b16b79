import Chapter4Checks
import Testing
import WorkbookCore

let chapterExercises = chapter4.exercises

// One test per exercise of Chapter 4, each checked in its own process: see `checkExercise`.

@Test("4.1 a batch holds scaled pixels in rows and one-hot labels", .exercise("4.1"))
func fillBatch() async throws { try await checkExercise("4.1") }

@Test("4.2 the batched forward pass matches the reference network on four shapes", .exercise("4.2"))
func forward() async throws { try await checkExercise("4.2") }

@Test("4.3 the batched backward pass matches finite differences, and does not accumulate across calls", .exercise("4.3"))
func backward() async throws { try await checkExercise("4.3") }

@Test("4.4 an epoch steps every full batch once, in a seeded shuffled order, and returns the mean loss", .exercise("4.4"))
func epoch() async throws { try await checkExercise("4.4") }

@Test("4.5 predictions are the largest outputs and the confusion matrix counts them", .exercise("4.5"))
func evaluation() async throws { try await checkExercise("4.5") }

@Test("4.6 softmax rows sum to 1 without overflow and the cross-entropy delta is ŷ − t", .exercise("4.6"))
func softmax() async throws { try await checkExercise("4.6") }

@Test("4.7 the L2 penalty and its gradient match the penalty's definition and finite differences", .exercise("4.7"))
func weightDecay() async throws { try await checkExercise("4.7") }
