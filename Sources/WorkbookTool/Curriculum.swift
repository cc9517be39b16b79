import Chapter1Checks
import Chapter2Checks
import Chapter3Checks
import Chapter4Checks
import Chapter5Checks
import WorkbookCore

/// Every chapter the workbook has, in order.
let curriculum: [Chapter] = [chapter1, chapter2, chapter3, chapter4, chapter5]

/// Every exercise, in order.
let allExercises = curriculum.flatMap(\.exercises)

/// The exercises that `selector` names: all of them for `nil`, one chapter for
/// a number such as `1`, one exercise for an id such as `1.3`.
func exercises(selectedBy selector: String?) throws -> [Exercise] {
    guard let selector else { return allExercises }
    if let chapter = curriculum.first(where: { String($0.number) == selector }) { return chapter.exercises }
    if let exercise = allExercises.first(where: { $0.id == selector }) { return [exercise] }
    throw UsageError(localized("no exercise or chapter '\(selector)'; the exercises are ",
                               zh: "没有练习或章 '\(selector)'；练习有 ") + allExercises.map(\.id).joined(separator: ", "))
}

/// The name of the code being checked, for headings.
var codeUnderTest: String {
    #if WORKBOOK_SOLUTIONS
    localized("the reference solutions (Solutions/)", zh: "参考解答（Solutions/）")
    #else
    localized("your code (Exercises/)", zh: "你的代码（Exercises/）")
    #endif
}
