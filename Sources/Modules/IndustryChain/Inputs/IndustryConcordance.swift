import Foundation
import InputOutput
import ModuleInputs
import ScenarioKit

/// One sector's part in an industry: sector index in the IO table and the share of the sector
/// (0 < share ≤ 1) that belongs to the industry.
struct ChainMember: Sendable, Equatable {
    var sector: Int
    var share: Double
}

/// Which share of each IO sector belongs to each industry (the dataset's `concordance.csv`,
/// columns `io_code, industry, share[, status, basis]`), e.g. 18 交通运输设备 → 汽车 0.82,
/// 航空航天 0.09, 装备制造 0.10.
///
/// Rules checked when reading: every `io_code` is a sector of the IO table, every industry is
/// in the scenario's catalogue (when the catalogue is given), 0 < share ≤ 1, a (sector,
/// industry) pair appears once, and the shares of one sector add up to at most 1 (the rest of
/// the sector is outside the mapped industries).
struct IndustryConcordance: Sendable, Equatable {
    /// Industry ids in the order of their first row.
    var industries: [String]
    /// Members of each industry, in file order.
    var members: [String: [ChainMember]]

    /// Σₖ shareⱼₖ for every sector j: the part of sector j inside the mapped industries.
    func mappedShare(sectorCount n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: n)
        for id in industries {
            for m in members[id] ?? [] { c[m.sector] += m.share }
        }
        return c
    }

    /// Reads `url` for a table with `sectors`. `catalogue` (industry ids) may be empty: then
    /// any industry id is accepted.
    /// - Throws: `ModuleError` naming the file and line.
    static func read(
        _ url: URL, sectors: [Sector], catalogue: Set<String>, module: String
    ) throws(ModuleError) -> IndustryConcordance {
        let csv = try DatasetCSV.read(url, module: module, keyPath: nil)
        let ci = try csv.column("io_code", module: module, keyPath: nil)
        let ii = try csv.column("industry", module: module, keyPath: nil)
        let si = try csv.column("share", module: module, keyPath: nil)
        var index: [String: Int] = [:]
        for (j, s) in sectors.enumerated() { index[s.code] = j }
        func fail(_ line: Int, _ message: String) -> ModuleError {
            ModuleError(module: module, keyPath: nil, message: "\(csv.file) line \(line): \(message)")
        }
        var order: [String] = []
        var members: [String: [ChainMember]] = [:]
        var seen = Set<String>()
        var total = [Double](repeating: 0, count: sectors.count)
        for r in csv.records {
            guard r.fields.count == csv.header.count else {
                throw fail(r.line, "\(r.fields.count) fields, expected \(csv.header.count) as in the header")
            }
            let code = r.fields[ci], industry = r.fields[ii], shareText = r.fields[si]
            guard let j = index[code] else {
                throw fail(r.line, "unknown sector '\(code)': not a sector code of the IO table")
            }
            guard catalogue.isEmpty || catalogue.contains(industry) else {
                throw fail(r.line, "unknown industry '\(industry)': not in the scenario's industries (\(catalogue.sorted().joined(separator: ", ")))")
            }
            guard let share = Double(shareText), share.isFinite, share > 0, share <= 1 else {
                throw fail(r.line, "share '\(shareText)' must be a number in (0, 1]")
            }
            guard seen.insert("\(code)\u{1F}\(industry)").inserted else {
                throw fail(r.line, "sector \(code) is mapped to \(industry) twice")
            }
            total[j] += share
            guard total[j] <= 1 + 1e-9 else {
                throw fail(r.line, "the shares of sector \(code) add up to \(total[j]) > 1")
            }
            if members[industry] == nil { order.append(industry) }
            members[industry, default: []].append(ChainMember(sector: j, share: share))
        }
        guard !order.isEmpty else {
            throw ModuleError(module: module, keyPath: nil, message: "\(csv.file) has no rows: no industry is mapped onto IO sectors")
        }
        return IndustryConcordance(industries: order, members: members)
    }
}
