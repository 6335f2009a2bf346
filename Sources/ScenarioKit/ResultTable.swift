/// One cell of a module's result table. Modules never format numbers: renderers do.
public enum ResultCell: Sendable, Equatable, Codable {
    /// A number in the column's unit (e.g. 亿元); renderers format it.
    case number(Double)
    /// Text in Chinese and English.
    case text(LocalizedText)
    /// Mean and P10/P50/P90 over the Monte Carlo draws.
    case quantiles(QuantileSummary)
    /// No value (an empty cell).
    case empty
}

/// A column: header and unit (e.g. "亿元", "jobs", "" for ratios).
public struct ResultColumn: Sendable, Equatable, Codable {
    /// Column header in Chinese and English.
    public var header: LocalizedText
    /// Unit of the column's numbers, e.g. "亿元", "jobs"; "" for ratios; nil when none is given.
    public var unit: String?
    /// Decimals renderers show for this column's numbers (nil: chosen from the magnitude).
    /// CSV and JSON always carry full precision.
    public var decimals: Int?

    /// A column with `header`, optional `unit` and `decimals` (nil: chosen from the magnitude).
    public init(_ header: LocalizedText, unit: String? = nil, decimals: Int? = nil) {
        self.header = header
        self.unit = unit
        self.decimals = decimals
    }
}

/// A row: its label (a year, a sector, an industry…) and one cell per column.
public struct ResultRow: Sendable, Equatable, Codable {
    /// Row label in Chinese and English, e.g. a year or an industry name.
    public var label: LocalizedText
    /// One cell per column, in column order.
    public var cells: [ResultCell]

    /// A row labelled `label` with `cells` (one per column).
    public init(_ label: LocalizedText, _ cells: [ResultCell]) {
        self.label = label
        self.cells = cells
    }
}

/// A labelled table a module adds to the results: every renderer (terminal, Markdown, CSV,
/// JSON, XLSX, HTML) understands it.
public struct ResultTable: Sendable, Equatable, Codable {
    /// Stable identifier, e.g. `industry-chain.impact-by-year` (JSON key, file names).
    public var id: String
    /// Table title in Chinese and English.
    public var title: LocalizedText
    /// Header of the label column, e.g. "year" / "年份".
    public var rowHeader: LocalizedText
    /// The value columns (not the label column, whose header is `rowHeader`).
    public var columns: [ResultColumn]
    /// The rows in display order, each with one cell per column.
    public var rows: [ResultRow]
    /// Units, conventions, sources, reasoning.
    public var notes: [LocalizedText]

    /// A table from its parts (rows and notes default to none).
    public init(
        id: String, title: LocalizedText, rowHeader: LocalizedText, columns: [ResultColumn],
        rows: [ResultRow] = [], notes: [LocalizedText] = []
    ) {
        self.id = id
        self.title = title
        self.rowHeader = rowHeader
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}

/// The tables the modules of a scenario produced, in the order they were added.
public struct ResultSet: Sendable, Equatable {
    /// The tables in the order they were added.
    public var tables: [ResultTable]

    /// A result set holding `tables` (default: none).
    public init(tables: [ResultTable] = []) { self.tables = tables }

    /// Append `table` at the end (ids are not checked here).
    public mutating func add(_ table: ResultTable) { tables.append(table) }
}
