import LibC
import TrendEstimation

/// Which historical growth the baseline continues.
public enum TrendFit: String, Sendable, Equatable, CaseIterable {
    /// No trend: constant lead arrivals (steady state n* = (I − P)⁻¹·inflow_B).
    case none
    /// One growth rate for all sources, fitted on log total investment in place (亿元).
    case total
    /// Domestic sources follow the fit on log domestic (亿元), foreign sources the fit on log
    /// foreign (亿美元).
    case byCurrency = "by_currency"
    /// Growth estimated with its uncertainty from every observation (`BaseYearData.growthObservations`,
    /// priors `growthPrior`): the pipeline starts in balanced growth at the posterior mean drift, and
    /// each draw follows its own posterior growth path (`GrowthUncertainty.estimated`).
    case estimated
}

/// A calibrated parameter set and what was fitted.
public struct CalibrationResult: Sendable, Equatable {
    /// The input parameters with `leadArrivalRate`, `trendGrowth` and the exchange rates of the
    /// observed years replaced.
    public let parameters: ForecastParameters
    /// Expected base-year investment in place of the calibrated model (亿元) = the data's total.
    public let baseYearTotal: Double
    /// Fitted yearly growth per source id (0 without a trend).
    public let trendGrowth: [String: Double]
    /// Calibrated λ per source id (leads of all sizes per year in the base year).
    public let leadArrivalRates: [String: Double]
    /// Years used for the trend fit (empty when no trend was fitted).
    public let trendYears: [Int]
    /// The factor every project size was multiplied by to reproduce the base year's landed
    /// projects (1 when no count was given).
    public let sizeScale: Double
    /// The growth posterior (`trend: estimated`), else nil.
    public let growthPosterior: GrowthPosterior?
}

/// Calibration of the baseline to historical totals.
public enum Calibration {
    /// Least-squares fit of ln value = a + b·(year − year₀) (closed form for two parameters);
    /// returns the level at year₀ (e^a) and the growth rate e^b − 1.
    /// - Throws: `missingData` with fewer than two distinct years or a non-positive value.
    public static func logLinearTrend(years: [Int], values: [Double], origin: Int) throws -> (level: Double, growth: Double) {
        guard years.count == values.count, Set(years).count >= 2 else {
            throw ForecastError.missingData(parameter: "baseYearData", reason: "a trend needs at least two distinct years")
        }
        for (y, v) in zip(years, values) where !(v > 0) || !v.isFinite {
            throw ForecastError.missingData(parameter: "baseYearData.\(y)", reason: "value \(v) must be positive for a log trend")
        }
        let x = years.map { Double($0 - origin) }
        let z = values.map { log($0) }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, mz = z.reduce(0, +) / n
        var sxz = 0.0, sxx = 0.0
        for i in 0..<x.count {
            sxz += (x[i] - mx) * (z[i] - mz)
            sxx += (x[i] - mx) * (x[i] - mx)
        }
        let b = sxz / sxx
        let a = mz - b * mx
        return (exp(a), exp(b) - 1)
    }

    /// λ_s such that the expected base-year investment in place of each role equals its target.
    static func fitLeadRates(_ p: inout ForecastParameters, targets: [SourceRole: Double]) throws {
        // Base-year investment per unit λ.
        var unit = p
        for i in unit.sources.indices { unit.sources[i].leadArrivalRate = 1 }
        let perUnit = try ClosedFormModel(unit).sources.map(\.baseYearInvestment)
        for role in SourceRole.allCases {
            let members = p.sources.indices.filter { p.sources[$0].role == role }
            if members.isEmpty { continue }
            let target = targets[role] ?? 0
            var weights = members.map { p.sources[$0].leadArrivalRate }
            if weights.reduce(0, +) <= 0 { weights = members.map { _ in 1 } }
            var denom = 0.0
            for (w, i) in zip(weights, members) { denom += w * perUnit[i] }
            if !(denom > 0) {
                throw ForecastError.invalidValue(
                    parameter: "sources", reason: "role \(role.rawValue) cannot carry investment (zero expected size)")
            }
            let c = target / denom
            for (w, i) in zip(weights, members) { p.sources[i].leadArrivalRate = c * w }
        }
    }

