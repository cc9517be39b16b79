import Foundation
import Testing

/// The English chapters, by file name: every `.md` file directly in `chapters/`.
private let englishChapters = (try? RepositoryFiles.files(in: "chapters").filter { $0.hasSuffix(".md") }) ?? []

@Suite("The Chinese edition keeps in step with the English")
struct EditionTests {
    @Test("every English chapter has a Chinese twin of the same name in chapters/zh/", arguments: englishChapters)
    func twinExists(_ name: String) {
        #expect(RepositoryFiles.exists("chapters/zh/\(name)"),
                "chapters/\(name) has no Chinese twin: translate it into chapters/zh/\(name) (see issue 23)")
    }

    @Test("chapters/zh/ holds the twins and the glossary, nothing else")
    func nothingElse() throws {
        guard RepositoryFiles.exists("chapters/zh") else { return }  // twinExists says what is missing.
        let extra = try RepositoryFiles.files(in: "chapters/zh").filter { !englishChapters.contains($0) && $0 != "术语.md" }
        #expect(extra.isEmpty, "chapters/zh/ has files with no English original: \(extra.joined(separator: ", "))")
    }

    @Test("each Chinese chapter has the English one's sections, anchors, fenced blocks and numbers",
          arguments: englishChapters)
    func inStep(_ name: String) throws {
        guard RepositoryFiles.exists("chapters/zh/\(name)") else { return }  // twinExists says so.
        let problems = EditionParity.problems(english: try RepositoryFiles.read("chapters/\(name)"),
                                              chinese: try RepositoryFiles.read("chapters/zh/\(name)"),
                                              chinesePath: "chapters/zh/\(name)")
        for problem in problems { Issue.record(Comment(rawValue: problem)) }
    }

    @Test("every link in a Chinese chapter leads to a file that exists, and every #anchor to an anchor there",
          arguments: englishChapters)
    func links(_ name: String) throws {
        guard RepositoryFiles.exists("chapters/zh/\(name)") else { return }
        let text = try RepositoryFiles.read("chapters/zh/\(name)")
        for target in EditionParity.links(in: text) where !target.contains("://") && !target.hasPrefix("mailto:") {
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let file = parts[0].isEmpty ? "chapters/zh/\(name)" : resolved("chapters/zh/" + parts[0])
            guard RepositoryFiles.exists(file) else {
                Issue.record(Comment(rawValue: "chapters/zh/\(name): the link (\(target)) leads to \(file), which does not "
                    + "exist" + (parts[0].contains("/") ? "" : "; a file outside chapters/ needs one more ../")))
                continue
            }
            if parts.count == 2, file.hasSuffix(".md") {
                if !EditionParity.anchors(in: try RepositoryFiles.read(file)).contains(parts[1]) {
                    Issue.record("chapters/zh/\(name): the link (\(target)) names no anchor of \(file)")
                }
            }
        }
    }

    @Test("README.md and README.zh-CN.md link to each other")
    func readmes() throws {
        #expect(try RepositoryFiles.read("README.md").hasPrefix("中文版: [README.zh-CN.md](README.zh-CN.md)"))
        #expect(try RepositoryFiles.read("README.zh-CN.md").contains("](README.md)"))
    }

    @Test("the glossary is one table of 中文 | English, each English term once")
    func glossary() throws {
        let lines = try RepositoryFiles.read("chapters/zh/术语.md").components(separatedBy: "\n").filter { $0.hasPrefix("|") }
        try #require(lines.count > 2, "chapters/zh/术语.md needs a table: | 中文 | English | …")
        #expect(lines[0].contains("中文") && lines[0].contains("English"))
        let english = lines.dropFirst(2).map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
            .compactMap { $0.count >= 2 ? $0[1] : nil }
        #expect(english.allSatisfy { !$0.isEmpty }, "every row of the glossary names the English term")
        let repeated = Dictionary(grouping: english, by: { $0.lowercased() }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "terms in the glossary twice: \(repeated.joined(separator: ", "))")
    }
}

@Suite("The edition rules, on small examples")
struct EditionRuleTests {
    let english = """
        Intro with 2 numbers, 50,000 and 0.25.

        ## Exercise 3.1 — the data

        Train for 150 epochs at η = 0.5.

        <!-- output: xor -->
        ```text
        loss 0.112
        ```

        ### When training fails
        It stalls near 0.25.
        """

