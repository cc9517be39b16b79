import Chapter1Checks
import Chapter2Checks
import Chapter3Checks
import Chapter4Checks
import Chapter5Checks
import Foundation
import Testing

@Suite("The README's first screen")
struct ReadmeFirstScreenTests {
    /// What a learner sees before scrolling: the first 45 lines.
    static func firstScreen(_ file: String) throws -> String {
        try RepositoryFiles.read(file).split(separator: "\n", omittingEmptySubsequences: false).prefix(45)
            .joined(separator: "\n")
    }

    @Test("says what this is, how long the first build takes, the two commands, where to start and the loop",
          arguments: [("README.md", "## Your loop", "a check takes"), ("README.zh-CN.md", "## 你的循环", "每次检查")])
    func firstScreen(file: String, loop: String, checkTime: String) throws {
        let screen = try Self.firstScreen(file)
        for needed in ["swift run workbook", "swift test", "01-chain-rule.md", loop, checkTime,
                       "31", "67", "22", "30", "swift run workbook hint", "swift run workbook watch"] {
            #expect(screen.contains(needed), "\(file)'s first screen lacks \(needed)")
        }
        #expect(!screen.contains("numpy"), "\(file)'s first screen holds benchmarks")
    }

    @Test("quotes the counts of today's exercises and points")
    func counts() throws {
        let exercises = [chapter1, chapter2, chapter3, chapter4, chapter5].flatMap(\.exercises)
        let points = exercises.map(\.points).reduce(0, +)
        #expect(try Self.firstScreen("README.md").contains("\(exercises.count) exercises, \(points) points"))
        #expect(try Self.firstScreen("README.zh-CN.md").contains("\(exercises.count) 个练习、\(points) 分"))
    }
}
