import Vocabulary
import LibC

/// The indicator the doubling plan is stated in.
public enum PlanIndicator: String, Sendable, Equatable, CaseIterable, Codable {
    /// 招商引资到位额: 实际利用内资 (亿元) + 实际利用外资 (亿美元) × exchange rate, per calendar year.
    case investmentInPlace = "investment_in_place"
}

/// 总量倍增计划: the indicator in `targetYear` must reach `multiplier` × its value in `baseYear`.
public struct DoublingPlan: Sendable, Equatable, Codable {
    public var indicator: PlanIndicator
    /// Base year B (its total is the calibration anchor).
    public var baseYear: Int
    /// Target year T > B.
    public var targetYear: Int
    /// Multiplier m (2.0 = doubling).
    public var multiplier: Double

    public init(
        indicator: PlanIndicator = .investmentInPlace, baseYear: Int = 2020, targetYear: Int = 2025,
        multiplier: Double = 2.0
    ) {
        self.indicator = indicator
        self.baseYear = baseYear
        self.targetYear = targetYear
        self.multiplier = multiplier
    }

    /// Number of forecast years T − B.
    public var horizon: Int { targetYear - baseYear }

    /// The forecast years B+1 … T.
    public var forecastYears: [Int] { horizon > 0 ? Array((baseYear + 1)...targetYear) : [] }

    /// Required compound annual growth rate g* = m^(1/(T−B)) − 1 (0.148698 for doubling over 5 years).
    public var requiredCAGR: Double { Self.requiredCAGR(multiplier: multiplier, years: horizon) }

    /// g* = m^(1/years) − 1 (`PlanPath.requiredGrowthRate(multiplier:years:)`).
    public static func requiredCAGR(multiplier: Double, years: Int) -> Double {
        PlanPath.requiredGrowthRate(multiplier: multiplier, years: years)
    }

    /// Compound annual growth rate from `start` to `end` over `years` years: (end/start)^(1/years) − 1
    /// (`PlanPath.compoundGrowthRate(from:to:years:)`).
    public static func cagr(from start: Double, to end: Double, years: Int) -> Double {
        PlanPath.compoundGrowthRate(from: start, to: end, years: years)
    }

    /// The plan's arithmetic (target, required path, g*) on a base-year total (亿元).
    public func path(baseYearTotal: Double) -> PlanPath {
        PlanPath(baseYear: baseYear, targetYear: targetYear, multiplier: multiplier, baseYearTotal: baseYearTotal)
    }

    func validate() throws {
        if targetYear <= baseYear {
            throw ForecastError.targetYearNotAfterBaseYear(baseYear: baseYear, targetYear: targetYear)
        }
        try Check.positive(multiplier, "plan.multiplier")
    }
}
