/// Mean and quantiles of one quantity over the Monte Carlo draws (P10/P50/P90 by linear
/// interpolation between order statistics, numpy's default).
public struct QuantileSummary: Sendable, Equatable, Codable {
    public var mean: Double
    public var p10: Double
    public var p50: Double
    public var p90: Double

    public init(mean: Double, p10: Double, p50: Double, p90: Double) {
        self.mean = mean
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
    }

    /// Summary of `values` (any order; NaN-free).
    public init(of values: [Double]) {
        let sorted = values.sorted()
        let n = sorted.count
        func q(_ p: Double) -> Double {
            guard n > 0 else { return .nan }
            let h = p * Double(n - 1)
            let lo = Int(h.rounded(.down))
            let hi = min(lo + 1, n - 1)
            return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
        }
        self.init(mean: n > 0 ? values.reduce(0, +) / Double(n) : .nan, p10: q(0.1), p50: q(0.5), p90: q(0.9))
    }
}

/// A quantity per year and per draw: `value(year: y, draw: d)` with year index y over
/// `EngineOutputs.years`. Stored year-major (all draws of year 0, then year 1, …) so that one
/// year's draws are contiguous (a BLAS right-hand-side block).
public struct DrawTable: Sendable, Equatable {
    public let years: Int
    public let draws: Int
    /// `values[y * draws + d]`.
    public let values: [Double]

    public init(years: Int, draws: Int, values: [Double]) {
        precondition(values.count == years * draws, "DrawTable needs years × draws values")
        self.years = years
        self.draws = draws
        self.values = values
    }

    public func value(year y: Int, draw d: Int) -> Double { values[y * draws + d] }

    /// All draws of year index `y`.
    public func draws(year y: Int) -> ArraySlice<Double> { values[(y * draws)..<((y + 1) * draws)] }

    /// Mean and quantiles of year index `y`.
    public func summary(year y: Int) -> QuantileSummary { QuantileSummary(of: Array(draws(year: y))) }
}

/// What the forecast engine produced, as modules see it in their **analyze** phase. Amounts in
/// 亿元 (foreign converted at the exchange-rate path).
public struct EngineOutputs: Sendable, Equatable {
    /// Forecast years B+1 … T.
    public let years: [Int]
    public let draws: Int
    public let baseYearTotal: Double
    /// Target amount m × base-year total.
    public let targetAmount: Double
    /// Investment in place, all sources.
    public let investmentInPlace: DrawTable
    /// Investment in place by industry id (the shares of each source's investment by industry,
    /// plus that industry's major projects in the draws where they land).
    public let byIndustry: [String: DrawTable]
    /// Investment in place by source id.
    public let bySource: [String: DrawTable]

    public init(
        years: [Int], draws: Int, baseYearTotal: Double, targetAmount: Double, investmentInPlace: DrawTable,
        byIndustry: [String: DrawTable], bySource: [String: DrawTable]
    ) {
        self.years = years
        self.draws = draws
        self.baseYearTotal = baseYearTotal
        self.targetAmount = targetAmount
        self.investmentInPlace = investmentInPlace
        self.byIndustry = byIndustry
        self.bySource = bySource
    }
}