    let chinese = """
        引言，有 2 个数：50000 和 0.25。

        <a id="exercise-31--the-data"></a>
        ## 练习 3.1 — 数据

        以 η = 0.5 训练 150 个迭代周期。

        <!-- output: xor -->
        ```text
        loss 0.112
        ```

        <a id="when-training-fails"></a>
        ### 训练失败时
        它停在 0.25 附近。
        """

    @Test("a slug keeps letters, digits, - and _, turns spaces into -, and drops the rest")
    func slugs() {
        #expect(EditionParity.slug("## Exercise 3.1 — the data") == "exercise-31--the-data")
        #expect(EditionParity.slug("# The chain rule") == "the-chain-rule")
        #expect(EditionParity.slug("### δ² and `outputDelta`: why (ŷ − t)?") == "δ²-and-outputdelta-why-ŷ--t")
    }

    @Test("numbers are ASCII digits with decimals; thousands commas are dropped")
    func numbers() {
        #expect(EditionParity.numbers(in: "50,000 images, 0.25, 10⁻⁵, 784-256-10, 练习 3.2。")
            == ["50000", "0.25", "10", "784", "256", "3.2"])
    }

    @Test("a faithful twin is in step")
    func inStep() {
        #expect(EditionParity.problems(english: english, chinese: chinese, chinesePath: "chapters/zh/x.md") == [])
    }

    @Test("a missing number names the file, the section and the number")
    func missingNumber() {
        let problems = EditionParity.problems(english: english, chinese: chinese.replacingOccurrences(of: "150", with: "一百五十")
            .replacingOccurrences(of: "它停在 0.25 附近。", with: "它停住了。"), chinesePath: "chapters/zh/03-xor.md")
        #expect(problems == [
            "chapters/zh/03-xor.md, section 'Exercise 3.1 — the data': numbers missing: 150",
            "chapters/zh/03-xor.md, section 'When training fails': numbers missing: 0.25",
        ])
    }

    @Test("a wrong or missing anchor, a heading at another level, and a missing heading are each found")
    func headings() {
        let wrongAnchor = chinese.replacingOccurrences(of: "when-training-fails", with: "训练失败时")
        #expect(EditionParity.problems(english: english, chinese: wrongAnchor, chinesePath: "zh.md") == [
            "zh.md, section 'When training fails': the Chinese heading '### 训练失败时' needs "
                + "<a id=\"when-training-fails\"></a> directly above it (it has id \"训练失败时\")",
        ])
        let noAnchor = chinese.replacingOccurrences(of: "<a id=\"exercise-31--the-data\"></a>\n", with: "")
        #expect(EditionParity.problems(english: english, chinese: noAnchor, chinesePath: "zh.md").count == 1)
        let level = chinese.replacingOccurrences(of: "### 训练失败时", with: "## 训练失败时")
        #expect(EditionParity.problems(english: english, chinese: level, chinesePath: "zh.md")
            == ["zh.md, section 'When training fails': level 3 in English, 2 in Chinese"])
        let dropped = String(chinese[..<chinese.range(of: "<a id=\"when-training-fails\"></a>")!.lowerBound])
        #expect(EditionParity.problems(english: english, chinese: dropped, chinesePath: "zh.md").first
            == "zh.md: 2 headings in English, 1 in Chinese")
    }

    @Test("a fenced block that differs in its text or marker, or is missing, is found")
    func blocks() {
        let edited = chinese.replacingOccurrences(of: "loss 0.112", with: "损失 0.112")
        #expect(EditionParity.problems(english: english, chinese: edited, chinesePath: "zh.md") == [
            "zh.md, section 'Exercise 3.1 — the data': fenced block 1 (<!-- output: xor -->) is not the English one: "
                + "its text differs",
        ])
        let unmarked = chinese.replacingOccurrences(of: "<!-- output: xor -->\n", with: "")
        #expect(EditionParity.problems(english: english, chinese: unmarked, chinesePath: "zh.md").last?
            .hasSuffix("its marker line differs (none in Chinese)") == true)
        let missing = chinese.replacingOccurrences(of: "```text\nloss 0.112\n```", with: "loss 0.112")
        #expect(EditionParity.problems(english: english, chinese: missing, chinesePath: "zh.md")
            == ["zh.md: 1 fenced blocks in English, 0 in Chinese"])
    }
}

/// A path inside the package with its `..` and `.` taken out: `chapters/zh/../../README.md` is `README.md`.
private func resolved(_ path: String) -> String {
    var parts = [Substring]()
    for part in path.split(separator: "/") {
        if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(part) }
    }
    return parts.joined(separator: "/")
}
