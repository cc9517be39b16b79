import Chapter5Checks
import Testing
import WorkbookCore

let chapterExercises = chapter5.exercises

// One test per exercise of Chapter 5, each checked in its own process: see `checkExercise`.

@Test("5.1 each activation and its slope match their definition and central differences", .exercise("5.1"))
func activations() async throws { try await checkExercise("5.1") }

@Test("5.2 one layer's forward pass, gradients and δ below match the reference and finite differences", .exercise("5.2"))
func layer() async throws { try await checkExercise("5.2") }

@Test("5.3 the forward and backward loops match finite differences on networks of random depth", .exercise("5.3"))
func loops() async throws { try await checkExercise("5.3") }

@Test("5.4 each initialiser draws weights with mean 0 and its scheme's variance from the generator", .exercise("5.4"))
func initialisation() async throws { try await checkExercise("5.4") }

@Test("5.5 three momentum steps move every parameter as the reference does", .exercise("5.5"))
func trainingStep() async throws { try await checkExercise("5.5") }
