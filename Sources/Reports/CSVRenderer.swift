import Foundation

/// Renders a `Table` as CSV (RFC 4180: fields with comma, quote or newline are quoted,
/// quotes doubled). Title and notes are not part of CSV output.
public struct CSVRenderer: Sendable {
    public init() {}

    public func render(_ table: Table) -> String {
        var out = table.columns.map { Self.field($0.header) }.joined(separator: ",") + "\n"
        for row in table.rows { out += row.map(Self.field).joined(separator: ",") + "\n" }
        return out
    }

    /// One CSV field, quoted when needed.
    public static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
