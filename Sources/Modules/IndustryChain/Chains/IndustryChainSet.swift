import InputOutput
import LinearAlgebra
import ScenarioKit

/// One industry chain (e.g. 新能源) as a weighted set of IO sectors.
///
/// The weight of sector j in chain k is its share of the chain's output,
/// `wⱼₖ = cⱼₖ·xⱼ / Xₖ` with `Xₖ = Σⱼ cⱼₖ·xⱼ` (concordance share × sector output), so
/// Σⱼ wⱼₖ = 1. Chain-level multipliers and linkages are these weighted averages; a unit of
/// final demand for the chain's products is the vector wₖ.
struct IndustryChain: Sendable, Equatable {
    /// Industry id, e.g. `new_energy`.
    var id: String
    var name: LocalizedText
    /// Sectors and concordance shares cⱼₖ.
    var members: [ChainMember]
    /// wₖ (length n, Σ = 1).
    var weights: [Double]
    /// Xₖ = Σⱼ cⱼₖ·xⱼ (table units): the chain's national output.
    var output: Double
    /// Direct intermediate sales of the chain to each sector i, Σⱼ cⱼₖ·Zⱼᵢ (table units).
    var sales: [Double]

    /// True when sector j belongs (partly) to the chain.
    func contains(_ j: Int) -> Bool { members.contains { $0.sector == j } }

    /// Concordance share of sector j in the chain (0 if not a member).
    func share(of j: Int) -> Double { members.first { $0.sector == j }?.share ?? 0 }
}

/// The chains the module analyses, with the scenario's industry mix for the local gap.
struct IndustryChainSet: Sendable {
    var chains: [IndustryChain]
    /// Part of each sector inside the analysed chains: cⱼ = Σₖ cⱼₖ (≤ 1).
    var chainShare: [Double]
    /// Binhai's weight of each sector (share of the scenario's industry mix; Σ = 1), or nil
    /// when the catalogue gives no weights. See `LocalGap`.
    var localWeights: [Double]?

    /// Builds the chains `selection` (ids or names; empty = every industry of the concordance)
    /// from the concordance, the table's output and intermediate flows. Chains come in the
    /// order given, or in the catalogue's order.
    /// - Throws: `ModuleError` for `chains[i]` naming an unknown industry or one the
    ///   concordance does not map.
    init(
        concordance: IndustryConcordance, selection: [String], catalogue: IndustryCatalogue,
        grossOutput x: [Double], intermediate z: Matrix, module: String
    ) throws(ModuleError) {
        let n = x.count
        var ids: [String] = []
        if selection.isEmpty {
            // Catalogue order (the 1+3+4 order of industries.csv), then any others.
            ids = catalogue.entries.map(\.id).filter { concordance.members[$0] != nil }
            ids += concordance.industries.filter { !ids.contains($0) }
        } else {
            for (i, text) in selection.enumerated() {
                let id = catalogue.entry(named: text)?.id ?? (concordance.members[text] != nil ? text : nil)
                guard let id else {
                    throw ModuleError(module: module, keyPath: "chains[\(i)]", message: catalogue.lookup.unknownMessage(text))
                }
                guard concordance.members[id] != nil else {
                    throw ModuleError(module: module, keyPath: "chains[\(i)]", message: "industry '\(text)' has no sectors in concordance.csv, so it has no chain to analyse")
                }
                if !ids.contains(id) { ids.append(id) }
            }
        }
        chains = ids.map { id in
            let members = concordance.members[id] ?? []
            var w = [Double](repeating: 0, count: n)
            var sales = [Double](repeating: 0, count: n)
            for m in members {
                w[m.sector] = m.share * x[m.sector]
                for i in 0..<n { sales[i] += m.share * z[m.sector, i] }
            }
            let total = w.reduce(0, +)
            if total > 0 { w = w.map { $0 / total } }
            return IndustryChain(id: id, name: catalogue.name(of: id), members: members, weights: w, output: total, sales: sales)
        }
        var c = [Double](repeating: 0, count: n)
        for chain in chains { for m in chain.members { c[m.sector] += m.share } }
        chainShare = c
        localWeights = LocalGap.localWeights(concordance: concordance, catalogue: catalogue, grossOutput: x)
    }
}
