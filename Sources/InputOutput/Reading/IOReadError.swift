/// Where in a file a problem was found. Lines and columns are 1-based and count physical lines
/// (the header is line 1) and CSV fields (the label column is column 1).
public struct FileLocation: Equatable, Sendable, CustomStringConvertible {
    /// Path of the file as it was opened.
    public var file: String
    /// 1-based line, when the problem belongs to one line.
    public var line: Int?
    /// 1-based CSV field, when the problem belongs to one cell.
    public var column: Int?
    /// The header label of `column`, when there is one.
    public var columnLabel: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, columnLabel: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.columnLabel = columnLabel
    }

    /// `file, line 5, column 12 ('10')`.
    public var description: String {
        var s = file
        if let line { s += ", line \(line)" }
        if let column {
            s += ", column \(column)"
            if let columnLabel { s += " ('\(columnLabel)')" }
        }
        return s
    }
}

/// A problem in an input-output folder or one of its CSV files. Every case says which file,
/// and where it can, which line and column, and what was expected; `description` is written
/// for the person who has to fix the file.
public enum IOReadError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder does not exist (or is not a folder).
    case missingFolder(path: String)
    /// A required file (`Z.csv`, `Y.csv`) is not in the folder.
    case missingFile(path: String)
    /// The file exists but could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The file holds no bytes (or only a byte-order mark and blank lines).
    case emptyFile(path: String)
    /// The file has a header line but no data rows.
    case noDataRows(path: String)
    /// The header line cannot be used (too few fields, unterminated quote, …).
    case badHeader(FileLocation, reason: String)
    /// A row with a different number of fields from the header.
    case raggedRow(FileLocation, expectedFields: Int, foundFields: Int)
    /// A cell that should hold a number is empty.
    case emptyCell(FileLocation)
    /// A cell that should hold a number holds something else (`cell` is its text).
    case nonNumericCell(FileLocation, cell: String)
    /// A cell holds NaN, infinity, or a number too large for a `Double`.
    case nonFiniteCell(FileLocation, cell: String)
    /// The same label appears twice where labels must be unique.
    case duplicateLabel(FileLocation, label: String)
    /// A label differs from the one required at that position. `reference` says where the
    /// expected label comes from, e.g. "column 5 of Z.csv".
    case labelMismatch(FileLocation, found: String, expected: String, reference: String)
    /// A table has the wrong number of data rows.
    case rowCountMismatch(path: String, found: Int, expected: Int, reference: String)
    /// A table has the wrong number of numeric columns.
    case columnCountMismatch(path: String, found: Int, expected: Int, reference: String)
    /// Gross output of a sector is negative.
    case negativeGrossOutput(FileLocation, sector: String, value: Double)
    /// Gross output of a sector is zero although the sector buys or sells intermediate inputs
    /// or uses factor inputs, so its coefficients would divide by zero.
    case zeroGrossOutputWithFlows(FileLocation, sector: String)
    /// A row names a sector code that is not in `Z.csv`.
    case unknownSector(FileLocation, code: String)
    /// The file is not UTF-8 text (it looks like GBK or UTF-16) from `line` on.
    case notUTF8(path: String, line: Int, problem: TextEncoding.Problem)
    /// A quoted label that is never closed, or text after its closing quote.
    case badQuote(FileLocation, reason: String)
    /// Lines end with a lone carriage return (old Mac style), so the file reads as one line.
    case carriageReturnLineEndings(path: String)

    public var description: String {
        switch self {
        case let .missingFolder(path):
            return "\(path): folder not found (an input-output folder holds Z.csv, Y.csv and optionally F.csv, x.csv, sectors.csv)"
        case let .missingFile(path):
            return "\(path): file not found (an input-output folder needs Z.csv and Y.csv)"
        case let .unreadable(path, reason):
            return "\(path): cannot read the file: \(reason)"
        case let .emptyFile(path):
            return "\(path): the file is empty; expected a header line 'code,<labels…>' and data rows"
        case let .noDataRows(path):
            return "\(path): the file has a header line but no data rows"
        case let .badHeader(loc, reason):
            return "\(loc): bad header: \(reason)"
        case let .raggedRow(loc, expected, found):
            return "\(loc): ragged row: expected \(expected) fields like the header, found \(found)"
        case let .emptyCell(loc):
            return "\(loc): empty cell; expected a number (write 0 for no flow)"
        case let .nonNumericCell(loc, cell):
            return "\(loc): non-numeric cell \"\(cell)\"; expected a decimal number such as 1234.5 or 1.2e6"
        case let .nonFiniteCell(loc, cell):
            return "\(loc): non-finite value \"\(cell)\"; NaN and infinity are not allowed"
        case let .duplicateLabel(loc, label):
            return "\(loc): duplicate label '\(label)'; sector and column labels must be unique"
        case let .labelMismatch(loc, found, expected, reference):
            return "\(loc): label '\(found)' differs from '\(expected)' in \(reference); the sectors must be listed in the same order everywhere"
        case let .rowCountMismatch(path, found, expected, reference):
            return "\(path): \(found) data rows, expected \(expected) (\(reference))"
        case let .columnCountMismatch(path, found, expected, reference):
            return "\(path): \(found) numeric columns, expected \(expected) (\(reference))"
        case let .negativeGrossOutput(loc, sector, value):
            return "\(loc): gross output of sector '\(sector)' is negative (\(value)); expected x ≥ 0"
        case let .zeroGrossOutputWithFlows(loc, sector):
            return "\(loc): gross output of sector '\(sector)' is 0 but the sector has intermediate or factor flows; coefficients would divide by zero (a sector with x = 0 must have an all-zero row and column in Z and column in F)"
        case let .unknownSector(loc, code):
            return "\(loc): unknown sector code '\(code)'; codes must be those of Z.csv"
        case let .notUTF8(path, line, problem):
            return problem.message(file: path, line: line)
        case let .badQuote(loc, reason):
            return "\(loc): \(reason)"
        case let .carriageReturnLineEndings(path):
            return "\(path): lines end with a carriage return only (old Mac style); save the file with LF or CRLF line endings"
        }
    }
}
