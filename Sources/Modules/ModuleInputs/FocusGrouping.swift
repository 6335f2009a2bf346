import Foundation
import ScenarioKit

/// A named grouping of industries with a ratio per group, read from the dataset's
/// `focus-groups.csv` — how a scenario says "focus on 4-2-1" (聚焦"4-2-1"产业招商).
///
/// The policy's meaning of "4-2-1" is not published: the dataset ships a default reading marked
/// `assumed` (groups of the 1+3+4 industries with the ratios 4 : 2 : 1), and a planner may add
/// other groupings to the file. Layout, one line per group:
///
///     grouping,group,ratio,industries,status,note
///     4-2-1,4,4,intelligent_tech;biomedicine;new_energy;new_materials,assumed,…
///
/// The focus weight of industry i is `ratio(group of i) / max ratio` (1 for the largest group,
/// 0 for an industry in no group); `FocusGrouping.multiplier` turns it into a lead-share factor.
public struct FocusGrouping: Sendable, Equatable {
    /// One group: its label, ratio (> 0) and member industry ids.
    public struct Group: Sendable, Equatable {
        public var label: String
        public var ratio: Double
        public var industries: [String]
    }

    /// The grouping's name (`4-2-1`).
    public var name: String
    public var groups: [Group]
    /// `status` column values (e.g. `assumed`), for the tables' notes.
    public var statuses: [String]

    /// The file name in the dataset folder.
    public static let fileName = "focus-groups.csv"

    /// Focus weight of `industry` in [0, 1]: its group's ratio over the largest ratio.
    public func weight(of industry: String) -> Double {
        let top = groups.map(\.ratio).max() ?? 0
        guard top > 0, let g = groups.first(where: { $0.industries.contains(industry) }) else { return 0 }
        return g.ratio / top
    }

    /// Lead-share factor 1 + intensity × weight(i): with intensity 0.5 the "4" group's industries
    /// get 1.5, the "2" group's 1.25, the "1" group's 1.125 (before the shares are renormalised).
    public func multiplier(of industry: String, intensity: Double) -> Double {
        1 + intensity * weight(of: industry)
    }

    /// Reads grouping `name` from `folder/focus-groups.csv`; industries are checked against
    /// `industries` (ids or names). Errors name the file, line and column, reported at `keyPath`.
    public static func read(
        _ name: String, folder: URL?, industries: CatalogueLookup, entries: [CatalogueEntry], module: String, keyPath: String
    ) throws(ModuleError) -> FocusGrouping {
        guard let folder else {
            throw ModuleError(module: module, keyPath: keyPath, message: "the dataset has no folder to read \(fileName) from")
        }
        let csv = try DatasetCSV.read(folder.appendingPathComponent(fileName), module: module, keyPath: keyPath)
        let gi = try csv.column("grouping", module: module, keyPath: keyPath)
        let li = try csv.column("group", module: module, keyPath: keyPath)
        let ri = try csv.column("ratio", module: module, keyPath: keyPath)
        let ii = try csv.column("industries", module: module, keyPath: keyPath)
        let si = csv.header.firstIndex(of: "status")
        var groups: [Group] = [], statuses: [String] = [], known: Set<String> = []
        var seen: [String: Int] = [:]
        for r in csv.records {
            func field(_ i: Int) -> String { i < r.fields.count ? r.fields[i] : "" }
            let grouping = field(gi)
            known.insert(grouping)
            guard grouping == name else { continue }
            let at = "\(csv.file) line \(r.line)"
            guard let ratio = Double(field(ri)), ratio > 0, ratio.isFinite else {
                throw ModuleError(
                    module: module, keyPath: keyPath,
                    message: "\(at), column ratio: '\(field(ri))' is not a number > 0")
            }
            var ids: [String] = []
            for text in field(ii).split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !text.isEmpty {
                guard let e = industries.entry(text, in: entries) else {
                    throw ModuleError(
                        module: module, keyPath: keyPath,
                        message: "\(at), column industries: \(industries.unknownMessage(text))")
                }
                if let before = seen[e.id] {
                    throw ModuleError(
                        module: module, keyPath: keyPath,
                        message: "\(at), column industries: \(e.id) is already in a group of \(name) (line \(before))")
                }
                seen[e.id] = r.line
                ids.append(e.id)
            }
            groups.append(Group(label: field(li), ratio: ratio, industries: ids))
            if let si { statuses.append(field(si)) }
        }
        guard !groups.isEmpty else {
            throw ModuleError(
                module: module, keyPath: keyPath,
                message: "no grouping '\(name)' in \(csv.file) (it has: \(known.sorted().joined(separator: ", ")))")
        }
        return FocusGrouping(name: name, groups: groups, statuses: Array(Set(statuses)).sorted())
    }
}
