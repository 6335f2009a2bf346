import ScenarioKit

/// 一镇一产业: each street/town's lead industry (and a second), and the share of the street/town
/// carrier's investment each town attracts.
///
/// Rule (docs/MODULES.md, "carrier-mechanisms"):
/// 1. Location quotient of industry i in town t from the towns' current mix w:
///    LQ_{t,i} = (w_{t,i} / Σ_j w_{t,j}) / (Σ_s w_{s,i} / Σ_{s,j} w_{s,j}).
/// 2. Score_{t,i} = LQ_{t,i} × capacity_t.
/// 3. Lead industries: with `distinctLeads`, the assignment maximising the total score in which
///    no industry leads more than ⌈towns / industries⌉ towns (exact: `Assignment`); otherwise each
///    town's best score. The second industry is the town's best score among the others.
/// 4. Town t's share of the carrier's industry-i investment:
///    α_{t,i} = c_t·w_{t,i}·b_{t,i} / Σ_s c_s·w_{s,i}·b_{s,i}, with b = 1 + `leadBonus` for the
///    lead, 1 + `secondBonus` for the second, 1 otherwise (capacity shares for an industry no town
///    has, or without a column).
/// 5. Per draw and year: town_t = carrier × Σ_i (industry_i / total) × α_{t,i}, so the towns add
///    up to the carrier's investment in every draw and follow the scenario's carrier and industry
///    shares (not a copy of them).
struct TownEconomy: Sendable, Equatable {
    struct Lead: Sendable, Equatable {
        var industry: Int
        var locationQuotient: Double
        var score: Double
    }

    let catalogue: TownCatalogue
    /// LQ_{t,i} and Score_{t,i} over the catalogue's industry columns.
    let locationQuotients: [[Double]]
    let scores: [[Double]]
    let leads: [Lead]
    let seconds: [Lead?]
    /// α_{t,i} for every industry id of the scenario: town shares (summing to 1 over towns).
    let shares: [String: [Double]]

    init(catalogue: TownCatalogue, industries: [String], distinctLeads: Bool, leadBonus: Double, secondBonus: Double) {
        self.catalogue = catalogue
        let towns = catalogue.towns, I = catalogue.industries.count, T = towns.count
        let total = towns.reduce(0) { $0 + $1.weights.reduce(0, +) }
        let byIndustry = (0..<I).map { i in towns.reduce(0) { $0 + $1.weights[i] } }
        let lqs = towns.map { t in
            let own = t.weights.reduce(0, +)
            return (0..<I).map { i in
                own > 0 && byIndustry[i] > 0 && total > 0 ? (t.weights[i] / own) / (byIndustry[i] / total) : 0
            }
        }
        let scores = (0..<T).map { t in lqs[t].map { $0 * towns[t].capacity } }
        locationQuotients = lqs
        self.scores = scores
        var leadIndex: [Int]
        if I == 0 {
            leadIndex = []
        } else if distinctLeads {
            let slots = (T + I - 1) / I
            let matrix = scores.map { row in (0..<(I * slots)).map { row[$0 / slots] } }
            leadIndex = Assignment.maximise(matrix).map { $0 / slots }
        } else {
            leadIndex = scores.map { row in row.indices.max { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) } ?? 0 }
        }
        leads = leadIndex.enumerated().map { t, i in Lead(industry: i, locationQuotient: lqs[t][i], score: scores[t][i]) }
        let seconds: [Lead?] = leadIndex.enumerated().map { t, lead in
            let others = (0..<I).filter { $0 != lead }
            guard let best = others.max(by: { scores[t][$0] < scores[t][$1] || (scores[t][$0] == scores[t][$1] && $0 > $1) }) else {
                return nil
            }
            return Lead(industry: best, locationQuotient: lqs[t][best], score: scores[t][best])
        }
        self.seconds = seconds
        let capacityTotal = towns.reduce(0) { $0 + $1.capacity }
        let capacityShares = towns.map { $0.capacity / capacityTotal }
        var shares: [String: [Double]] = [:]
        for id in industries {
            guard let i = catalogue.industries.firstIndex(of: id) else {
                shares[id] = capacityShares
                continue
            }
            let raw = (0..<T).map { t -> Double in
                let bonus = leadIndex[t] == i ? 1 + leadBonus : (seconds[t]?.industry == i ? 1 + secondBonus : 1)
                return towns[t].capacity * towns[t].weights[i] * bonus
            }
            let sum = raw.reduce(0, +)
            shares[id] = sum > 0 ? raw.map { $0 / sum } : capacityShares
        }
        self.shares = shares
    }

    /// Per-draw investment in place of every town (亿元), from the carrier's draws and the
    /// industry split of the total in the same draw.
    func townDraws(carrier: DrawTable, outputs o: EngineOutputs) -> [DrawTable] {
        let Y = carrier.years, N = carrier.draws, T = catalogue.towns.count
        var values = [[Double]](repeating: [Double](repeating: 0, count: Y * N), count: T)
        let capacityTotal = catalogue.towns.reduce(0) { $0 + $1.capacity }
        let ids = o.byIndustry.keys.sorted()
        for y in 0..<Y {
            for d in 0..<N {
                let c = carrier.value(year: y, draw: d), total = o.investmentInPlace.value(year: y, draw: d)
                var mix = [Double](repeating: 0, count: T)
                if total > 0 {
                    var covered = 0.0
                    for id in ids {
                        guard let series = o.byIndustry[id], let alpha = shares[id] else { continue }
                        let part = series.value(year: y, draw: d) / total
                        covered += part
                        for t in 0..<T { mix[t] += part * alpha[t] }
                    }
                    if covered > 0 { for t in 0..<T { mix[t] /= covered } }
                }
                if mix.allSatisfy({ $0 == 0 }) {
                    for t in 0..<T { mix[t] = catalogue.towns[t].capacity / capacityTotal }
                }
                for t in 0..<T { values[t][y * N + d] = c * mix[t] }
            }
        }
        return values.map { DrawTable(years: Y, draws: N, values: $0) }
    }
}
