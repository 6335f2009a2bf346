import TrendEstimation

/// Historical totals the baseline is calibrated to (one observation per year). The caller marks how
/// each figure was obtained; the engine only carries the mark.
public struct BaseYearData: Sendable, Equatable {
    /// How an observation was obtained.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        /// A figure published by an official or news source.
        case published
        /// Extrapolated from a published partial-year figure (e.g. Jan–Nov × 12/11).
        case extrapolated
        /// Computed from other published figures (e.g. a level from the next year's level and growth).
        case derived
        /// An assumption.
        case assumed
    }

    /// One year's totals.
    public struct Observation: Sendable, Equatable {
        public var year: Int
        /// 实际利用内资, 亿元.
        public var domestic: Double
        /// 实际利用外资, 亿美元.
        public var foreign: Double
        /// CNY per USD in that year.
        public var exchangeRate: Double
        /// Share of domestic investment from Beijing projects (needed in the base year when the
        /// parameters have both a Beijing and an other-domestic source).
        public var beijingShareOfDomestic: Double?
        /// How each figure was obtained (carried for reports; the engine does not use them).
        public var domesticStatus: Status
        public var foreignStatus: Status
        public var exchangeRateStatus: Status
        public var beijingShareStatus: Status

        /// `status` marks every figure; the per-figure arguments override it.
        public init(
            year: Int, domestic: Double, foreign: Double, exchangeRate: Double,
            beijingShareOfDomestic: Double? = nil, status: Status = .published,
            domesticStatus: Status? = nil, foreignStatus: Status? = nil, exchangeRateStatus: Status? = nil,
            beijingShareStatus: Status? = nil
        ) {
            self.year = year
            self.domestic = domestic
            self.foreign = foreign
            self.exchangeRate = exchangeRate
            self.beijingShareOfDomestic = beijingShareOfDomestic
            self.domesticStatus = domesticStatus ?? status
            self.foreignStatus = foreignStatus ?? status
            self.exchangeRateStatus = exchangeRateStatus ?? status
            self.beijingShareStatus = beijingShareStatus ?? status
        }

        /// Investment in place, 亿元: domestic + foreign × exchangeRate.
        public var total: Double { domestic + foreign * exchangeRate }
    }

    public var observations: [Observation]
    /// Every usable figure of the history as an observation of log investment in place (levels,
    /// partial years, growth rates; `InvestmentHistory`), for `trend: estimated`.
    public var growthObservations: [TrendObservation]
    /// Priors of the growth process, for `trend: estimated`.
    public var growthPrior: TrendPrior
    /// Projects landed in the base year (all sizes, full year), when published: calibration then
    /// scales every source's project sizes by one factor so that the base year lands this many
    /// while the amounts stay reproduced.
    public var landedProjects: Double?

    public init(
        observations: [Observation], growthObservations: [TrendObservation] = [], growthPrior: TrendPrior = TrendPrior(),
        landedProjects: Double? = nil
    ) {
        self.observations = observations
        self.growthObservations = growthObservations
        self.growthPrior = growthPrior
        self.landedProjects = landedProjects
    }

    /// The observation for `year`, if any.
    public func observation(for year: Int) -> Observation? { observations.first { $0.year == year } }

    func validate() throws {
        var seen = Set<Int>()
        for o in observations {
            let p = "baseYearData.\(o.year)"
            if !seen.insert(o.year).inserted {
                throw ForecastError.invalidValue(parameter: p, reason: "year \(o.year) appears more than once")
            }
            try Check.nonNegative(o.domestic, p + ".domestic")
            try Check.nonNegative(o.foreign, p + ".foreign")
            try Check.positive(o.exchangeRate, p + ".exchangeRate")
            if let s = o.beijingShareOfDomestic { try Check.probability(s, p + ".beijingShareOfDomestic") }
        }
    }
}
