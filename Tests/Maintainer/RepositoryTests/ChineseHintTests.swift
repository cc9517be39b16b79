import Foundation
import Testing
@testable import WorkbookTool
import WorkbookCore

@Suite("The Chinese titles and hints")
struct ChineseHintTests {
    @Test("every exercise has a Chinese title and exactly as many Chinese hints as English ones",
          arguments: curriculum.flatMap(\.exercises).map(\.id))
    func sameHints(_ id: String) throws {
        let exercise = try #require(allExercises.first { $0.id == id })
        let chinese = try #require(chineseChapters[exercise.chapter]?.exercises[id],
                                   "Sources/WorkbookTool/ChineseHints/Chapter\(exercise.chapter)Chinese.swift has no \(id)")
        #expect(!chinese.title.isEmpty)
        #expect(chinese.hints.count == exercise.hints.count,
                "\(id) has \(exercise.hints.count) hints in English, \(chinese.hints.count) in Chinese")
    }

    @Test("each Chinese hint keeps its English hint's code, in backticks, and its numbers",
          arguments: curriculum.flatMap(\.exercises).map(\.id))
    func sameCode(_ id: String) throws {
        let exercise = try #require(allExercises.first { $0.id == id })
        let chinese = try #require(chineseChapters[exercise.chapter]?.exercises[id])
        for (number, (english, translated)) in zip(exercise.hints, chinese.hints).enumerated() {
            let missingCode = codeSpans(english).filter { !translated.contains($0) }
            #expect(missingCode.isEmpty, "\(id), hint \(number + 1): the Chinese lacks \(missingCode.joined(separator: " "))")
            let missingNumbers = EditionParity.numbers(in: english).subtracting(EditionParity.numbers(in: translated))
            #expect(missingNumbers.isEmpty, "\(id), hint \(number + 1): numbers missing: \(missingNumbers.sorted())")
        }
    }

    @Test("the Chinese texts name only exercises and chapters that exist")
    func noStrays() {
        let ids = Set(allExercises.map(\.id))
        for (number, chapter) in chineseChapters {
            #expect(curriculum.contains { $0.number == number }, "no chapter \(number)")
            let strays = Set(chapter.exercises.keys).subtracting(ids)
            #expect(strays.isEmpty, "Chinese texts for exercises that do not exist: \(strays.sorted())")
        }
    }
}

/// The spans of `text` in backticks.
private func codeSpans(_ text: String) -> [String] {
    text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
        .map { "`" + $0.element + "`" }
}
