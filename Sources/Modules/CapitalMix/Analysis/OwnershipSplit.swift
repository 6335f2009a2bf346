import ScenarioKit

/// The engine's investment in place split by ownership, draw by draw:
///
///     X_k[y, d] = Σ_s σ_{s,k} · I_s[y, d]      (亿元)
///
/// with `I_s` the investment in place of source s (`EngineOutputs.bySource`, per year and draw) and
/// `σ_{s,k}` the share of class k in source s's investment. Since `Σ_k σ_{s,k} = 1`, the classes
/// sum to `T[y, d] = Σ_s I_s[y, d]` in every draw. Shares are formed per draw (`X_k / T`, 0 when
/// `T = 0`), so their quantiles are quantiles of per-draw shares, not ratios of quantiles.
struct OwnershipSplit: Sendable, Equatable {
    /// By class (state, foreign, private order): years × draws.
    let byClass: [DrawTable]
    /// `Σ_s I_s`.
    let total: DrawTable

    /// - Throws: `ModuleError` at `ownership_state` when the forecast has a source without shares.
    static func compute(_ outputs: EngineOutputs, shares: [String: OwnershipShares]) throws(ModuleError) -> OwnershipSplit {
        let Y = outputs.years.count, N = outputs.draws
        var values = [[Double]](repeating: [Double](repeating: 0, count: Y * N), count: OwnershipClass.allCases.count)
        var total = [Double](repeating: 0, count: Y * N)
        for (source, table) in outputs.bySource.sorted(by: { $0.key < $1.key }) {
            guard let s = shares[source] else {
                throw ModuleError(
                    module: CapitalMixSchema.id, keyPath: "ownership_state",
                    message: "the forecast has investment from source \(source), which is not in the scenario's sources and has no ownership shares")
            }
            guard table.years == Y, table.draws == N else {
                throw ModuleError(module: CapitalMixSchema.id, message: "the forecast's table for source \(source) has \(table.years) years × \(table.draws) draws, expected \(Y) × \(N)")
            }
            for k in OwnershipClass.allCases where s[k] != 0 {
                let sk = s[k]
                for j in 0..<(Y * N) { values[k.index][j] += sk * table.values[j] }
            }
            for j in 0..<(Y * N) { total[j] += table.values[j] }
        }
        return OwnershipSplit(
            byClass: values.map { DrawTable(years: Y, draws: N, values: $0) }, total: DrawTable(years: Y, draws: N, values: total))
    }

    /// The per-draw share of class k in year y (0 where the total is 0).
    func shares(_ k: OwnershipClass, year y: Int) -> [Double] {
        zip(byClass[k.index].draws(year: y), total.draws(year: y)).map { $1 == 0 ? 0 : $0 / $1 }
    }

    /// Per-draw sums over all years (the horizon total), for class k or the total (nil).
    func horizonSum(_ k: OwnershipClass?) -> [Double] {
        let t = k.map { byClass[$0.index] } ?? total
        return (0..<t.draws).map { d in (0..<t.years).reduce(0) { $0 + t.value(year: $1, draw: d) } }
    }
}
