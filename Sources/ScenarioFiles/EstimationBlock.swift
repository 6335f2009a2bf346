import ForecastEngine
import TrendEstimation

/// The `estimation:` block of a dataset manifest (or a scenario's `calibration.estimation:`,
/// which overrides it key by key): priors of the growth process and how far each kind of figure
/// is trusted. Every value is an assumption (docs/FORECAST-MODEL.md).
///
/// ```yaml
/// estimation:
///   prior: {drift_mean: 0.05, drift_sd: 0.10, volatility_median: 0.15, volatility_log_sd: 0.6,
///           volatility_range: [0.01, 1.0], grid_points: 96}
///   level_noise: {published: 0.02, extrapolated: 0.05, derived: 0.05, assumed: 0.15}
///   growth_noise: {published: 0.01, extrapolated: 0.03, derived: 0.03, assumed: 0.10}
///   seasonal_shares: {3: {share: 0.22, log_sd: 0.15}, 11: {share: 0.9167, log_sd: 0.04}}
///   partial_growth_log_sd: {3: 0.15, 11: 0.03}
///   currency_share_log_sd: 0.05
///   currency_share_change_log_sd: 0.03
/// ```
enum EstimationBlock {
    static let keys = [
        "prior", "level_noise", "growth_noise", "seasonal_shares", "partial_growth_log_sd", "currency_share_log_sd",
        "currency_share_change_log_sd",
    ]

    static func apply(_ v: YAMLValue, prior: inout TrendPrior, assumptions a: inout ObservationAssumptions) throws {
        let m = try v.mapping(allowedKeys: keys)
        if let pv = m.optional("prior") {
            let pm = try pv.mapping(allowedKeys: [
                "drift_mean", "drift_sd", "volatility_median", "volatility_log_sd", "volatility_range", "grid_points",
            ])
            if let x = pm.optional("drift_mean") { prior.driftMean = try x.number(current: prior.driftMean, in: -1...1) }
            if let x = pm.optional("drift_sd") {
                prior.driftStandardDeviation = try x.number(current: prior.driftStandardDeviation, in: 1e-6...2)
            }
            if let x = pm.optional("volatility_median") {
                prior.volatilityMedian = try x.number(current: prior.volatilityMedian, in: 1e-4...5)
            }
            if let x = pm.optional("volatility_log_sd") {
                prior.volatilityLogStandardDeviation = try x.number(current: prior.volatilityLogStandardDeviation, in: 0...5)
            }
            if let x = pm.optional("volatility_range") {
                let r = try x.numbers(in: 1e-4...5)
                guard r.count == 2, r[0] <= r[1] else { throw x.error("expected [lowest, highest] with lowest ≤ highest") }
                prior.volatilityRange = r[0]...r[1]
            }
            if let x = pm.optional("grid_points") { prior.gridPoints = try x.int(in: 1...4096) }
        }
        for (key, isGrowth) in [("level_noise", false), ("growth_noise", true)] {
            guard let nv = m.optional(key) else { continue }
            for e in try nv.mapping(allowedKeys: BaseYearData.Status.allCases.map(\.rawValue)).entries {
                let status = BaseYearData.Status(rawValue: e.key)!
                let sd = try e.value.number(current: 0, in: 1e-6...5)
                if isGrowth { a.growthNoise[status] = sd } else { a.levelNoise[status] = sd }
            }
        }
        if let sv = m.optional("seasonal_shares") {
            for e in try sv.mapping().entries {
                let months = try monthsKey(e.key, e.value)
                let em = try e.value.mapping(allowedKeys: ["share", "log_sd"])
                // A key the manifest already set may be left out (a scenario changes the share only).
                let known = a.seasonalShares[months]
                let share: Double, logSD: Double
                if let v = em.optional("share") {
                    share = try v.number(current: known?.share ?? 0, in: 1e-3...1)
                } else if let k = known {
                    share = k.share
                } else {
                    share = try em.required("share").number(current: 0, in: 1e-3...1)
                }
                if let v = em.optional("log_sd") {
                    logSD = try v.number(current: known?.logStandardDeviation ?? 0, in: 0...5)
                } else if let k = known {
                    logSD = k.logStandardDeviation
                } else {
                    logSD = try em.required("log_sd").number(current: 0, in: 0...5)
                }
                a.seasonalShares[months] = ObservationAssumptions.SeasonalShare(share: share, logStandardDeviation: logSD)
            }
        }
        if let pv = m.optional("partial_growth_log_sd") {
            for e in try pv.mapping().entries {
                a.partialGrowthLogStandardDeviation[try monthsKey(e.key, e.value)] = try e.value.number(current: 0, in: 0...5)
            }
        }
        if let x = m.optional("currency_share_log_sd") {
            a.currencyShareLogStandardDeviation = try x.number(current: a.currencyShareLogStandardDeviation, in: 0...5)
        }
        if let x = m.optional("currency_share_change_log_sd") {
            a.currencyShareChangeLogStandardDeviation = try x.number(current: a.currencyShareChangeLogStandardDeviation, in: 0...5)
        }
    }

    static func monthsKey(_ key: String, _ at: YAMLValue) throws -> Int {
        guard let m = Int(key), (1...11).contains(m) else {
            throw at.error("expected a number of months from 1 to 11 as the key, got \"\(key)\"")
        }
        return m
    }
}
