import LibC

/// Fast parsing of one data line: a label field, then `count` numbers.
enum CSVLineParser {
    static let comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"),
        quote = UInt8(ascii: "\""), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    @inline(__always)
    static func isDelimiter(_ c: UInt8) -> Bool { c == comma || c == cr || c == lf }

    /// The text of a cell starting at `p`, up to the next delimiter (for error messages).
    static func cellText(_ p: UnsafeMutablePointer<UInt8>) -> String {
        var q = p
        var n = 0
        while !isDelimiter(q.pointee) && n < 200 { q += 1; n += 1 }
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// Number of fields from `p` (just after a comma or at a line start) to the line end,
    /// counting quoted fields as one.
    static func countFields(from p: UnsafeMutablePointer<UInt8>) -> Int {
        var q = p
        var n = 1
        var inQuotes = false
        while true {
            let c = q.pointee
            if c == lf || (c == cr && !inQuotes) { return n }
            if c == quote { inQuotes.toggle() }
            if c == comma && !inQuotes { n += 1 }
            q += 1
        }
    }

    /// Parses the line `[start, end)` of `base` (the byte at `end` is `\r` or `\n`): returns
    /// the label and writes `count` numbers to `out`, or returns a failure. Numbers are read
    /// with `DecimalParser` (results identical to `strtod`'s in the C locale; its rare `strtod`
    /// fallback sets the C numeric locale itself).
    /// `end` (when given) points at the line's last byte, its `\r` or `\n`: numbers may then be
    /// read a word at a time up to it.
    static func parseLine(
        _ start: UnsafeMutablePointer<UInt8>, count: Int, into out: UnsafeMutablePointer<Double>,
        end: UnsafeMutablePointer<UInt8>? = nil
    ) -> (label: String, failure: RowFailure?) {
        let readable = UnsafePointer(end.map { $0 + 1 } ?? start)
        var p = start
        // Label field (quoted or not), trimmed of spaces.
        let label: String
        if p.pointee == quote {
            var bytes: [UInt8] = []
            p += 1
            while true {
                let c = p.pointee
                if c == quote {
                    if p[1] == quote { bytes.append(quote); p += 2; continue }
                    p += 1
                    break
                }
                if c == lf || c == cr {
                    return (String(decoding: bytes, as: UTF8.self),
                            RowFailure(kind: .badLabel, field: 1, cell: cellText(start)))
                }
                bytes.append(c)
                p += 1
            }
            while p.pointee == space || p.pointee == tab { p += 1 }
            label = String(decoding: bytes, as: UTF8.self)
            if !isDelimiter(p.pointee) {
                return (label, RowFailure(kind: .badLabel, field: 1, cell: cellText(start)))
            }
        } else {
            while !isDelimiter(p.pointee) { p += 1 }
            var a = start, b = p
            while a < b && (a.pointee == space || a.pointee == tab) { a += 1 }
            while b > a && (b[-1] == space || b[-1] == tab) { b -= 1 }
            label = String(decoding: UnsafeBufferPointer(start: a, count: a.distance(to: b)), as: UTF8.self)
        }
        for j in 0..<count {
            guard p.pointee == comma else {
                return (label, RowFailure(kind: .ragged(foundFields: j + 1), field: j + 2, cell: ""))
            }
            p += 1
            let field = j + 2
            let fieldStart = p
            var q = p
            while q.pointee == space || q.pointee == tab { q += 1 }
            var quoted = false
            if q.pointee == quote { quoted = true; q += 1 }
            if isDelimiter(q.pointee) || (quoted && q.pointee == quote) {
                return (label, RowFailure(kind: .empty, field: field, cell: ""))
            }
            var s = q
            if s.pointee == UInt8(ascii: "+") || s.pointee == UInt8(ascii: "-") { s += 1 }
            let d = s.pointee
            let digitStart = (d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9")) || d == UInt8(ascii: ".")
            if !digitStart {
                let text = cellText(fieldStart)
                var word = text.lowercased().filter { $0 != " " && $0 != "\t" && $0 != "\"" }
                if word.hasPrefix("+") || word.hasPrefix("-") { word.removeFirst() }
                let kind: RowFailure.Kind =
                    ["nan", "inf", "infinity", "na", "#n/a", "#num!", "#div/0!"].contains(word)
                    ? .nonFinite : .nonNumeric
                return (label, RowFailure(kind: kind, field: field, cell: text))
            }
            if d == UInt8(ascii: "0") && (s[1] == UInt8(ascii: "x") || s[1] == UInt8(ascii: "X")) {
                return (label, RowFailure(kind: .nonNumeric, field: field, cell: cellText(fieldStart)))
            }
            // Same result and end as `strtod` (hex was excluded above), without its slow path.
            guard let (v, end) = DecimalParser.parse(q, readableUpTo: readable) else {
                return (label, RowFailure(kind: .nonNumeric, field: field, cell: cellText(fieldStart)))
            }
            var r = UnsafeMutablePointer(mutating: end)
            if quoted {
                if r.pointee != quote {
                    return (label, RowFailure(kind: .nonNumeric, field: field, cell: cellText(fieldStart)))
                }
                r += 1
            }
            while r.pointee == space || r.pointee == tab { r += 1 }
            if !isDelimiter(r.pointee) {
                return (label, RowFailure(kind: .nonNumeric, field: field, cell: cellText(fieldStart)))
            }
            if !v.isFinite {
                return (label, RowFailure(kind: .nonFinite, field: field, cell: cellText(fieldStart)))
            }
            out[j] = v
            p = r
        }
        if p.pointee == comma {
            return (label, RowFailure(kind: .ragged(foundFields: count + 1 + countFields(from: p + 1)),
                                      field: count + 2, cell: ""))
        }
        return (label, nil)
    }
}
