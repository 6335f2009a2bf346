/// All inputs of the doubling-plan forecast (amounts in 亿元 = 1e8 CNY; foreign amounts in 亿美元
/// converted with `exchangeRate`, CNY per USD). A scenario-file layer maps YAML onto this value;
/// `validate()` reports every out-of-range value with its parameter path.
///
/// Lead arrivals of all sizes for source s in forecast year t > B:
///
///     a_{s,t} = λ_s · γ_s^(t−B) · effort(t) · effortScale · leadRateMultiplier_s,   γ_s = 1 + trendGrowth_s
///
/// and for the history t ≤ B: a_{s,t} = λ_s·γ_s^(t−B). Within a source, a lead's industry and
/// carrier are independent draws with probabilities proportional to the shares (time-invariant),
/// so λ_{i,c,s,t} = a_{s,t}·π_{i|s}·π_c.
public struct ForecastParameters: Sendable, Equatable {
    public var plan: DoublingPlan
    public var industries: [Industry]
    public var carriers: [Carrier]
    public var sources: [Source]
    /// CNY per USD by year (step path). Default 6.9 (2020 average ≈ 6.90).
    public var exchangeRate: YearPath
    /// Effort path by year: multiplies lead arrivals in forecast years (default 1).
    public var effort: YearPath
    /// A scalar multiplier on all forecast-year lead arrivals (the knob of the effort search). Default 1.
    public var effortScale: Double
    /// σ of a yearly shock common to all sources (the investment climate): forecast-year lead
    /// arrivals are multiplied by Z_t = exp(σ·ε_t − σ²/2), ε_t iid N(0, 1), so E[Z_t] = 1 and the
    /// expected path is unchanged. Default 0.15 (an assumption); 0 turns it off.
    public var arrivalVolatility: Double
    /// How the draws vary the growth path: the fitted trend with independent yearly shocks
    /// (σ = `arrivalVolatility`, the default here and the comparison option), or a path per draw
    /// from the estimated growth posterior (what `Calibration` sets for `trend: estimated`).
    public var growth: GrowthUncertainty
    public var pipeline: Pipeline
    public var disbursement: DisbursementSchedule
    public var majorProjects: [MajorProject]
    public var targets: StageTargets
    /// Projects of at least this size (亿元; foreign converted at the base-year rate, and never below
    /// `targets.minimumAmount`) are sampled one by one; smaller landed projects are aggregated.
    public var individualSizeThreshold: Double
    /// Number of Monte Carlo draws.
    public var draws: Int
    /// Seed of the per-draw random streams.
    public var seed: UInt64

    public init(
        plan: DoublingPlan = DoublingPlan(),
        industries: [Industry],
        carriers: [Carrier],
        sources: [Source] = Source.catalogue,
        exchangeRate: YearPath = YearPath([2020: 6.90], initial: 6.90),
        effort: YearPath = YearPath(initial: 1),
        effortScale: Double = 1,
        arrivalVolatility: Double = 0.15,
        growth: GrowthUncertainty = .independentShocks,
        pipeline: Pipeline = .fiveHundreds,
        disbursement: DisbursementSchedule = .threeYears,
        majorProjects: [MajorProject] = [],
        targets: StageTargets = StageTargets(),
        individualSizeThreshold: Double = 10,
        draws: Int = 20_000,
        seed: UInt64 = 2021
    ) {
        self.plan = plan
        self.industries = industries
        self.carriers = carriers
        self.sources = sources
        self.exchangeRate = exchangeRate
        self.effort = effort
        self.effortScale = effortScale
        self.arrivalVolatility = arrivalVolatility
        self.growth = growth
        self.pipeline = pipeline
        self.disbursement = disbursement
        self.majorProjects = majorProjects
        self.targets = targets
        self.individualSizeThreshold = individualSizeThreshold
        self.draws = draws
        self.seed = seed
    }

    /// Index of the source with `id`, if any.
    public func sourceIndex(_ id: String) -> Int? { sources.firstIndex { $0.id == id } }

