import Chapter1Checks
import Testing
import WorkbookCore

let chapterExercises = chapter1.exercises

// One test per exercise of Chapter 1, each checked in its own process: see `checkExercise`.

@Test("1.1 forward and central differences have their exact Taylor values on random cubics", .exercise("1.1"))
func finiteDifferences() async throws { try await checkExercise("1.1") }

@Test("1.2 chainDerivative matches central differences on random chains of functions", .exercise("1.2"))
func chainRule() async throws { try await checkExercise("1.2") }

@Test("1.3 + and * pass gradients back, accumulating when a value is used twice", .exercise("1.3"))
func arithmetic() async throws { try await checkExercise("1.3") }

@Test("1.4 pow, exp, tanh and sigmoid pass gradients back", .exercise("1.4"))
func functions() async throws { try await checkExercise("1.4") }

@Test("1.5 backward() runs every rule once, parents before children", .exercise("1.5"))
func backward() async throws { try await checkExercise("1.5") }

@Test("1.6 log and relu pass gradients back, relu with a valid slope at its kink", .exercise("1.6"))
func newOperations() async throws { try await checkExercise("1.6") }

@Test("1.7 a network built from Values gets the matrix backward pass's gradients, entry by entry", .exercise("1.7"))
func valueNetwork() async throws { try await checkExercise("1.7") }
