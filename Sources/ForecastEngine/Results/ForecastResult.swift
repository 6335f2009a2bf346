import Vocabulary
/// The spread of one quantity over the Monte Carlo draws (亿元).
public struct Distribution: Sendable, Equatable {
    public let mean: Double
    /// Standard error of the mean, s/√N.
    public let standardError: Double
    public let p10: Double
    public let p50: Double
    public let p90: Double
}

/// Investment in place in one forecast year.
public struct YearForecast: Sendable, Equatable {
    public let year: Int
    /// Total 招商引资到位额 (亿元).
    public let investmentInPlace: Distribution
    /// 实际利用内资 (亿元): sources with a domestic role.
    public let domestic: Distribution
    /// 实际利用外资 converted to 亿元 at the year's exchange rate.
    public let foreign: Distribution
    /// The closed-form expectation of `investmentInPlace`.
    public let expectedInvestmentInPlace: Double
    /// P(total in this year ≥ multiplier × base-year total).
    public let probabilityAtLeastTarget: Double
}

/// Projects entering one 五个一百 stage per year against its target.
public struct StageForecast: Sendable, Equatable {
    public let id: String
    public let name: LocalizedText
    /// Target count per year.
    public let target: Double
    /// Monte Carlo mean of counted entries per year.
    public let meanEntries: [Double]
    /// Closed-form expected entries per year.
    public let expectedEntries: [Double]
    /// P(entries ≥ target) per year.
    public let probabilityTargetMet: [Double]
}

/// The result of one forecast run. Two results of the same plan are comparable year by year
/// (see `VariantComparison`).
public struct ForecastResult: Sendable, Equatable {
    public let plan: DoublingPlan
    public let draws: Int
    public let seed: UInt64
    /// Forecast years B+1 … T.
    public let years: [Int]
    /// Investment in place in the base year (亿元), from calibration.
    public let baseYearTotal: Double
    /// multiplier × baseYearTotal (亿元).
    public let targetAmount: Double

    /// The plan's arithmetic on this result's base-year total (required path, g*).
    public var planPath: PlanPath { plan.path(baseYearTotal: baseYearTotal) }
    /// g* = m^(1/(T−B)) − 1.
    public let requiredCAGR: Double
    /// (P50 of the target-year total / base-year total)^(1/(T−B)) − 1.
    public let medianCAGR: Double
    /// Same with the mean.
    public let meanCAGR: Double
    /// P(total in the target year ≥ targetAmount).
    public let probabilityTargetMet: Double
    /// targetAmount − P50 of the target-year total (亿元; positive = shortfall).
    public let gapAtMedian: Double
    /// targetAmount − mean of the target-year total (亿元).
    public let gapAtMean: Double
    /// Per-year distributions.
    public let yearly: [YearForecast]
    /// Monte Carlo means by source, industry and carrier (亿元 per year, majors included).
    /// Industry and carrier splits are E[source pipeline]·share plus the majors of that segment.
    public let bySource: [SegmentSeries]
    public let byIndustry: [SegmentSeries]
    public let byCarrier: [SegmentSeries]
    /// 五个一百 counts per stage.
    public let stages: [StageForecast]
    /// P(every stage meets its target) per year.
    public let probabilityAllStageTargetsMet: [Double]
    /// The closed-form expected path for the same parameters.
    public let expected: ExpectedPath

    /// The forecast for `year`, if it is in the horizon.
    public func forecast(for year: Int) -> YearForecast? { yearly.first { $0.year == year } }
}
