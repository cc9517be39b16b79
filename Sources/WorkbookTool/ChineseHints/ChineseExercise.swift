/// One exercise's title and hints in Chinese, as many hints as the English and in the
/// same order. Code, symbols and numbers in them are the English hints' own.
struct ChineseExercise {
    let title: String
    let hints: [String]
}

/// One chapter's title and exercises in Chinese, keyed by exercise id.
struct ChineseChapter {
    let title: String
    let exercises: [String: ChineseExercise]
}

/// Every chapter in Chinese, keyed by chapter number.
let chineseChapters: [Int: ChineseChapter] = [
    1: chapter1Chinese, 2: chapter2Chinese, 3: chapter3Chinese, 4: chapter4Chinese, 5: chapter5Chinese,
]
