import Foundation
import InputOutput
import ScenarioKit

/// A user's fund categories from a CSV file (the "21 大类" are not published, so a planner who
/// has them supplies them this way):
///
/// ```
/// id,name_zh,name_en,priority,leverage,support_rate,state,foreign,private,minimum_yi,nonnegative
/// ic,集成电路,Integrated circuits,3,4,,0.3,0.2,0.5,10,true
/// ```
///
/// `id` and `priority` are required; an empty cell takes the default: names = id, leverage =
/// the `leverage` parameter (or `(1 − s)/s` from `support_rate`, not both), ownership = the
/// default category ownership unless one of state/foreign/private is given (then the missing
/// ones are 0 and the three must sum to 1), minimum 0, nonnegative true. Lines starting with
/// `#` and blank lines are skipped.
enum CategoryFile {
    static let columns = [
        "id", "name_zh", "name_en", "priority", "leverage", "support_rate", "state", "foreign", "private", "minimum_yi",
        "nonnegative",
    ]

    /// Read `url`. - Throws: `ModuleError` at `categories` naming the file, line and column.
    static func read(_ url: URL, defaultLeverage: Double, defaultOwnership: OwnershipShares) throws(ModuleError) -> [FundCategory] {
        let file = url.lastPathComponent
        func fail(_ message: String) -> ModuleError {
            ModuleError(module: CapitalMixSchema.id, keyPath: "categories", message: "\(file): \(message)")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw fail("cannot read the categories file at \(url.path)")
        }
        // The project's CSV reader (RFC 4180 quoting, CRLF or LF, BOM); comment lines are skipped.
        let records: [CSVText.Record]
        do {
            records = try CSVText.parse([UInt8](data))
        } catch {
            throw fail("not valid CSV: \(error)")
        }
        let lines: [(number: Int, cells: [String])] = records
            .filter { r in !(r.fields.first?.hasPrefix("#") ?? false) && !r.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
            .map { ($0.line, $0.fields) }
        guard let header = lines.first else { throw fail("the file is empty (expected a header line: \(columns.joined(separator: ",")))") }
        let names = header.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        for name in names where !columns.contains(name) {
            let hint = Suggestion.closest(to: name, among: columns).map { " (did you mean \"\($0)\"?)" } ?? ""
            throw fail("line \(header.number): unknown column \"\(name)\"\(hint); columns: \(columns.joined(separator: ","))")
        }
        for required in ["id", "priority"] where !names.contains(required) {
            throw fail("line \(header.number): no column \"\(required)\" (required: id, priority)")
        }
        var out: [FundCategory] = []
        for line in lines.dropFirst() {
            func cell(_ column: String) -> String? {
                guard let j = names.firstIndex(of: column), j < line.cells.count else { return nil }
                let v = line.cells[j].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            func number(_ column: String, _ range: ClosedRange<Double>, _ what: String) throws(ModuleError) -> Double? {
                guard let v = cell(column) else { return nil }
                guard let d = Double(v), d.isFinite, range.contains(d) else {
                    throw fail("line \(line.number), column \(column): expected \(what), got \"\(v)\"")
                }
                return d
            }
            guard line.cells.count <= names.count else {
                throw fail("line \(line.number): \(line.cells.count) cells but the header has \(names.count) columns")
            }
            guard let id = cell("id") else { throw fail("line \(line.number), column id: empty") }
            if out.contains(where: { $0.id == id }) { throw fail("line \(line.number): category \"\(id)\" appears twice") }
            guard let priority = try number("priority", 0...1e9, "a weight ≥ 0") else {
                throw fail("line \(line.number), column priority: empty (give a weight ≥ 0)")
            }
            let leverage = try number("leverage", 0...1000, "a leverage from 0 to 1000")
            let support = try number("support_rate", 0.001...1, "a support rate from 0.001 to 1")
            if leverage != nil && support != nil {
                throw fail("line \(line.number): give leverage or support_rate for \(id), not both (k = (1 − s)/s)")
            }
            var ownership = defaultOwnership
            let given = try OwnershipClass.allCases.map { k throws(ModuleError) in try number(k.rawValue, 0...1, "a share from 0 to 1") }
            if given.contains(where: { $0 != nil }) {
                ownership = OwnershipShares(state: given[0] ?? 0, foreign: given[1] ?? 0, private: given[2] ?? 0)
                guard abs(ownership.sum - 1) <= 1e-9 else {
                    throw fail("line \(line.number): the ownership shares of category \(id) sum to \(OwnershipShares.format(ownership.sum)) (\(ownership.summary)); they must sum to 1 within 1e-9")
                }
            }
            let minimum = try number("minimum_yi", 0...1e6, "an amount ≥ 0 亿元") ?? 0
            var nonNegative = true
            if let v = cell("nonnegative") {
                switch v.lowercased() {
                case "true", "yes", "1": nonNegative = true
                case "false", "no", "0": nonNegative = false
                default: throw fail("line \(line.number), column nonnegative: expected true or false, got \"\(v)\"")
                }
            }
            out.append(FundCategory(
                id: id, name: LocalizedText(zh: cell("name_zh") ?? cell("name_en") ?? id, en: cell("name_en") ?? cell("name_zh") ?? id),
                priority: priority, leverage: support.map(FundCategory.leverage(supportRate:)) ?? leverage ?? defaultLeverage,
                supportRate: support, ownership: ownership, minimum: minimum, nonNegative: nonNegative))
        }
        guard !out.isEmpty else { throw fail("no categories (only a header line)") }
        return out
    }
}
