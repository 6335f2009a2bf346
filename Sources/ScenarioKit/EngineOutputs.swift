/// What the forecast engine produced, as modules see it in their **analyze** phase. Amounts in
/// 亿元 (foreign converted at the exchange-rate path).
///
/// Every split the engine makes is here (by industry, by carrier, by source), so a module follows
/// a scenario that changes a share instead of repeating it by hand, and so is the plan's
/// arithmetic (`plan`: target, required growth rate, required path).
public struct EngineOutputs: Sendable, Equatable {
    /// Forecast years B+1 … T.
    public let years: [Int]
    /// Number of Monte Carlo draws (the `draws` of every `DrawTable` here).
    public let draws: Int
    /// The plan: base and target year, multiplier, base-year total; `plan.requiredAmount(in:)` is
    /// the constant-growth path to the target, `plan.requiredGrowthRate` g*.
    public let plan: PlanPath
    /// Investment in place, all sources.
    public let investmentInPlace: DrawTable
    /// Investment in place by industry id (the shares of each source's investment by industry,
    /// plus that industry's major projects in the draws where they land).
    public let byIndustry: [String: DrawTable]
    /// Investment in place by carrier id (development zones, streets/towns, parks): each source's
    /// investment split by the carrier shares, plus each carrier's major projects.
    public let byCarrier: [String: DrawTable]
    /// Investment in place by source id.
    public let bySource: [String: DrawTable]

    /// Base-year total X_B (亿元).
    public let baseYearTotal: Double
    /// Target amount m × X_B (亿元).
    public let targetAmount: Double

    /// Outputs with the engine's plan and every split (tables keyed by industry, carrier and source
    /// id); `baseYearTotal` and `targetAmount` are taken from `plan`.
    public init(
        years: [Int], draws: Int, plan: PlanPath, investmentInPlace: DrawTable, byIndustry: [String: DrawTable],
        byCarrier: [String: DrawTable], bySource: [String: DrawTable]
    ) {
        self.years = years
        self.draws = draws
        self.plan = plan
        self.baseYearTotal = plan.baseYearTotal
        self.targetAmount = plan.targetAmount
        self.investmentInPlace = investmentInPlace
        self.byIndustry = byIndustry
        self.byCarrier = byCarrier
        self.bySource = bySource
    }

    /// Outputs without a carrier split, the plan given by its totals: base year = first forecast
    /// year − 1, target year = last forecast year, multiplier = target / base.
    public init(
        years: [Int], draws: Int, baseYearTotal: Double, targetAmount: Double, investmentInPlace: DrawTable,
        byIndustry: [String: DrawTable], bySource: [String: DrawTable], byCarrier: [String: DrawTable] = [:]
    ) {
        let first = years.first ?? 1, last = years.last ?? first
        self.years = years
        self.draws = draws
        self.plan = PlanPath(
            baseYear: first - 1, targetYear: last, multiplier: baseYearTotal > 0 ? targetAmount / baseYearTotal : 0,
            baseYearTotal: baseYearTotal)
        self.baseYearTotal = baseYearTotal
        self.targetAmount = targetAmount
        self.investmentInPlace = investmentInPlace
        self.byIndustry = byIndustry
        self.byCarrier = byCarrier
        self.bySource = bySource
    }
}
