/// A small RFC 4180 CSV parser for text files and header lines: quoted fields (with `""` for a
/// quote, commas and line breaks allowed inside quotes), CRLF or LF, optional UTF-8 byte-order
/// mark. Used for `sectors.csv` and header lines; numeric bodies go through `NumericCSVReader`.
public enum CSVText {
    /// One record and the 1-based physical line it starts on.
    public struct Record: Equatable, Sendable {
        public var line: Int
        public var fields: [String]
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        /// A quoted field that is never closed, starting on `line`.
        case unterminatedQuote(line: Int)
        /// Text right after a closing quote, e.g. `"a"b`, at (line, field), 1-based.
        case textAfterQuote(line: Int, field: Int)
        /// The bytes are not UTF-8 (they look like GBK or UTF-16) from `line` on.
        case notUTF8(line: Int, problem: TextEncoding.Problem)
        /// Lines end with a lone carriage return (old Mac style): the file would be one line.
        case carriageReturnLineEndings

        public var description: String {
            switch self {
            case let .unterminatedQuote(line): return "line \(line): a quoted field is never closed"
            case let .textAfterQuote(line, field): return "line \(line), field \(field): text after a closing quote"
            case let .notUTF8(line, problem): return "line \(line): not UTF-8 text (it looks like \(problem.looksLike)); convert it with iconv -f \(problem == .utf16 ? "UTF-16" : "GBK") -t UTF-8"
            case .carriageReturnLineEndings: return "lines end with a carriage return only (old Mac style); save it with LF or CRLF line endings"
            }
        }

        /// The whole message for `file`: the encoding problem with the iconv command naming it.
        public func message(file: String) -> String {
            if case let .notUTF8(line, problem) = self { return problem.message(file: file, line: line) }
            return "\(file): \(description)"
        }
    }

    /// `ParseError.notUTF8` or `.carriageReturnLineEndings` for `input`, else nil.
    public static func encodingProblem(_ input: [UInt8], firstLine: Int = 1) -> ParseError? {
        let bytes = input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
        return bytes.withUnsafeBufferPointer { b -> ParseError? in
            if let (problem, offset) = TextEncoding.problem(in: b, atStart: firstLine == 1) {
                return .notUTF8(line: TextEncoding.line(of: offset, in: b, firstLine: firstLine), problem: problem)
            }
            if b.contains(UInt8(ascii: "\r")) && !b.contains(UInt8(ascii: "\n")) && b.count(where: { $0 == UInt8(ascii: "\r") }) > 1 {
                return .carriageReturnLineEndings
            }
            return nil
        }
    }

    /// Parses all records of `input`; blank lines are skipped. `firstLine` is the physical line
    /// number of the first byte (1 for a whole file).
    public static func parse(_ input: [UInt8], firstLine: Int = 1) throws(ParseError) -> [Record] {
        if let problem = encodingProblem(input, firstLine: firstLine) { throw problem }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"),
            cr = UInt8(ascii: "\r")
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = firstLine
        var recordLine = firstLine
        var i = bytes.startIndex
        let end = bytes.endIndex
        // True once the current record has any content (so that `,` alone is two empty fields
        // and an empty line is skipped).
        var recordStarted = false
        func finishRecord() {
            if recordStarted {
                fields.append(String(decoding: field, as: UTF8.self))
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = []
            recordStarted = false
        }
        while i < end {
            let c = bytes[i]
            if c == quote && field.isEmpty {
                // Quoted field.
                recordStarted = true
                let startLine = line
                i += 1
                var closed = false
                while i < end {
                    let q = bytes[i]
                    if q == quote {
                        if i + 1 < end && bytes[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if q == lf { line += 1 }
                    field.append(q)
                    i += 1
                }
                if !closed { throw .unterminatedQuote(line: startLine) }
                // Only spaces may follow before the delimiter.
                while i < end && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")) { i += 1 }
                if i < end && bytes[i] != comma && bytes[i] != lf && bytes[i] != cr {
                    throw .textAfterQuote(line: line, field: fields.count + 1)
                }
                if i < end && bytes[i] == cr { i += 1 }
                if i < end && bytes[i] == comma {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field = []
                    i += 1
                } else if i < end && bytes[i] == lf {
                    finishRecord()
                    i += 1
                    line += 1
                    recordLine = line
                } else if i >= end {
                    break
                }
                // A quoted field that ended with an empty field just written marks the record.
                continue
            }
            switch c {
            case comma:
                recordStarted = true
                fields.append(String(decoding: field, as: UTF8.self))
                field = []
            case lf:
                if field.last == cr { field.removeLast() }
                finishRecord()
                line += 1
                recordLine = line
            default:
                if !(c == cr && field.isEmpty && fields.isEmpty && !recordStarted) {
                    recordStarted = true
                    field.append(c)
                }
            }
            i += 1
        }
        if field.last == cr { field.removeLast() }
        finishRecord()
        return records
    }
}
