import EngineTestSupport
@testable import ForecastEngine

/// Shared inputs: the 2020 base year as extrapolated in BINHAI-FACTS.md (Jan–Nov × 12/11) and a
/// 2019 point back-cast from the published 2020 growth rates (+24 % domestic, +3.1 % foreign).
enum Fixtures {
    static let base2020 = BaseYearData.Observation(
        year: 2020, domestic: 1184.4, foreign: 39.0, exchangeRate: 6.8976, beijingShareOfDomestic: 0.35,
        status: .extrapolated, exchangeRateStatus: .published, beijingShareStatus: .assumed)
    static let back2019 = BaseYearData.Observation(
        year: 2019, domestic: 1184.4 / 1.24, foreign: 39.0 / 1.031, exchangeRate: 6.8985, status: .assumed)

    /// Default parameters with finite-variance tails (α = 3) so Monte Carlo errors are well defined.
    static func parameters(draws: Int = 4000, seed: UInt64 = 7) -> ForecastParameters {
        var p = ForecastParameters()
        for i in p.sources.indices { p.sources[i].projectSize.tailExponent = 3 }
        p.draws = draws
        p.seed = seed
        p.majorProjects = [
            MajorProject(
                name: "某新能源电池基地", industry: "new_energy", carrier: "development_zones", source: "other_domestic",
                amount: 120, probability: 0.7, expectedYear: 2023),
            MajorProject(
                name: "外资航空项目", industry: "aerospace", carrier: "development_zones", source: "foreign",
                amount: 8, probability: 0.4, expectedYear: 2022),
        ]
        p.effort = YearPath([2021: 1.1, 2022: 1.2, 2023: 1.3], initial: 1)
        return p
    }

    static func calibrated(draws: Int = 4000, seed: UInt64 = 7, trend: TrendFit = .none) throws -> ForecastParameters {
        let data = BaseYearData(observations: trend == .none ? [base2020] : [back2019, base2020])
        return try Calibration.calibrate(parameters(draws: draws, seed: seed), to: data, trend: trend).parameters
    }
}
