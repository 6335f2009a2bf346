import ForecastEngine

/// What the start page and the what-if list show of a run: the target and how likely it is met.
public struct Headline: Sendable, Codable, Equatable {
    /// The plan's target year.
    public var targetYear: Int
    /// The target amount (亿元): base-year investment in place × the plan multiplier.
    public var targetAmount: Double
    /// P(investment in place in the target year ≥ target), over the draws (0…1).
    public var probabilityTargetMet: Double
    /// Median over the draws of the compound annual growth rate base year → target year.
    public var medianCAGR: Double
    /// The constant annual growth rate that reaches the target exactly: multiplier^(1/(T − B)) − 1.
    public var requiredCAGR: Double
    /// P10, P50 and P90 of investment in place in the target year (亿元).
    public var p10: Double
    public var p50: Double
    public var p90: Double

    public init(_ r: ForecastResult) {
        targetYear = r.plan.targetYear
        targetAmount = r.targetAmount
        probabilityTargetMet = r.probabilityTargetMet
        medianCAGR = r.medianCAGR
        requiredCAGR = r.requiredCAGR
        let last = r.forecast(for: r.plan.targetYear)
        p10 = last?.investmentInPlace.p10 ?? .nan
        p50 = last?.investmentInPlace.p50 ?? .nan
        p90 = last?.investmentInPlace.p90 ?? .nan
    }
}
