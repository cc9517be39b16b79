/// How many columns a terminal gives text: two for a wide or fullwidth character
/// (Chinese, Japanese and Korean characters, fullwidth punctuation such as `，` and `：`,
/// and emoji), none for a combining mark or an escape code from ``Style``, one for
/// everything else.
///
/// The ranges are Unicode's East Asian Width classes W and F (UAX #11), which is what
/// terminals use; characters of class A ("ambiguous", such as `·`, `—`, `✔`) count as
/// one column, as terminals show them outside East Asian locales.
public func displayWidth(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
        if inEscape {
            if scalar == "m" { inEscape = false }
        } else if scalar == "\u{1B}" {
            inEscape = true
        } else {
            width += columns(of: scalar)
        }
    }
    return width
}

/// The columns one scalar takes: 0, 1 or 2.
func columns(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value == 0x200B || value == 0x200D || (0xFE00 ... 0xFE0F).contains(value) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    default: break
    }
    return wideRanges.contains { $0.contains(value) } ? 2 : 1
}

/// East Asian Wide (W) and Fullwidth (F) blocks.
private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100 ... 0x115F,    // Hangul Jamo initials
    0x231A ... 0x231B, 0x23E9 ... 0x23EC, 0x23F0 ... 0x23F0, 0x23F3 ... 0x23F3,
    0x25FD ... 0x25FE, 0x2614 ... 0x2615, 0x2648 ... 0x2653, 0x267F ... 0x267F, 0x2693 ... 0x2693,
    0x26A1 ... 0x26A1, 0x26AA ... 0x26AB, 0x26BD ... 0x26BE, 0x26C4 ... 0x26C5, 0x26CE ... 0x26CE,
    0x26D4 ... 0x26D4, 0x26EA ... 0x26EA, 0x26F2 ... 0x26F3, 0x26F5 ... 0x26F5, 0x26FA ... 0x26FA,
    0x26FD ... 0x26FD, 0x2705 ... 0x2705, 0x270A ... 0x270B, 0x2728 ... 0x2728, 0x274C ... 0x274C,
    0x274E ... 0x274E, 0x2753 ... 0x2755, 0x2757 ... 0x2757, 0x2795 ... 0x2797, 0x27B0 ... 0x27B0,
    0x27BF ... 0x27BF, 0x2B1B ... 0x2B1C, 0x2B50 ... 0x2B50, 0x2B55 ... 0x2B55,
    0x2E80 ... 0x303E,    // CJK radicals, ideographic description, CJK symbols and punctuation
    0x3041 ... 0x33FF,    // kana, bopomofo, Hangul compatibility, CJK compatibility
    0x3400 ... 0x4DBF,    // CJK extension A
    0x4E00 ... 0x9FFF,    // CJK unified ideographs
    0xA000 ... 0xA4CF,    // Yi
    0xA960 ... 0xA97F,    // Hangul Jamo extended A
    0xAC00 ... 0xD7A3,    // Hangul syllables
    0xF900 ... 0xFAFF,    // CJK compatibility ideographs
    0xFE10 ... 0xFE19,    // vertical forms
    0xFE30 ... 0xFE6F,    // CJK compatibility forms, small form variants
    0xFF00 ... 0xFF60,    // fullwidth forms
    0xFFE0 ... 0xFFE6,    // fullwidth signs
    0x16FE0 ... 0x18AFF,  // Tangut and friends
    0x1B000 ... 0x1B2FF,  // kana supplement, Nushu
    0x1F004 ... 0x1F004, 0x1F0CF ... 0x1F0CF, 0x1F18E ... 0x1F18E, 0x1F191 ... 0x1F19A,
    0x1F200 ... 0x1F251,  // enclosed ideographic supplement
    0x1F300 ... 0x1F64F,  // pictographs and emoticons (most are wide)
    0x1F680 ... 0x1F6FF,  // transport and map symbols
    0x1F7E0 ... 0x1F7EB,
    0x1F900 ... 0x1F9FF,  // supplemental symbols and pictographs
    0x1FA70 ... 0x1FAFF,
    0x20000 ... 0x2FFFD,  // CJK extensions B–F
    0x30000 ... 0x3FFFD,  // CJK extension G and later
]

extension String {
    /// This text cut to at most `columns` terminal columns (by ``displayWidth(_:)``),
    /// with `…` at the end when it was cut.
    public func truncated(toColumns columns: Int) -> String {
        guard displayWidth(self) > columns else { return self }
        var kept = ""
        var width = 0
        for character in self {
            let next = displayWidth(String(character))
            if width + next > columns - 1 { break }
            kept.append(character)
            width += next
        }
        return kept + "…"
    }
}
