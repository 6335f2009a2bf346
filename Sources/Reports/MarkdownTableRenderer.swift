import Foundation

/// Renders a `Table` as a GitHub-flavoured Markdown table (pipes in cells escaped).
public struct MarkdownTableRenderer: Sendable {
    public init() {}

    public func render(_ table: Table) -> String {
        var out = ""
        if let title = table.title { out += "### \(escape(title))\n\n" }
        out += "| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.alignment == .right ? " ---: " : " --- " }.joined(separator: "|") + "|\n"
        for row in table.rows {
            out += "| " + row.map(escape).joined(separator: " | ") + " |\n"
        }
        if !table.notes.isEmpty {
            out += "\n"
            for note in table.notes { out += "\(escape(note))\n\n" }
        }
        return out
    }

    private func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
