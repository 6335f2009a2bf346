import LibC
import TrendEstimation
import Vocabulary
/// The spread of one quantity over the Monte Carlo draws (亿元).
public struct Distribution: Sendable, Equatable, Codable {
    public let mean: Double
    /// Standard error of the mean, s/√N.
    public let standardError: Double
    public let p10: Double
    public let p50: Double
    public let p90: Double
}

/// Investment in place in one forecast year.
public struct YearForecast: Sendable, Equatable, Codable {
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
    /// P(total in this year ≥ the required path, base × (1 + g*)^(year − B)): on track in that year.
    public let probabilityOnRequiredPath: Double
    /// The figures published for this year that the growth estimate uses (labels); empty for a
    /// forecast-only year. A year with figures is an actual: its distribution is what the figures
    /// leave uncertain (a partial year, a growth rate without a level).
    public let observations: [String]

    /// Whether figures for this year were observed (plan tracking, 考核).
    public var isActual: Bool { !observations.isEmpty }
}

/// Projects entering one 五个一百 stage per year against its target.
public struct StageForecast: Sendable, Equatable, Codable {
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
public struct ForecastResult: Sendable, Equatable, Codable {
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
    /// Projects of at least this size (亿元) are counted in `stages` (`targets.minimumAmount`).
    public let countingThreshold: Double
    /// P(every stage meets its target) per year.
    public let probabilityAllStageTargetsMet: [Double]
    /// The closed-form expected path for the same parameters.
    public let expected: ExpectedPath
    /// The growth estimate behind the draws (`trend: estimated`), else nil.
    public let growthEstimate: GrowthEstimateSummary?

    /// The last year with actuals after the base year, if any (plan tracking).
    public var lastActualYear: Int? { yearly.last(where: \.isActual)?.year }

    /// The yearly growth still needed from the last actual year's median to the target:
    /// (target / P50_T)^(1/(target year − T)) − 1; nil without actuals or when T is the target year.
    public var growthStillNeeded: Double? {
        guard let t = lastActualYear, t < plan.targetYear, let f = forecast(for: t) else { return nil }
        return planPath.remainingGrowthRate(from: f.investmentInPlace.p50, in: t)
    }

    /// The forecast for `year`, if it is in the horizon.
    public func forecast(for year: Int) -> YearForecast? { yearly.first { $0.year == year } }
}

/// What the growth estimate found (for reports): the posterior of the drift μ and volatility σ
/// of log investment in place, and how many figures it rests on.
public struct GrowthEstimateSummary: Sendable, Equatable, Codable {
    /// Posterior mean of e^μ − 1 (yearly growth) and the P10–P90 of μ as growth rates.
    public let meanGrowth: Double
    public let growthP10: Double
    public let growthP90: Double
    /// Posterior mean of σ.
    public let volatility: Double
    /// Prior median σ and prior mean growth e^μ₀ − 1, for comparison.
    public let priorVolatility: Double
    public let priorGrowth: Double
    /// Labels of the figures used, and the first and last year they involve.
    public let observations: [String]
    public let firstYear: Int
    public let lastYear: Int
}

extension GrowthEstimateSummary {
    init(_ post: GrowthPosterior) {
        // μ is a normal mixture over the grid: its P10/P90 by bisection on the mixture CDF.
        let m = post.blockSize - 1
        let comps = zip(post.weights, zip(post.blockMean, post.blockCovariance)).map { ($0, $1.0[m], $1.1[m * post.blockSize + m]) }
        func cdf(_ v: Double) -> Double {
            comps.reduce(0) { $0 + $1.0 * 0.5 * erfc(-(v - $1.1) / (2 * $1.2).squareRoot()) }
        }
        func quantile(_ q: Double) -> Double {
            var lo = -3.0, hi = 3.0
            for _ in 0..<100 { let mid = 0.5 * (lo + hi); if cdf(mid) < q { lo = mid } else { hi = mid } }
            return 0.5 * (lo + hi)
        }
        meanGrowth = comps.reduce(0) { $0 + $1.0 * exp($1.1 + 0.5 * $1.2) } - 1
        growthP10 = exp(quantile(0.1)) - 1
        growthP90 = exp(quantile(0.9)) - 1
        volatility = post.volatilityMean
        priorVolatility = post.prior.volatilityMedian
        priorGrowth = exp(post.prior.driftMean) - 1
        observations = post.observations.map(\.label)
        firstYear = post.firstYear
        lastYear = post.lastYear
    }
}
