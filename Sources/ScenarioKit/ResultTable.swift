/// One cell of a module's result table. Modules never format numbers: renderers do.
public enum ResultCell: Sendable, Equatable {
    case number(Double)
    case text(LocalizedText)
    /// Mean and P10/P50/P90 over the Monte Carlo draws.
    case quantiles(QuantileSummary)
    case empty
}

/// A column: header and unit (e.g. "亿元", "jobs", "" for ratios).
public struct ResultColumn: Sendable, Equatable {
    public var header: LocalizedText
    public var unit: String?
    /// Decimals renderers show for this column's numbers (nil: chosen from the magnitude).
    /// CSV and JSON always carry full precision.
    public var decimals: Int?

    public init(_ header: LocalizedText, unit: String? = nil, decimals: Int? = nil) {
        self.header = header
        self.unit = unit
        self.decimals = decimals
    }
}

/// A row: its label (a year, a sector, an industry…) and one cell per column.
public struct ResultRow: Sendable, Equatable {
    public var label: LocalizedText
    public var cells: [ResultCell]

    public init(_ label: LocalizedText, _ cells: [ResultCell]) {
        self.label = label
        self.cells = cells
    }
}

/// A labelled table a module adds to the results: every renderer (terminal, Markdown, CSV,
/// JSON, XLSX, HTML) understands it.
public struct ResultTable: Sendable, Equatable {
    /// Stable identifier, e.g. `industry-chain.impact-by-year` (JSON key, file names).
    public var id: String
    public var title: LocalizedText
    /// Header of the label column, e.g. "year" / "年份".
    public var rowHeader: LocalizedText
    public var columns: [ResultColumn]
    public var rows: [ResultRow]
    /// Units, conventions, sources, reasoning.
    public var notes: [LocalizedText]

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
    public var tables: [ResultTable]

    public init(tables: [ResultTable] = []) { self.tables = tables }

    public mutating func add(_ table: ResultTable) { tables.append(table) }
}
