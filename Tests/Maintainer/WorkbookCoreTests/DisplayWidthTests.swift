import Testing
import WorkbookCore

@Suite("Terminal columns and the learner's language")
struct DisplayWidthTests {
    @Test("a Chinese character or fullwidth sign takes two columns, an escape code none, ·, —, ✔ and ✘ one")
    func widths() {
        #expect(displayWidth("exercise") == 8)
        #expect(displayWidth("练习") == 4)
        #expect(displayWidth("得分：0/67") == 10)
        #expect(displayWidth("（2 分）") == 8)
        #expect(displayWidth(Style(isEnabled: true).green("✔ 通过")) == 6)
        #expect(displayWidth("· — ✘ ─") == 7)
        #expect(displayWidth("e\u{301}") == 1)
    }

    @Test("a table of Chinese titles lines its columns up by columns, not by characters")
    func chineseTable() {
        var table = Table(headers: ["", "练习", "points"], alignments: [.left, .left, .right])
        table.append(["1.1", "前向差分与中心差分", "0/2"])
        table.append(["1.2", "Chain rule", "2/2"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines[0] == "     练习                points")
        #expect(lines[2] == "1.1  前向差分与中心差分     0/2")
        #expect(lines[3] == "1.2  Chain rule             2/2")
        #expect(Set(lines.map(displayWidth)) == [31])
    }

    @Test("a progress bar with a Chinese label is cut to the terminal's columns, never the bar itself")
    func progressBarFits() {
        let bar = ProgressBar(total: 2, label: "正在检查练习，一个接一个地检查", isEnabled: false)
        bar.advance()
        #expect(displayWidth(bar.rendered) == 37 + 30)
        let fitted = bar.rendered(fittingColumns: 50)
        #expect(displayWidth(fitted) <= 49)
        #expect(fitted.hasPrefix("[" + String(repeating: "#", count: 15)))
        #expect(fitted.hasSuffix("…"))
        #expect(bar.rendered(fittingColumns: 200) == bar.rendered)
    }

    @Test("WORKBOOK_LANG chooses the language; unset, a zh locale in LC_ALL, LC_MESSAGES or LANG chooses Chinese")
    func language() {
        #expect(Language(environment: [:]) == .english)
        #expect(Language(environment: ["WORKBOOK_LANG": "zh"]) == .chinese)
        #expect(Language(environment: ["WORKBOOK_LANG": "zh_CN"]) == .chinese)
        #expect(Language(environment: ["WORKBOOK_LANG": "en", "LANG": "zh_CN.UTF-8"]) == .english)
        #expect(Language(environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(Language(environment: ["LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"]) == .chinese)
        #expect(Language(environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .english)
        #expect(Language(environment: ["LANG": "C.UTF-8"]) == .english)
        #expect(Language.chinese.chapterPath("chapters/03-xor.md") == "chapters/zh/03-xor.md")
        #expect(Language.english.chapterPath("chapters/03-xor.md") == "chapters/03-xor.md")
        #expect(Language.chinese.text("passed", "通过") == "通过")
    }
}
