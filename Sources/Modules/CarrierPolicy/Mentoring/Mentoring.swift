import ScenarioKit

/// 招商帮带: a stronger carrier (mentor) helps a weaker one (mentee) move its projects through
/// the pipeline; the mentee's yearly advance probabilities before landing are multiplied by
/// `factor` (capped so that advance + drop-out ≤ 1) from `startYear` on, and the mentor loses a
/// share `mentorCost` of its investment in place (work teams lent) in those years.
///
/// The engine runs one pipeline for all carriers, so the effect on the mentee is derived, not
/// simulated project by project (docs/MODULES.md): a steady pipeline of the scenario's stage
/// rates fed one lead a year lands F = Π_{k<L} a_k/(a_k + d_k) a year. With the raised rates
/// from the start year, its landings in forecast year t are ℓ_t (computed stage by stage: land
/// a'_{L−1}·n_{L−1}, move n ← P'n, add one lead), so the landing ratio is r_t = ℓ_t / F (r = 1
/// before the start); investment in place follows the disbursement schedule w:
///
///     ρ_t = Σ_j w_j · r_{t−j}          mentee with = ρ_t × mentee without (per draw)
///
/// A one-stage example: a = 0.25, d = 0.25 → F = 0.5; doubled to a = 0.5, landings go 1.0, 0.75,
/// 0.6875, … → 2/3 (r = 2, 1.5, 1.375 → 4/3): the stock in the pipeline lands sooner, then the
/// higher conversion stays. Not modelled: the mentee's own lead growth and the mentor's stages.
struct Mentoring: Sendable, Equatable {
    var mentor: String
    var mentee: String
    var factor: Double
    var mentorCost: Double
    var startYear: Int

    /// r_t for `years` (forecast years), from the pipeline's stage rates.
    static func landingRatios(pipeline: PipelineOutline, factor: Double, startYear: Int, years: [Int]) -> [Double] {
        let L = pipeline.landingStage
        let base = pipeline.stages.prefix(L).map { (a: $0.advance, d: $0.dropOut) }
        guard !base.isEmpty else { return years.map { _ in 1 } }
        let raised = base.map { (a: Swift.min($0.a * factor, 1 - $0.d), d: $0.d) }
        // Steady state under the scenario's rates: n_0 = 1/(a_0 + d_0), n_k = a_{k−1} n_{k−1}/(a_k + d_k).
        var n = [Double](repeating: 0, count: base.count)
        for k in base.indices {
            let inflow = k == 0 ? 1 : base[k - 1].a * n[k - 1]
            let out = base[k].a + base[k].d
            n[k] = out > 0 ? inflow / out : 0
        }
        let steady = base[base.count - 1].a * n[base.count - 1]
        guard steady > 0 else { return years.map { _ in 1 } }
        return years.map { year in
            guard year >= startYear else { return 1 }
            let rates = raised
            let landed = rates[rates.count - 1].a * n[rates.count - 1]
            // One year of the chain: every stage moves at once (from the start-of-year stock), then a new lead arrives.
            var next = n
            for k in rates.indices {
                let stay = 1 - rates[k].a - rates[k].d
                next[k] = stay * n[k] + (k == 0 ? 1 : rates[k - 1].a * n[k - 1])
            }
            n = next
            return landed / steady
        }
    }

    /// ρ_t = Σ_j w_j r_{t−j} (r = 1 before the first forecast year).
    static func inPlaceRatios(landing r: [Double], disbursement w: [Double]) -> [Double] {
        r.indices.map { t in
            let total = w.reduce(0, +)
            guard total > 0 else { return r[t] }
            return w.enumerated().reduce(0) { $0 + $1.element * (t - $1.offset >= 0 ? r[t - $1.offset] : 1) } / total
        }
    }
}
