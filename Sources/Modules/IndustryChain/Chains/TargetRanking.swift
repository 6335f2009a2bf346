import InputOutput
import ScenarioKit

/// The 强链 / 补链 / 延链 reading of a sector for investment attraction.
enum TargetRole: String, Sendable, Equatable {
    /// 强链: a sector of the chains where Binhai's weight is at least the national one
    /// (LQ ≥ 1): strengthen a link that is already there.
    case strengthen
    /// 补链: a sector of the chains that Binhai's mix under-weights (LQ < 1), or a supplier
    /// outside the chains that they need more than they sell to: fill a missing link.
    case fill
    /// 延链: a sector outside the chains that buys their products more than it supplies
    /// them: extend the chain downstream.
    case extend

    var label: LocalizedText {
        switch self {
        case .strengthen: return LocalizedText(zh: "强链", en: "strengthen")
        case .fill: return LocalizedText(zh: "补链", en: "fill")
        case .extend: return LocalizedText(zh: "延链", en: "extend")
        }
    }
}

/// One sector's case as an investment-attraction target, with every component shown.
struct SectorTarget: Sendable, Equatable {
    var sector: Int
    var role: TargetRole
    /// Mean of the component percentile ranks (0…1, higher = better target).
    var score: Double
    var outputMultiplier: Double
    var valueAddedMultiplier: Double?
    var backwardLinkage: Double
    var forwardLinkage: Double
    var keySector: KeySectorClass
    /// Mean of the backward and forward extraction losses as a share of total output.
    var extractionShare: Double
    /// The chains' upstream requirement share Uᵢ (see `TargetRanking`).
    var upstreamShare: Double
    /// The chains' downstream sales share Dᵢ.
    var downstreamShare: Double
    /// (Uᵢ + Dᵢ) / 2.
    var chainRelevance: Double
    /// National output share nᵢ.
    var nationalShare: Double
    /// Binhai weight bᵢ and gap nᵢ − bᵢ, nil without catalogue weights.
    var localWeight: Double?
    var localGap: Double?
    /// Chains the sector belongs to, the chains it supplies most, the chains it buys most from.
    var memberOf: [String]
    var supplies: [String]
    var buysFrom: [String]
}

/// Ranks every sector of the table as a target for attracting investment into the chains.
///
/// Components (each turned into a percentile rank among the n sectors, ties averaged, and
/// the score is their mean — a transparent Borda-style composite, not an optimisation):
/// 1. backward linkage BLᵢ (Rasmussen; ranks like the output multiplier),
/// 2. forward linkage FLᵢ (Ghosh),
/// 3. hypothetical-extraction loss Eᵢ = (backward + forward loss) / 2 / Σx,
/// 4. chain relevance Rᵢ = (Uᵢ + Dᵢ)/2 with the upstream share
///    `Uᵢ = Σₖ Xₖ·((L − I)wₖ)ᵢ / Σₖ Xₖ·Σ((L − I)wₖ)` (how much of the chains' direct and
///    indirect input needs fall on sector i) and the downstream share
///    `Dᵢ = Σₖ salesₖᵢ / Σₖ Σ salesₖ` (how much of the chains' intermediate sales go to i),
/// 5. the local gap nᵢ − bᵢ (`LocalGap`, a proxy), when the catalogue has weights,
/// 6. the focus weight Fᵢ = Σₖ shareᵢₖ·fₖ of a focus grouping ("4-2-1", `FocusGrouping`: fₖ the
///    ratio of industry k's group over the largest), when the scenario names one.
enum TargetRanking {
    static func rank(
        chains: IndustryChainSet, analysis: ChainAnalysis, technology t: IOTechnology, focus: [Double]? = nil
    ) -> [SectorTarget] {
        let n = t.sectors.count
        let a = t.analysis
        var upstream = [Double](repeating: 0, count: n)
        var downstream = [Double](repeating: 0, count: n)
        for p in analysis.profiles {
            for i in 0..<n {
                upstream[i] += p.chain.output * max(p.requirements[i], 0)
                downstream[i] += p.chain.sales[i]
            }
        }
        let uTotal = upstream.reduce(0, +), dTotal = downstream.reduce(0, +)
        upstream = upstream.map { uTotal > 0 ? $0 / uTotal : 0 }
        downstream = downstream.map { dTotal > 0 ? $0 / dTotal : 0 }
        let relevance = (0..<n).map { (upstream[$0] + downstream[$0]) / 2 }
        let extraction = (0..<n).map { j -> Double in
            guard let e = a.extraction else { return 0 }
            return (e.backwardLossShare[j] + e.forwardLossShare[j]) / 2
        }
        let national = LocalGap.nationalShares(t.grossOutput)
        let gap = chains.localWeights.map { b in (0..<n).map { national[$0] - b[$0] } }
        var components = [a.backwardLinkage, a.forwardLinkage, extraction, relevance]
        if let gap { components.append(gap) }
        if let focus { components.append(focus) }
        let ranks = components.map(percentileRanks)
        let vaIndex = t.indicators.firstIndex { $0.kind == .valueAdded }

        var targets: [SectorTarget] = []
        for i in 0..<n {
            let score = ranks.reduce(0) { $0 + $1[i] } / Double(ranks.count)
            let lq: Double? = chains.localWeights.map { national[i] > 0 ? $0[i] / national[i] : 1 }
            let role: TargetRole
            if chains.chainShare[i] > 0 {
                role = (lq ?? 1) >= 1 ? .strengthen : .fill
            } else {
                role = upstream[i] >= downstream[i] ? .fill : .extend
            }
            let member = analysis.profiles.filter { $0.chain.contains(i) }.map(\.chain.id)
            let supplies = analysis.profiles
                .filter { !$0.chain.contains(i) && $0.requirements[i] > 0 }
                .sorted { $0.chain.output * $0.requirements[i] > $1.chain.output * $1.requirements[i] }
                .prefix(2).map(\.chain.id)
            let buys = analysis.profiles
                .filter { !$0.chain.contains(i) && $0.chain.sales[i] > 0 }
                .sorted { $0.chain.sales[i] > $1.chain.sales[i] }
                .prefix(2).map(\.chain.id)
            targets.append(SectorTarget(
                sector: i, role: role, score: score, outputMultiplier: a.outputMultipliers[i],
                valueAddedMultiplier: vaIndex.map { analysis.sectorMultipliers[$0][i] },
                backwardLinkage: a.backwardLinkage[i], forwardLinkage: a.forwardLinkage[i],
                keySector: a.keySectors[i], extractionShare: extraction[i], upstreamShare: upstream[i],
                downstreamShare: downstream[i], chainRelevance: relevance[i], nationalShare: national[i],
                localWeight: chains.localWeights?[i], localGap: gap?[i], memberOf: member,
                supplies: supplies, buysFrom: buys))
        }
        return targets.sorted { $0.score != $1.score ? $0.score > $1.score : $0.sector < $1.sector }
    }

    /// Percentile ranks (0 = smallest, 1 = largest; ties get their average rank).
    static func percentileRanks(_ v: [Double]) -> [Double] {
        let n = v.count
        guard n > 1 else { return [Double](repeating: 1, count: n) }
        let order = v.indices.sorted { v[$0] < v[$1] }
        var ranks = [Double](repeating: 0, count: n)
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n && v[order[end + 1]] == v[order[start]] { end += 1 }
            let average = Double(start + end) / 2
            for k in start...end { ranks[order[k]] = average / Double(n - 1) }
            start = end + 1
        }
        return ranks
    }
}
