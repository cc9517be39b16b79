import Chapter1Checks
import Chapter2Checks
import Chapter3Checks
import Chapter4Checks
import Foundation
import Testing
import WorkbookCore

/// The maintainer's checks on the exercise files themselves: the rules that keep
/// Exercises/ and Solutions/ in step.
@Suite("Exercise and solution files")
struct ExerciseFileTests {
    static let chapters = [chapter1, chapter2, chapter3, chapter4]

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
        #expect(exercise.hints.count >= 2 && exercise.points > 0)
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

    @Test("exercise ids are unique and numbered in order")
    func idsInOrder() {
        let ids = Self.chapters.flatMap(\.exercises).map(\.id)
        #expect(Set(ids).count == ids.count)
        for chapter in Self.chapters {
            #expect(chapter.exercises.map(\.id) == chapter.exercises.indices.map { "\(chapter.number).\($0 + 1)" })
        }
    }
}
