/// The README a learner's copy gets, made from the full one by two markers that GitHub does
/// not show (HTML comments):
///
/// - `<!-- not in a learner's copy -->` on the line after a heading: the section is left out, up
///   to the next heading of the same or a higher level, or to a learner's block;
/// - a learner's block, from a line `<!-- in a learner's copy:` to a line `-->`: its lines are
///   in the learner's copy only.
///
/// Headings inside code blocks are not headings.
enum LearnerReadme {
    static let leaveOut = "<!-- not in a learner's copy -->"
    static let learnersBlock = "<!-- in a learner's copy:"

    /// The files that are rewritten this way, relative to the package.
    static let files: Set<String> = ["README.md", "README.zh-CN.md"]

    static func learnersEdition(of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var kept: [String] = []
        var leftOutLevel: Int?  // The level of the heading whose section is being left out.
        var inCode = false
        var inLearnersBlock = false
        for (index, line) in lines.enumerated() {
            if inLearnersBlock {
                if line == "-->" { inLearnersBlock = false } else { kept.append(line) }
                continue
            }
            if line == learnersBlock {
                inLearnersBlock = true
                leftOutLevel = nil
                continue
            }
            if line.hasPrefix("```") { inCode.toggle() }
            let level = inCode ? nil : headingLevel(line)
            if let level, let leftOut = leftOutLevel, level <= leftOut { leftOutLevel = nil }
            if let level, index + 1 < lines.count, lines[index + 1] == leaveOut { leftOutLevel = level }
            if leftOutLevel == nil && line != leaveOut { kept.append(line) }
        }
        // A left-out section at the end leaves the blank lines before it.
        while kept.count > 1 && kept[kept.count - 1].isEmpty && kept[kept.count - 2].isEmpty { kept.removeLast() }
        return kept.joined(separator: "\n")
    }

    /// 2 for `## Heading`; nil for a line that is not a heading.
    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }
}
