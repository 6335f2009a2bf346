/// Every text file BinhaiSim reads is UTF-8 (a byte-order mark allowed). A CSV saved by Chinese
/// Excel on Windows is usually GBK (GB18030), one saved as "Unicode text" UTF-16: read as UTF-8,
/// their labels would come out garbled and two different Chinese codes could even decode to the
/// same string. So a file that is not UTF-8 is refused with what it looks like and the command
/// that converts it.
public enum TextEncoding {
    /// Why bytes are not UTF-8.
    public enum Problem: Sendable, Equatable {
        /// A UTF-16 byte-order mark, or the zero bytes of UTF-16 text.
        case utf16
        /// Invalid UTF-8 whose high bytes pair up as GBK/GB18030 double-byte characters.
        case gbk
        /// Invalid UTF-8 of no encoding recognised.
        case unknown

        /// "GBK (GB18030, the encoding of Chinese Windows and Excel)", …
        public var looksLike: String {
            switch self {
            case .utf16: return "UTF-16 (\"Unicode text\")"
            case .gbk: return "GBK (GB18030, the encoding of Chinese Windows and Excel)"
            case .unknown: return "another encoding"
            }
        }

        /// The iconv name of the encoding.
        var iconvName: String {
            switch self {
            case .utf16: return "UTF-16"
            case .gbk, .unknown: return "GBK"
            }
        }

        /// The whole message for `file`, with the conversion command.
        public func message(file: String, line: Int) -> String {
            "\(file) is not UTF-8 text (line \(line) looks like \(looksLike)); convert it with: iconv -f \(iconvName) -t UTF-8 '\(file)' > converted.csv"
        }
    }

    /// The problem with `bytes` (the whole file or a run of whole lines), or nil when they are
    /// UTF-8. `atStart`: the bytes begin the file (checks for a UTF-16 byte-order mark). Returns
    /// the offset of the first bad byte too.
    public static func problem(in bytes: UnsafeBufferPointer<UInt8>, atStart: Bool) -> (problem: Problem, offset: Int)? {
        let n = bytes.count
        if atStart && n >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            return (.utf16, 0)
        }
        // Fast path: plain ASCII without zero bytes (every number-only table).
        var i = 0
        var allASCII = true
        while i + 8 <= n {
            let w = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
            // A zero byte or a high bit anywhere in the word.
            if w & 0x8080_8080_8080_8080 != 0 || (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0 {
                allASCII = false
                break
            }
            i += 8
        }
        if allASCII {
            while i < n {
                if bytes[i] >= 0x80 || bytes[i] == 0 { allASCII = false; break }
                i += 1
            }
            if allASCII { return nil }
        }
        guard let bad = firstInvalidUTF8(bytes) else { return nil }
        return (classify(bytes), bad)
    }

    /// `problem(in:atStart:)` for an array.
    public static func problem(in bytes: [UInt8], atStart: Bool = true) -> (problem: Problem, offset: Int)? {
        bytes.withUnsafeBufferPointer { problem(in: $0, atStart: atStart) }
    }

    /// The 1-based line of `offset` in `bytes`, counting from `firstLine`.
    public static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) -> Int {
        var line = firstLine
        for k in 0..<min(offset, bytes.count) where bytes[k] == UInt8(ascii: "\n") { line += 1 }
        return line
    }

    /// Offset of the first byte that breaks UTF-8 (or a zero byte, which no text file has).
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c == 0 { return i }
            if c < 0x80 { i += 1; continue }
            let len: Int
            let lower: UInt8, upper: UInt8  // bounds of the second byte (overlongs, surrogates)
            switch c {
            case 0xC2...0xDF: len = 2; lower = 0x80; upper = 0xBF
            case 0xE0: len = 3; lower = 0xA0; upper = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: len = 3; lower = 0x80; upper = 0xBF
            case 0xED: len = 3; lower = 0x80; upper = 0x9F
            case 0xF0: len = 4; lower = 0x90; upper = 0xBF
            case 0xF1...0xF3: len = 4; lower = 0x80; upper = 0xBF
            case 0xF4: len = 4; lower = 0x80; upper = 0x8F
            default: return i
            }
            guard i + len <= n, (lower...upper).contains(b[i + 1]) else { return i }
            for k in 2..<len where !(0x80...0xBF).contains(b[i + k]) { return i }
            i += len
        }
        return nil
    }

    /// What non-UTF-8 bytes look like: zero bytes between ASCII → UTF-16; high bytes that pair
    /// as GBK lead (0x81–0xFE) and trail (0x40–0xFE, not 0x7F) bytes → GBK.
    static func classify(_ b: UnsafeBufferPointer<UInt8>) -> Problem {
        let sample = min(b.count, 1 << 16)
        var zeros = 0
        for k in 0..<sample where b[k] == 0 { zeros += 1 }
        if zeros * 8 > sample { return .utf16 }
        var pairs = 0, strays = 0, i = 0
        while i < sample {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            if (0x81...0xFE).contains(c), i + 1 < b.count, (0x40...0xFE).contains(b[i + 1]), b[i + 1] != 0x7F {
                pairs += 1
                i += 2
            } else {
                strays += 1
                i += 1
            }
        }
        return pairs > 0 && strays * 10 <= pairs ? .gbk : .unknown
    }
}
