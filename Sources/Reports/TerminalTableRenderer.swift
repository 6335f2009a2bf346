/// Renders a `Table` for a terminal with columns aligned by display width, so Chinese
/// (double-width) names line up with ASCII text.
public struct TerminalTableRenderer: Sendable {
    /// Longest cell in display cells before it is cut with "…".
    public var maxCellWidth: Int

    public init(maxCellWidth: Int = 56) { self.maxCellWidth = maxCellWidth }

    public func render(_ table: Table) -> String {
        let headers = table.columns.map { DisplayWidth.truncate($0.header, to: maxCellWidth) }
        let body = table.rows.map { $0.map { DisplayWidth.truncate($0, to: maxCellWidth) } }
        var widths = headers.map(DisplayWidth.of)
        for row in body {
            for (j, cell) in row.enumerated() where j < widths.count {
                widths[j] = max(widths[j], DisplayWidth.of(cell))
            }
        }
        var out = ""
        if let title = table.title { out += title + "\n" }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (j, w) in widths.enumerated() {
                let cell = j < cells.count ? cells[j] : ""
                parts.append(DisplayWidth.pad(cell, to: w, alignment: table.columns[j].alignment))
            }
            return parts.joined(separator: "  ").trailingSpacesRemoved + "\n"
        }
        out += line(headers)
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in body { out += line(row) }
        for note in table.notes { out += note + "\n" }
        return out
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
