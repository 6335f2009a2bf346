import LibC
import Testing
import TrendEstimation
@testable import ForecastEngine

/// The engine under `trend: estimated`: draws follow the growth posterior (TrendEstimation), the
/// pipeline shapes the counts, and the level of each draw is the posterior path's.
@Suite struct EstimatedGrowthTests {
    /// Log levels 2014–2020 growing 10 %/yr to the fixture's 2020 total, with a wobble.
    static func history(extra: [TrendObservation] = []) -> [TrendObservation] {
        let x2020 = log(Fixtures.base2020.total)
        return (2014...2020).map { y in
            TrendObservation(
                year: y, kind: .level, value: x2020 - 0.1 * Double(2020 - y) + (y % 2 == 0 ? 0.02 : -0.02),
                variance: 0.02 * 0.02, label: "\(y) level")
        } + extra
    }

    static func parameters(
        draws: Int = 20_000, seed: UInt64 = 7, observations: [TrendObservation] = history(),
        adjust: (inout ForecastParameters) -> Void = { _ in }
    ) throws -> ForecastParameters {
        var p = Fixtures.parameters(draws: draws, seed: seed)
        adjust(&p)
        let data = BaseYearData(observations: [Fixtures.base2020], growthObservations: observations, growthPrior: TrendPrior())
        return try Calibration.calibrate(p, to: data, trend: .estimated).parameters
    }

    @Test func monteCarloMeansMatchTheClosedForm() throws {
        let r = try ForecastEngine.run(try Self.parameters())
        for y in r.yearly {
            let d = y.investmentInPlace
            #expect(abs(d.mean - y.expectedInvestmentInPlace) < 4 * d.standardError, "\(y.year): \(d.mean) vs \(y.expectedInvestmentInPlace) ± \(d.standardError)")
        }
    }

    @Test func sameSeedSameNumbersAtAnyWorkerCount() throws {
        let p = try Self.parameters(draws: 3000)
        #expect(try ForecastEngine.run(p, workers: 1) == ForecastEngine.run(p, workers: 2))
        var q = p
        q.seed = 8
        #expect(try ForecastEngine.run(q, workers: 2) != ForecastEngine.run(p, workers: 2))
    }

    /// With the pipeline's own noise switched off (tiny projects in huge numbers, no tail, no
    /// majors, no effort) the engine's quantiles of log investment in place are the posterior's
    /// (which equals the Kalman filter's answer, TrendEstimationTests).
    @Test func withoutPipelineNoiseTheQuantilesAreThePosteriors() throws {
        let p = try Self.parameters { p in
            p.majorProjects = []
            p.effort = YearPath(initial: 1)
            for i in p.sources.indices {
                p.sources[i].projectSize = ProjectSizeDistribution(
                    bodyLogMean: -7, bodyLogStandardDeviation: 0.01, tailWeight: 0, tailMinimum: 1, tailExponent: 3)
            }
        }
        guard case let .estimated(g) = p.growth else { Issue.record("not estimated"); return }
        let r = try ForecastEngine.run(p)
        for y in r.yearly {
            let d = y.investmentInPlace
            for (engine, q) in [(d.p10, 0.1), (d.p50, 0.5), (d.p90, 0.9)] {
                let exact = g.posterior.quantile(year: y.year, q)
                #expect(abs(log(engine) - exact) < 0.01, "\(y.year) P\(Int(q * 100)): \(log(engine)) vs \(exact)")
            }
        }
    }

    /// An actual far below the path lowers P(target met); one far above raises it.
    @Test func actualsMoveTheProbability() throws {
        let x2021 = log(Fixtures.base2020.total) + 0.1
        func p(_ shift: Double?) throws -> Double {
            let extra = shift.map { [TrendObservation(year: 2021, kind: .level, value: x2021 + $0, variance: 0.0004, label: "2021")] } ?? []
            return try ForecastEngine.run(try Self.parameters(draws: 4000, observations: Self.history(extra: extra))).probabilityTargetMet
        }
        let base = try p(nil), low = try p(-0.3), high = try p(0.3)
        #expect(low < base - 0.1 && high > base + 0.1, "P(target met): \(low) < \(base) < \(high)")
    }

    /// Years with actuals are past: effort acts only after them.
    @Test func effortActsAfterTheLastActual() throws {
        let extra = [TrendObservation(year: 2022, kind: .growth, value: 0.1, variance: 0.0004, label: "2022 growth")]
        let p = try Self.parameters(draws: 500, observations: Self.history(extra: extra))
        #expect(p.lastActualYear == 2022)
        var q = p
        q.effortScale = 2
        let a = try ForecastEngine.expectedPath(p), b = try ForecastEngine.expectedPath(q)
        #expect(a.investmentInPlace[0] == b.investmentInPlace[0] && a.investmentInPlace[1] == b.investmentInPlace[1])
        #expect(b.investmentInPlace[4] > a.investmentInPlace[4])
    }
}
