/// Terminal display width of text, so that tables with Chinese sector names line up.
///
/// East Asian Wide and Fullwidth characters (CJK ideographs, kana, Hangul, fullwidth forms,
/// CJK punctuation) take two terminal cells; combining marks and zero-width characters take
/// none; everything else takes one. Ranges follow Unicode's EastAsianWidth.txt (W and F classes)
/// for the blocks that occur in practice.
public enum DisplayWidth {
    /// Number of terminal cells `text` occupies.
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    /// Number of terminal cells one scalar occupies (0, 1 or 2).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    private static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A,
            0x064B...0x065F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064,
            0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0xFEFF:
            return true
        default:
            return false
        }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,  // Hangul Jamo initials
            0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols & punctuation
            0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compat., Kanbun, CJK strokes, enclosed
            0x3400...0x4DBF,  // CJK Extension A
            0x4E00...0x9FFF,  // CJK Unified Ideographs
            0xA000...0xA4CF,  // Yi
            0xAC00...0xD7A3,  // Hangul syllables
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFE10...0xFE19,  // vertical forms
            0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
            0xFF00...0xFF60,  // fullwidth forms
            0xFFE0...0xFFE6,  // fullwidth signs
            0x1F300...0x1F64F, 0x1F900...0x1F9FF,  // emoji commonly rendered wide
            0x20000...0x2FFFD, 0x30000...0x3FFFD:  // CJK Extensions B–H
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `maxWidth` cells, ending in "…" when cut.
    public static func truncate(_ text: String, to maxWidth: Int) -> String {
        if of(text) <= maxWidth { return text }
        guard maxWidth > 1 else { return maxWidth == 1 ? "…" : "" }
        var out = ""
        var w = 0
        for ch in text {
            let cw = of(String(ch))
            if w + cw > maxWidth - 1 { break }
            out.append(ch)
            w += cw
        }
        return out + "…"
    }

    /// `text` padded with spaces to `width` cells, on the right (`.left`) or left (`.right`).
    public static func pad(_ text: String, to width: Int, alignment: ColumnAlignment) -> String {
        let fill = max(0, width - of(text))
        let spaces = String(repeating: " ", count: fill)
        return alignment == .left ? text + spaces : spaces + text
    }
}

/// Horizontal alignment of a table column.
public enum ColumnAlignment: Sendable {
    case left, right
}
