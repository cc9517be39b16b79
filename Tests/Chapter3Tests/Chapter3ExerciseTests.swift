import Chapter3Checks
import Testing
import WorkbookCore

let chapterExercises = chapter3.exercises

// One test per exercise of Chapter 3, each checked in its own process: see `checkExercise`.

@Test("3.1 the dataset holds the four XOR points, one per column", .exercise("3.1"))
func xorData() async throws { try await checkExercise("3.1") }

@Test("3.2 a training step returns the loss before one gradient step", .exercise("3.2"))
func trainingStep() async throws { try await checkExercise("3.2") }

@Test("3.3 the training loop records every epoch's loss and learns XOR for three seeds", .exercise("3.3"))
func trainingLoop() async throws { try await checkExercise("3.3") }

@Test("3.4 classify thresholds at 0.5 and accuracy is the fraction correct", .exercise("3.4"))
func prediction() async throws { try await checkExercise("3.4") }
