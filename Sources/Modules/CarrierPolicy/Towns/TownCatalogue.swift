import Foundation
import ModuleInputs
import ScenarioKit

/// The streets and towns of the dataset (`towns.csv`): capacity (industrial land or another
/// measure of room for projects, the same unit for all) and the current industry mix, one
/// column per industry id of the scenario's catalogue (industries without a column are spread
/// by capacity alone).
///
///     town,name_zh,name_en,capacity,status,intelligent_tech,…,basis
struct TownCatalogue: Sendable, Equatable {
    struct Town: Sendable, Equatable {
        var id: String
        var name: LocalizedText
        var capacity: Double
        /// Current weight of each industry column (≥ 0), in `TownCatalogue.industries` order.
        var weights: [Double]
    }

    var towns: [Town]
    /// Industry ids that have a column (catalogue order of the file's columns).
    var industries: [String]
    /// Distinct `status` values (e.g. `assumed`).
    var statuses: [String]

    static let fileName = "towns.csv"
    static let metaColumns: Set<String> = ["town", "name_zh", "name_en", "capacity", "status", "basis"]

    /// Reads `folder/towns.csv`. Errors (reported at `keyPath`) name the file, line and column:
    /// unknown industry columns, duplicate towns, capacities ≤ 0, weights < 0 or not numbers.
    static func read(_ folder: URL?, context: ModuleContext, module: String, keyPath: String) throws(ModuleError) -> TownCatalogue {
        guard let folder else {
            throw ModuleError(module: module, keyPath: keyPath, message: "the dataset has no folder to read \(fileName) from")
        }
        let csv = try DatasetCSV.read(folder.appendingPathComponent(fileName), module: module, keyPath: keyPath)
        func fail(_ line: Int, _ column: String, _ message: String) -> ModuleError {
            ModuleError(module: module, keyPath: keyPath, message: "\(csv.file) line \(line), column \(column): \(message)")
        }
        let ti = try csv.column("town", module: module, keyPath: keyPath)
        let ci = try csv.column("capacity", module: module, keyPath: keyPath)
        let zi = csv.header.firstIndex(of: "name_zh"), ei = csv.header.firstIndex(of: "name_en")
        let si = csv.header.firstIndex(of: "status")
        let lookup = context.industryLookup
        var industryColumns: [(index: Int, id: String)] = []
        for (k, name) in csv.header.enumerated() where !metaColumns.contains(name) {
            guard let e = lookup.entry(name, in: context.industries) else {
                throw fail(1, name, "not an industry of the scenario: \(lookup.unknownMessage(name))")
            }
            if industryColumns.contains(where: { $0.id == e.id }) { throw fail(1, name, "industry \(e.id) has two columns") }
            industryColumns.append((k, e.id))
        }
        var towns: [Town] = [], statuses: Set<String> = []
        for r in csv.records {
            func field(_ i: Int) -> String { i < r.fields.count ? r.fields[i] : "" }
            let id = field(ti)
            guard !id.isEmpty else { throw fail(r.line, "town", "empty town id") }
            if towns.contains(where: { $0.id == id }) { throw fail(r.line, "town", "town '\(id)' is listed twice") }
            guard let capacity = Double(field(ci)), capacity > 0, capacity.isFinite else {
                throw fail(r.line, "capacity", "'\(field(ci))' is not a number > 0")
            }
            var weights: [Double] = []
            for c in industryColumns {
                let text = field(c.index)
                guard let w = text.isEmpty ? 0 : Double(text), w >= 0, w.isFinite else {
                    throw fail(r.line, csv.header[c.index], "'\(text)' is not a weight ≥ 0")
                }
                weights.append(w)
            }
            let zh = zi.map(field) ?? id, en = ei.map(field) ?? id
            towns.append(Town(id: id, name: LocalizedText(zh: zh.isEmpty ? id : zh, en: en.isEmpty ? id : en), capacity: capacity, weights: weights))
            if let si { statuses.insert(field(si)) }
        }
        guard !towns.isEmpty else {
            throw ModuleError(module: module, keyPath: keyPath, message: "\(csv.file) lists no towns")
        }
        return TownCatalogue(towns: towns, industries: industryColumns.map(\.id), statuses: statuses.sorted())
    }
}