    /// Choose λ_s (and the trend growth) so that the expected baseline reproduces the base-year
    /// totals exactly: domestic 亿元 split into Beijing (share) and other domestic, foreign 亿美元
    /// (× the base-year exchange rate in 亿元). Sources sharing a role keep their relative λ
    /// (equal when all are 0). Effort, source multipliers and majors do not affect the base year.
    ///
    /// With several observations the growth γ − 1 is fitted by least squares on log totals
    /// (`trend`), and the pipeline starts in the balanced-growth state (γI − P)·n̂ = γ·e₀·λ.
    public static func calibrate(
        _ parameters: ForecastParameters, to data: BaseYearData, trend: TrendFit = .total
    ) throws -> CalibrationResult {
        try data.validate()
        var p = parameters
        let B = p.plan.baseYear
        guard let base = data.observation(for: B) else {
            throw ForecastError.missingData(parameter: "baseYearData", reason: "no observation for the base year \(B)")
        }
        for o in data.observations { p.exchangeRate.values[o.year] = o.exchangeRate }

        // Trend.
        var growth = [String: Double]()
        let obs = data.observations.sorted { $0.year < $1.year }
        let years = obs.map(\.year)
        let fitted = trend != .none && trend != .estimated && Set(years).count >= 2
        var posterior: GrowthPosterior?
        if trend == .estimated {
            do {
                posterior = try GrowthPosterior(
                    observations: data.growthObservations, prior: data.growthPrior, endYear: B, startYear: B)
            } catch {
                throw ForecastError.missingData(parameter: "baseYearData.growthObservations", reason: "\(error)")
            }
        }
        switch (fitted, trend) {
        case (true, .total):
            let g = try logLinearTrend(years: years, values: obs.map(\.total), origin: B).growth
            for s in p.sources { growth[s.id] = g }
        case (true, .byCurrency):
            let gd = try logLinearTrend(years: years, values: obs.map(\.domestic), origin: B).growth
            let hasForeign = p.sources.contains { $0.role.isForeign }
            let gf = hasForeign ? try logLinearTrend(years: years, values: obs.map(\.foreign), origin: B).growth : 0
            for s in p.sources { growth[s.id] = s.role.isForeign ? gf : gd }
        case (_, .estimated):
            let g = exp(posterior!.driftMean) - 1
            for s in p.sources { growth[s.id] = g }
        default:
            for s in p.sources { growth[s.id] = 0 }
        }
        for i in p.sources.indices { p.sources[i].trendGrowth = growth[p.sources[i].id] ?? 0 }

        // Targets per role (source currency).
        let roles = Set(p.sources.map(\.role))
        var targets = [SourceRole: Double]()
        if roles.contains(.beijing) && roles.contains(.otherDomestic) {
            guard let share = base.beijingShareOfDomestic else {
                throw ForecastError.missingData(
                    parameter: "baseYearData.\(B).beijingShareOfDomestic",
                    reason: "needed to split domestic investment between Beijing and other domestic sources")
            }
            targets[.beijing] = base.domestic * share
            targets[.otherDomestic] = base.domestic * (1 - share)
        } else if roles.contains(.beijing) {
            targets[.beijing] = base.domestic
        } else if roles.contains(.otherDomestic) {
            targets[.otherDomestic] = base.domestic
        } else if base.domestic > 0 {
            throw ForecastError.missingData(parameter: "sources", reason: "domestic investment in the data but no domestic source")
        }
        if roles.contains(.foreign) {
            targets[.foreign] = base.foreign
        } else if base.foreign > 0 {
            throw ForecastError.missingData(parameter: "sources", reason: "foreign investment in the data but no foreign source")
        }

        try fitLeadRates(&p, targets: targets)
        var sizeScale = 1.0
        if let published = data.landedProjects {
            guard published > 0, published.isFinite else {
                throw ForecastError.invalidValue(parameter: "baseYearData.landedProjects", reason: "\(published) must be > 0")
            }
            // Landings ∝ 1/c when every size is multiplied by c and λ refitted to the same amounts.
            let landings = try ClosedFormModel(p).sources.reduce(0) { $0 + $1.baseYearLandings }
            let c = landings / published
            sizeScale = c
            for i in p.sources.indices {
                p.sources[i].projectSize.bodyLogMean += log(c)
                p.sources[i].projectSize.tailMinimum *= c
            }
            try fitLeadRates(&p, targets: targets)
        }
        var model = try ClosedFormModel(p)
        if let posterior {
            p.growth = .estimated(EstimatedGrowth(
                posterior: posterior, referenceLevel: log(model.baseYearTotal), referenceGrowth: posterior.driftMean))
            model = try ClosedFormModel(p)
        } else {
            p.growth = .independentShocks
        }
        return CalibrationResult(
            parameters: p, baseYearTotal: model.baseYearTotal, trendGrowth: growth,
            leadArrivalRates: Dictionary(uniqueKeysWithValues: p.sources.map { ($0.id, $0.leadArrivalRate) }),
            trendYears: fitted ? years : [], sizeScale: sizeScale, growthPosterior: posterior)
    }
}
