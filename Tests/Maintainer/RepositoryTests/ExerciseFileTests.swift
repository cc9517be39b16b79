import Chapter1Checks
import Chapter2Checks
import Chapter3Checks
import Chapter4Checks
import Chapter5Checks
import Foundation
import Testing
import WorkbookCore

/// The maintainer's checks on the exercise files themselves: the rules that keep
/// Exercises/ and Solutions/ in step.
@Suite("Exercise and solution files")
struct ExerciseFileTests {
    static let chapters = [chapter1, chapter2, chapter3, chapter4, chapter5]

    @Test("Exercises/ and Solutions/ hold the same files, chapter by chapter", arguments: chapters.map(\.number))
    func sameFiles(_ number: Int) throws {
        #expect(try RepositoryFiles.files(in: "Exercises/Chapter\(number)")
            == RepositoryFiles.files(in: "Solutions/Chapter\(number)"))
    }

    @Test("a file with no TODO is given code, identical in Exercises/ and Solutions/",
          arguments: chapters.map(\.number))
    func givenFilesIdentical(_ number: Int) throws {
        for name in try RepositoryFiles.files(in: "Exercises/Chapter\(number)") {
            let exercise = try RepositoryFiles.read("Exercises/Chapter\(number)/\(name)")
            let solution = try RepositoryFiles.read("Solutions/Chapter\(number)/\(name)")
            #expect(!solution.contains("TODO(") && !solution.contains("notStarted("),
                    "Solutions/Chapter\(number)/\(name) still has a TODO or a notStarted call")
            if !exercise.contains("TODO(") {
                #expect(exercise == solution, "\(name) has no TODO, so it must be the same in both folders")
            }
        }
    }

    @Test("every exercise has a TODO and a notStarted call in its file, hints, and points",
          arguments: chapters.flatMap(\.exercises).map(\.id))
    func exerciseIsMarked(_ id: String) throws {
        let exercise = try #require(Self.chapters.flatMap(\.exercises).first { $0.id == id })
        let stub = try RepositoryFiles.read(exercise.file)
        #expect(stub.contains("// TODO(\(id)): "), "\(exercise.file) has no TODO(\(id)) line")
        #expect(stub.contains("notStarted(\"\(id)\""), "\(exercise.file) has no notStarted(\"\(id)\") call")
        #expect(RepositoryFiles.exists(exercise.file.replacingOccurrences(of: "Exercises/", with: "Solutions/")))
        #expect(exercise.points > 0)
        #expect(RepositoryFiles.exists(Self.chapters.first { $0.number == exercise.chapter }!.text))
    }

    @Test("the learner's test target of each chapter holds one test per exercise, and nothing else",
          arguments: chapters.map(\.number))
    func learnerTestsAreTheExercises(_ number: Int) throws {
        let folder = "Tests/Chapter\(number)Tests"
        #expect(try RepositoryFiles.files(in: folder) == ["Chapter\(number)ExerciseTests.swift", "ExerciseTest.swift"])
        let tests = try RepositoryFiles.read("\(folder)/Chapter\(number)ExerciseTests.swift")
        let declared = tests.matches(of: /@Test\("(\d+\.\d+) [^"]*", \.exercise\("(\d+\.\d+)"\)\)/)
        #expect(declared.allSatisfy { $0.1 == $0.2 }, "a test's name and its .exercise trait name different exercises")
        #expect(declared.map { String($0.1) } == Self.chapters.first { $0.number == number }!.exercises.map(\.id))
        #expect(tests.components(separatedBy: "@Test(").count - 1 == declared.count, "a test that is not an exercise")
        #expect(!tests.contains("@Suite") && !tests.contains("///"), "a suite or a doc comment shows in the learner's run")
    }

    @Test("no stub comment, TODO or hint before the last holds a line of the reference answer; hints climb",
          arguments: chapters.flatMap(\.exercises).map(\.id))
    func nothingGivesTheAnswerAway(_ id: String) throws {
        let exercise = try #require(Self.chapters.flatMap(\.exercises).first { $0.id == id })
        func squeezed(_ text: some StringProtocol) -> String { String(text.filter { !$0.isWhitespace && $0 != "`" }) }
        let stub = try RepositoryFiles.read(exercise.file).components(separatedBy: "\n")
        let solution = try RepositoryFiles.read(exercise.file.replacingOccurrences(of: "Exercises/", with: "Solutions/"))
        let given = Set(stub.map(squeezed))
        // The answer: the reference's lines of code that the stub does not already hold.
        let answer = solution.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            .map(squeezed).filter { $0.count >= 12 && !given.contains($0) }
        let comments = stub.filter { $0.contains("//") }.map { $0[$0.range(of: "//")!.lowerBound...] }
        let visible = squeezed(comments.joined() + exercise.hints.dropLast().joined())
        for line in answer {
            #expect(!visible.contains(line), "\(exercise.file)'s comments or an early hint hold the answer's line \(line)")
        }
        #expect(exercise.hints.count >= 3, "hints climb: a nudge, the concept, then the formula")
        #expect(Set(exercise.hints).count == exercise.hints.count)
    }

    @Test("exercise ids are unique and numbered in order")
    func idsInOrder() {
        let ids = Self.chapters.flatMap(\.exercises).map(\.id)
        #expect(Set(ids).count == ids.count)
        for chapter in Self.chapters {
            #expect(chapter.exercises.map(\.id) == chapter.exercises.indices.map { "\(chapter.number).\($0 + 1)" })
        }
    }
}
