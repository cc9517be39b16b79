import Foundation
import Testing
import WorkbookCore

@Suite("Placing a verdict at the learner's line")
struct CrashPlacingTests {
    /// Standard error of a check process whose 2.1 multiplied x by W¹, as the backtracer writes it.
    static let backtrace = """
        WorkbookCore/MatrixArithmetic.swift:9: Precondition failed: you multiplied a 3×7 matrix by a 5×3 one
        swift-runtime: failed to suspend thread 11448 while processing a crash; backtraces will be missing information

        *** Signal 4: Backtracing from 0x7fef6cef9361... done ***

        *** Program crashed: Illegal instruction at 0x00007f085c2f9361 ***

        Thread 0 "workbook" crashed:

          0              0x00007f085c2f9361 _assertionFailure(_:_:file:line:flags:) + 225 in libswiftCore.so
          1 [ra]         0x0000560023e1a9b6 static Matrix.* infix(_:_:) + 821 in workbook at /w/p/Sources/WorkbookCore/Matrix/MatrixArithmetic.swift:9:9
          2 [ra]         0x0000560023c700ab forward(_:_:) + 842 in workbook at /w/p/Exercises/Chapter2/ForwardPass.swift:8:16
          3 [ra]         0x0000560023c7ab3f closure #1 in closure #1 in checkForward(_:using:) + 238 in workbook at /w/p/Sources/Chapter2Checks/ForwardCheck.swift:8:34
          4 [ra]         0x0000560023c700ab backprop(_:_:) + 42 in workbook at /w/p/Exercises/Chapter2/Backprop.swift:3:1
        """

    @Test("a crash is placed at the deepest frame in Exercises/, with the runtime's message and no banner")
    func deepestLearnerFrame() {
        let report = CrashReport(standardError: Self.backtrace)
        #expect(report.site == SourceSite(file: "Exercises/Chapter2/ForwardPass.swift", line: 8, function: "forward(_:_:)"))
        #expect(report.message == "Precondition failed: you multiplied a 3×7 matrix by a 5×3 one")
        #expect(report.code == nil)  // /w/p does not exist here.
        #expect(report.text == "at Exercises/Chapter2/ForwardPass.swift:8, in forward(_:_:)\n"
            + "Precondition failed: you multiplied a 3×7 matrix by a 5×3 one")
        let outcome = IsolatedCheck.outcome(of: .signal(SIGILL), standardOutput: [], standardError: Array(Self.backtrace.utf8),
                                            exercise: Self.exercise(file: "Exercises/Chapter2/ForwardPass.swift"), seed: 1)
        #expect(outcome.site == report.site)
        #expect(!outcome.message.contains("Backtracing") && !outcome.message.contains("swift-runtime"))
    }

    @Test("a crash with no frame in the learner's files keeps the runtime's words only")
    func noLearnerFrame() {
        let report = CrashReport(standardError: "Swift/ContiguousArrayBuffer.swift:600: Fatal error: Index out of range\n")
        #expect(report.site == nil)
        #expect(report.text == "Fatal error: Index out of range")
    }

    @Test("a failure is placed at the function judged, never on a comment; without one, at the exercise")
    func judgedFunction() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("placing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            // Exercise 9.1: calls func value( in a comment first.
            import Foundation

            extension Activation {
                /// See `func derivative(`.
                public func value(_ z: Double) -> Double { z }
                public func derivative(_ z: Double) -> Double { 1 }
            }
            """.write(to: folder.appendingPathComponent("Activations.swift"), atomically: true, encoding: .utf8)
        let exercise = Self.exercise(file: "Activations.swift", symbol: "`Activation.value(_:)` and `Activation.derivative(_:)`")
        let source = ExerciseSource(exercise, root: folder)
        #expect(source.line() == 6)
        #expect(source.line(judging: "Activation.derivative(_:)") == 7)
        #expect(source.line(judging: "nowhere(_:)") == 6)
    }

    static func exercise(file: String, symbol: String = "`forward(_:_:)`") -> Exercise {
        Exercise(id: "9.1", title: "test", points: 1, file: file, symbol: symbol, hints: []) { _ in .passed("") }
    }
}
