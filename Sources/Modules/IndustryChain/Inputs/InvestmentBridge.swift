import Foundation
import InputOutput
import ModuleInputs
import LinearAlgebra
import ScenarioKit

/// The bridge from investment in place by industry to final demand for investment goods:
/// `Δy = B·I`, where column k of B (n sectors, dimensionless, Σᵢ Bᵢₖ = 1) says which products
/// one unit of industry k's investment buys, and `I` is investment by industry.
///
/// Two forms:
/// - `fu201`: one column for all industries, the composition of the table's gross fixed
///   capital formation column `FU201` (`bᵢ = FU201ᵢ / Σ FU201`). In the NBS non-competitive
///   tables Y holds domestic products only, so this bridge assumes that all of the investment
///   is spent on domestically produced investment goods (an upper bound of the local pull).
/// - a CSV file in the dataset folder: header `code,<industry ids…>`, one row per sector that
///   receives a share (`code,<share per industry>`), sectors not listed get 0; every column
///   must sum to 1 (±1e-6) and every share be ≥ 0.
struct InvestmentBridge: Sendable, Equatable {
    /// Where the bridge comes from, for notes: `FU201` or the file path.
    var source: String
    /// The one composition used for every industry (the `fu201` form), else nil.
    var common: [Double]?
    /// Per-industry compositions (the file form).
    var columns: [String: [Double]]

    /// True when every industry uses the same composition (then Δx is linear in total investment).
    var isCommon: Bool { common != nil }

    /// The composition for `industry`, or nil if a per-industry bridge has no column for it.
    func composition(for industry: String) -> [Double]? { common ?? columns[industry] }

    /// Tolerance on column sums.
    static let sumTolerance = 1e-6

    /// The `fu201` bridge from final demand Y.
    static func capitalFormation(
        finalDemand y: Matrix, labels: [String], module: String
    ) throws(ModuleError) -> InvestmentBridge {
        guard let c = labels.firstIndex(where: { $0.uppercased() == "FU201" }) else {
            throw ModuleError(
                module: module, keyPath: "bridge",
                message: "the IO table has no final-demand column FU201 (gross fixed capital formation); columns: \(labels.joined(separator: ", ")). Give a bridge file instead")
        }
        let column = y.column(c)
        let total = column.reduce(0, +)
        guard total > 0 else {
            throw ModuleError(module: module, keyPath: "bridge", message: "the FU201 column sums to \(total); expected a positive total")
        }
        return InvestmentBridge(source: labels[c], common: column.map { $0 / total }, columns: [:])
    }

    /// A per-industry bridge read from `url`. `catalogue` (industry ids) may be empty: then
    /// any column label is accepted and none is required.
    /// - Throws: `ModuleError` for `bridge` naming the file, line or column.
    static func read(
        _ url: URL, sectors: [Sector], catalogue: [String], module: String
    ) throws(ModuleError) -> InvestmentBridge {
        let csv = try DatasetCSV.read(url, module: module, keyPath: "bridge")
        func fail(_ message: String) -> ModuleError {
            ModuleError(module: module, keyPath: "bridge", message: "\(csv.file) \(message)")
        }
        guard csv.header.count >= 2, csv.header[0] == "code" else {
            throw fail("line 1: expected a header `code,<industry ids…>`")
        }
        let industries = Array(csv.header.dropFirst())
        if !catalogue.isEmpty {
            if let unknown = industries.first(where: { !catalogue.contains($0) }) {
                throw fail("line 1: unknown industry column '\(unknown)'; the scenario's industries are \(catalogue.joined(separator: ", "))")
            }
            let missing = catalogue.filter { !industries.contains($0) }
            if !missing.isEmpty {
                throw fail("has no column for industr\(missing.count == 1 ? "y" : "ies") \(missing.joined(separator: ", ")): every industry of the forecast needs one")
            }
        }
        if Set(industries).count != industries.count { throw fail("line 1: an industry column appears twice") }
        var index: [String: Int] = [:]
        for (j, s) in sectors.enumerated() { index[s.code] = j }
        var b = [[Double]](repeating: [Double](repeating: 0, count: sectors.count), count: industries.count)
        var seen = Set<Int>()
        for r in csv.records {
            guard r.fields.count == csv.header.count else {
                throw fail("line \(r.line): \(r.fields.count) fields, expected \(csv.header.count) as in the header")
            }
            guard let j = index[r.fields[0]] else {
                throw fail("line \(r.line): unknown sector '\(r.fields[0])': not a sector code of the IO table")
            }
            guard seen.insert(j).inserted else { throw fail("line \(r.line): sector \(r.fields[0]) appears twice") }
            for k in industries.indices {
                let text = r.fields[k + 1]
                guard let v = Double(text), v.isFinite, v >= 0 else {
                    throw fail("line \(r.line), column \(industries[k]): share '\(text)' must be a number ≥ 0")
                }
                b[k][j] = v
            }
        }
        var columns: [String: [Double]] = [:]
        for (k, id) in industries.enumerated() {
            let sum = b[k].reduce(0, +)
            guard abs(sum - 1) <= sumTolerance else {
                throw fail("column \(id) sums to \(sum); each bridge column must sum to 1 (the shares of one 亿元 of investment)")
            }
            columns[id] = b[k]
        }
        return InvestmentBridge(source: csv.file, common: nil, columns: columns)
    }
}