    /// Check every parameter; throws the first problem found, naming the parameter.
    public func validate() throws {
        try plan.validate()
        try validateCatalogue(industries.map(\.id), industries.map(\.leadShare), "industries")
        try validateCatalogue(carriers.map(\.id), carriers.map(\.leadShare), "carriers")
        if sources.isEmpty { throw ForecastError.invalidValue(parameter: "sources", reason: "needs at least one source") }
        var seen = Set<String>()
        for s in sources {
            if !seen.insert(s.id).inserted { throw ForecastError.duplicateIdentifier(parameter: "sources", id: s.id) }
            let p = "sources.\(s.id)"
            try Check.nonNegative(s.leadArrivalRate, p + ".leadArrivalRate")
            try Check.nonNegative(s.leadRateMultiplier, p + ".leadRateMultiplier")
            try Check.finite(s.trendGrowth, p + ".trendGrowth")
            if s.trendGrowth <= -1 {
                throw ForecastError.invalidValue(parameter: p + ".trendGrowth", reason: "\(s.trendGrowth) must be > −1")
            }
            try s.projectSize.validate(p + ".projectSize")
            if let shares = s.industryShares {
                for (id, w) in shares.sorted(by: { $0.key < $1.key }) {
                    if !industries.contains(where: { $0.id == id }) {
                        throw ForecastError.unknownIdentifier(parameter: p + ".industryShares", id: id)
                    }
                    try Check.nonNegative(w, "\(p).industryShares.\(id)")
                }
                if shares.values.reduce(0, +) <= 0 {
                    throw ForecastError.invalidValue(parameter: p + ".industryShares", reason: "weights sum to 0")
                }
            }
        }
        try exchangeRate.validatePositive("exchangeRate", allowZero: false)
        try effort.validatePositive("effort", allowZero: true)
        try Check.nonNegative(effortScale, "effortScale")
        try Check.nonNegative(arrivalVolatility, "arrivalVolatility")
        if arrivalVolatility > 1 {
            throw ForecastError.invalidValue(parameter: "arrivalVolatility", reason: "\(arrivalVolatility) must be at most 1")
        }
        if case let .estimated(g) = growth {
            if g.posterior.startYear != plan.baseYear {
                throw ForecastError.invalidValue(
                    parameter: "growth",
                    reason: "the growth posterior starts in \(g.posterior.startYear), not the base year \(plan.baseYear)")
            }
            try Check.finite(g.referenceLevel, "growth.referenceLevel")
            try Check.finite(g.referenceGrowth, "growth.referenceGrowth")
        }
        try pipeline.validate()
        try disbursement.validate()
        if targets.perStage.count != pipeline.stages.count {
            throw ForecastError.invalidValue(
                parameter: "targets.perStage",
                reason: "expected \(pipeline.stages.count) targets (one per stage), got \(targets.perStage.count)")
        }
        for (k, t) in targets.perStage.enumerated() {
            try Check.nonNegative(t, "targets.perStage.\(pipeline.stages[k].id)")
        }
        try Check.nonNegative(targets.minimumAmount, "targets.minimumAmount")
        try Check.nonNegative(individualSizeThreshold, "individualSizeThreshold")
        for (m, p) in majorProjects.enumerated() {
            let path = "majorProjects[\(m)]"
            if !industries.contains(where: { $0.id == p.industry }) {
                throw ForecastError.unknownIdentifier(parameter: path + ".industry", id: p.industry)
            }
            if !carriers.contains(where: { $0.id == p.carrier }) {
                throw ForecastError.unknownIdentifier(parameter: path + ".carrier", id: p.carrier)
            }
            if sourceIndex(p.source) == nil {
                throw ForecastError.unknownIdentifier(parameter: path + ".source", id: p.source)
            }
            try Check.nonNegative(p.amount, path + ".amount")
            try Check.probability(p.probability, path + ".probability")
            if p.expectedYear <= plan.baseYear {
                throw ForecastError.invalidValue(
                    parameter: path + ".expectedYear",
                    reason: "\(p.expectedYear) must be after the base year \(plan.baseYear)")
            }
        }
        if draws < 1 { throw ForecastError.invalidValue(parameter: "draws", reason: "\(draws) must be at least 1") }
    }

    private func validateCatalogue(_ ids: [String], _ shares: [Double], _ name: String) throws {
        if ids.isEmpty { throw ForecastError.invalidValue(parameter: name, reason: "must not be empty") }
        var seen = Set<String>()
        for (id, w) in zip(ids, shares) {
            if !seen.insert(id).inserted { throw ForecastError.duplicateIdentifier(parameter: name, id: id) }
            try Check.nonNegative(w, "\(name).\(id).leadShare")
        }
        if shares.reduce(0, +) <= 0 {
            throw ForecastError.invalidValue(parameter: name, reason: "lead shares sum to 0")
        }
    }
}
