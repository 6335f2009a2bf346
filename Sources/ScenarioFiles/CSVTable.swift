import Foundation
import InputOutput

/// A small text table read from a CSV file with a header row, for dataset files such as
/// `history.csv`. Every cell keeps its line and column so errors point at it.
public struct CSVTable {
    public struct Row {
        public let line: Int
        let cells: [String: (column: Int, text: String)]
        let file: String

        /// The text of `column`, or an error naming the file, line and column header.
        public func text(_ column: String) throws -> String {
            guard let c = cells[column] else {
                throw ScenarioFileError(
                    location: SourceLocation(file: file, line: line, column: 1), keyPath: column,
                    message: "missing value in column \"\(column)\"")
            }
            return c.text
        }

        /// Optional text (nil when the column is absent or the cell empty).
        public func optionalText(_ column: String) -> String? {
            guard let c = cells[column], !c.text.isEmpty else { return nil }
            return c.text
        }

        /// A number from `column`.
        public func number(_ column: String) throws -> Double {
            let t = try text(column)
            guard let v = Double(t.trimmingCharacters(in: .whitespaces)), v.isFinite else {
                throw ScenarioFileError(
                    location: SourceLocation(file: file, line: line, column: cells[column]?.column ?? 1),
                    keyPath: column, message: "expected a number, got \"\(t)\"")
            }
            return v
        }

        /// An error located at this row (and `column` when given).
        public func error(_ message: String, column: String? = nil) -> ScenarioFileError {
            ScenarioFileError(
                location: SourceLocation(file: file, line: line, column: column.flatMap { cells[$0]?.column } ?? 1),
                keyPath: column ?? "", message: message)
        }
    }

    public let file: String
    public let header: [String]
    public let rows: [Row]

    /// Reads `url`; `required` columns must be in the header.
    public static func read(_ url: URL, displayName: String, required: [String]) throws -> CSVTable {
        let loc = SourceLocation(file: displayName, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScenarioFileError(location: loc, keyPath: "", message: "cannot read the file (missing or not readable)")
        }
        let records: [CSVText.Record]
        do {
            records = try CSVText.parse(Array(data))
        } catch let CSVText.ParseError.unterminatedQuote(line) {
            throw ScenarioFileError(
                location: SourceLocation(file: displayName, line: line, column: 1), keyPath: "",
                message: "a quoted field is never closed")
        } catch let CSVText.ParseError.textAfterQuote(line, field) {
            throw ScenarioFileError(
                location: SourceLocation(file: displayName, line: line, column: field), keyPath: "",
                message: "text after a closing quote")
        } catch let CSVText.ParseError.notUTF8(line, problem) {
            throw ScenarioFileError(
                location: SourceLocation(file: displayName, line: line, column: 1), keyPath: "",
                message: "not UTF-8 text (it looks like \(problem.looksLike)); convert it with: iconv -f \(problem == .utf16 ? "UTF-16" : "GBK") -t UTF-8 FILE > converted.csv")
        } catch {
            throw ScenarioFileError(location: loc, keyPath: "", message: "\(error)")
        }
        guard let head = records.first else {
            throw ScenarioFileError(location: loc, keyPath: "", message: "the file is empty: expected a header row")
        }
        let header = head.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for r in required where !header.contains(r) {
            throw ScenarioFileError(
                location: loc, keyPath: r,
                message: "missing column \"\(r)\"; the header has: \(header.joined(separator: ", "))")
        }
        var rows: [Row] = []
        for rec in records.dropFirst() {
            guard rec.fields.count == header.count else {
                throw ScenarioFileError(
                    location: SourceLocation(file: displayName, line: rec.line, column: 1), keyPath: "",
                    message: "expected \(header.count) fields like the header, got \(rec.fields.count)")
            }
            var cells: [String: (column: Int, text: String)] = [:]
            for (k, (h, v)) in zip(header, rec.fields).enumerated() { cells[h] = (k + 1, v) }
            rows.append(Row(line: rec.line, cells: cells, file: displayName))
        }
        return CSVTable(file: displayName, header: header, rows: rows)
    }
}
