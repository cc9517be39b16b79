import Foundation

/// The rules that keep a Chinese chapter in step with its English original (issue 23;
/// the same rules as the translators' `parity.py`):
///
/// - A heading is a line starting with `#` outside fenced blocks. Both editions have the
///   same headings in the same order at the same levels, and directly above each Chinese
///   heading is `<a id="SLUG"></a>`, the slug of the English heading at its position.
/// - Every fenced block is identical in both editions, in the same order, with the same
///   `<!-- … -->` marker line directly above it (or none).
/// - Every number of an English section (the text from one heading to the next, its
///   fenced blocks included) appears in the Chinese section: ASCII digits with `.`
///   decimals, thousands commas removed (50,000 is 50000).
enum EditionParity {
    /// One section: its heading line (`nil` for the text before the first heading).
    struct Section {
        var heading: String?
        var level = 0
        var anchorAbove: String?
        var text = [String]()

        /// The heading without its `#`s, or "before the first heading".
        var name: String {
            heading.map { String($0.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) }
                ?? "before the first heading"
        }
    }

    /// A fenced block: the marker line above it, its info string and its body, and the
    /// index of the section it is in.
    struct Block {
        let marker: String?
        let info: String
        let body: String
        let section: Int

        /// Whether `other` is this block, in whatever section.
        func isSame(as other: Block) -> Bool { marker == other.marker && info == other.info && body == other.body }
    }

    /// The slug of a heading: lowercase; letters, digits, `-` and `_` kept; each space a `-`;
    /// everything else dropped. "Exercise 3.1 — the data" is `exercise-31--the-data`.
    static func slug(_ heading: String) -> String {
        let text = heading.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
        return String(text.compactMap { character -> Character? in
            if character.isLetter || character.isNumber || character == "-" || character == "_" { return character }
            return character == " " ? "-" : nil
        })
    }

    /// The sections and fenced blocks of a chapter.
    static func parse(_ text: String) -> (sections: [Section], blocks: [Block]) {
        let lines = text.components(separatedBy: "\n")
        var sections = [Section()]
        var blocks = [Block]()
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("```") {
                let previous = index > 0 ? lines[index - 1] : ""
                let marker = previous.hasPrefix("<!-- ") && previous.hasSuffix(" -->") ? previous : nil
                let end = lines[(index + 1)...].firstIndex(of: "```") ?? lines.count
                let body = lines[(index + 1) ..< end].joined(separator: "\n")
                blocks.append(Block(marker: marker, info: String(line.dropFirst(3)), body: body, section: sections.count - 1))
                sections[sections.count - 1].text.append(body)
                index = end + 1
                continue
            }
            if line.hasPrefix("#") {
                let previous = index > 0 ? lines[index - 1].trimmingCharacters(in: .whitespaces) : ""
                sections.append(Section(heading: line, level: line.prefix { $0 == "#" }.count,
                                        anchorAbove: anchor(in: previous)))
            } else {
                sections[sections.count - 1].text.append(line)
            }
            index += 1
        }
        return (sections, blocks)
    }

    /// The id of a line that is exactly `<a id="ID"></a>`.
    static func anchor(in line: String) -> String? {
        guard line.hasPrefix("<a id=\""), line.hasSuffix("\"></a>") else { return nil }
        let id = line.dropFirst("<a id=\"".count).dropLast("\"></a>".count)
        return id.contains("\"") ? nil : String(id)
    }

    /// The targets of the Markdown links `[text](target)` of a chapter, outside fenced blocks
    /// and inline code.
    static func links(in text: String) -> [String] {
        var targets = [String]()
        var inFence = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if inFence { continue }
            let prose = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
            var rest = Substring(prose)
            while let start = rest.range(of: "](") {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: ")") else { break }
                targets.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return targets
    }

    /// The anchors a link may name in a chapter: its `<a id="…"></a>` lines and the slugs of
    /// its headings (which GitHub makes into anchors).
    static func anchors(in text: String) -> Set<String> {
        let sections = parse(text).sections
        return Set(sections.compactMap(\.anchorAbove) + sections.compactMap(\.heading).map(slug))
    }

    private static let numberPattern = try! NSRegularExpression(
        pattern: "(?<![0-9])[0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?(?![0-9])|[0-9]+(?:\\.[0-9]+)*")

    /// The numbers in a text, thousands commas removed.
    static func numbers(in text: String) -> Set<String> {
        let range = NSRange(text.startIndex..., in: text)
        return Set(numberPattern.matches(in: text, range: range).map {
            String(text[Range($0.range, in: text)!]).replacingOccurrences(of: ",", with: "")
        })
    }

    /// Every way `chinese` (the file `chinesePath`) is out of step with `english`, one
    /// sentence each, naming the file and the section.
    static func problems(english: String, chinese: String, chinesePath: String) -> [String] {
        let (englishSections, englishBlocks) = parse(english)
        let (chineseSections, chineseBlocks) = parse(chinese)
        var problems = [String]()
        if englishSections.count != chineseSections.count {
            problems.append("\(chinesePath): \(englishSections.count - 1) headings in English, "
                + "\(chineseSections.count - 1) in Chinese")
        }
        for (index, (en, zh)) in zip(englishSections, chineseSections).enumerated() {
            let place = "\(chinesePath), section '\(en.name)'"
            if index > 0 {
                let wanted = slug(en.heading!)
                if zh.anchorAbove != wanted {
                    problems.append("\(place): the Chinese heading '\(zh.heading!)' needs <a id=\"\(wanted)\"></a> "
                        + "directly above it" + (zh.anchorAbove.map { " (it has id \"\($0)\")" } ?? ""))
                }
                if en.level != zh.level {
                    problems.append("\(place): level \(en.level) in English, \(zh.level) in Chinese")
                }
            }
            let missing = numbers(in: en.text.joined(separator: "\n") + (en.heading ?? ""))
                .subtracting(numbers(in: zh.text.joined(separator: "\n") + (zh.heading ?? "")))
            if !missing.isEmpty {
                let sorted = missing.sorted { (Double($0) ?? .infinity, $0) < (Double($1) ?? .infinity, $1) }
                problems.append("\(place): numbers missing: \(sorted.joined(separator: ", "))")
            }
        }
        if englishBlocks.count != chineseBlocks.count {
            problems.append("\(chinesePath): \(englishBlocks.count) fenced blocks in English, \(chineseBlocks.count) in Chinese")
        }
        for (index, (en, zh)) in zip(englishBlocks, chineseBlocks).enumerated() where !en.isSame(as: zh) {
            let what = en.marker ?? "no marker"
            let differs = en.marker != zh.marker ? "its marker line differs (\(zh.marker ?? "none") in Chinese)"
                : en.info != zh.info ? "its language differs" : "its text differs"
            problems.append("\(chinesePath), section '\(englishSections[en.section].name)': fenced block \(index + 1) (\(what)) "
                + "is not the English one: \(differs)")
        }
        return problems
    }
}
