/// A labelled table of already-formatted cells: the one shape every text renderer
/// (terminal, Markdown, CSV) understands. Numbers are formatted by the caller so that each
/// renderer shows the same digits.
public struct Table: Sendable {
    /// One column: header text and alignment (numbers right, text left).
    public struct Column: Sendable {
        public var header: String
        public var alignment: ColumnAlignment
        public init(_ header: String, alignment: ColumnAlignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    /// Optional title shown above the table.
    public var title: String?
    public var columns: [Column]
    /// Rows of cells; each row has `columns.count` cells.
    public var rows: [[String]]
    /// Notes shown under the table (units, conventions, sources).
    public var notes: [String]

    public init(title: String? = nil, columns: [Column], rows: [[String]] = [], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// Append a row; short rows are padded with empty cells, long rows cut.
    public mutating func append(_ row: [String]) {
        var r = Array(row.prefix(columns.count))
        while r.count < columns.count { r.append("") }
        rows.append(r)
    }
}
