import Datasets
import Foundation
import ForecastEngine
import NumericTestSupport
import ScenarioFiles
import Testing
import TrendEstimation
@testable import ScenarioRuntime

/// `binhai backtest` on series simulated from the model with parameters drawn from the prior:
/// the rolling-origin P10–P90 bands cover the published totals at about 80 %.
@Suite struct BacktestTests {
    /// A dataset folder with one total series (no project information: tiny projects switch the
    /// pipeline's own noise off) and a scenario on it.
    static func write(values: [Double], firstYear: Int, to folder: URL) throws -> URL {
        let fm = FileManager.default
        let data = folder.appendingPathComponent("dataset")
        try fm.createDirectory(at: data, withIntermediateDirectories: true)
        let embedded = try #require(try EmbeddedDatasets.builtin("builtin:binhai-default", kind: .dataset))
        for f in ["industries.csv", "carriers.csv"] {
            try fm.copyItem(at: embedded.appendingPathComponent(f), to: data.appendingPathComponent(f))
        }
        let size = log(values.sorted()[values.count / 2] / 20000)
        let sizeBlock = "{size: {body_log_mean: \(size), body_log_sd: 0.01, tail_weight: 0, tail_min: 1, tail_exponent: 3}}"
        try """
            id: simulated
            title: simulated
            calibration: {trend: estimated, beijing_share_of_domestic: 0.35}
            assumptions:
              individual_size_threshold_yi: 1000000
              disbursement: [1.0]
              targets: {per_stage: 0, min_amount_yi: 1000000}
              sources: {beijing: \(sizeBlock), other_domestic: \(sizeBlock), foreign: \(sizeBlock)}
            """.write(to: data.appendingPathComponent("dataset.yaml"), atomically: true, encoding: .utf8)
        var csv = "year,indicator,value,unit,status,source,note\n"
        for (i, v) in values.enumerated() { csv += "\(firstYear + i),total_in_place,\(v),unit,published,simulated,\n" }
        try csv.write(to: data.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        let scenario = folder.appendingPathComponent("s.yaml")
        try """
            id: s
            title: s
            dataset: dataset
            plan: {base_year: \(firstYear + values.count - 6), target_year: \(firstYear + values.count - 1), multiplier: 2.0}
            engine: {draws: 1000, seed: 3}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        return scenario
    }

    /// A series from the prior: σ from the grid prior, μ ~ N(μ₀, s_μ²), a random walk with drift.
    static func simulate(years: Int, rng: inout SplitMix64) throws -> [Double] {
        let prior = TrendPrior()
        let (sigmas, weights) = try prior.grid()
        var u = rng.uniform(), k = 0
        while k < sigmas.count - 1 && u > weights[k] { u -= weights[k]; k += 1 }
        let mu = prior.driftMean + prior.driftStandardDeviation * normal(&rng)
        var x = log(1000.0)
        return (0..<years).map { i in
            if i > 0 { x += mu + sigmas[k] * normal(&rng) }
            return exp(x)
        }
    }

    static func normal(_ rng: inout SplitMix64) -> Double {
        let u1 = Swift.max(rng.uniform(), 1e-300), u2 = rng.uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    @Test func simulatedTruthsAreCoveredAtTheirLevel() throws {
        var rng = SplitMix64(seed: 2026)
        let runtime = ScenarioRuntime(catalogue: .builtin)
        var covered = 0, total = 0, coveredFixed = 0
        let fixedTrend = try ParameterOverride.parse(commandLine: "calibration.trend=total")
        for series in 0..<6 {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backtest-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let values = try Self.simulate(years: 20, rng: &rng)
            let url = try Self.write(values: values, firstYear: 2000, to: folder)
            let report = try runtime.backtest(url, settings: BacktestSettings(horizon: 5, historyYears: 8), workers: 2)
            #expect(report.windows.count == (2019 - 5 - 2007 + 1) * 5, "series \(series)")
            // Every window's truth is the dataset's figure, and its score is recomputed here.
            for w in report.windows {
                #expect(w.truth == values[w.year - 2000])
                let s = ForecastScores.intervalScore(lower: log(w.p10), upper: log(w.p90), observation: log(w.truth), alpha: 0.2)
                #expect(abs(s - w.logIntervalScore80) < 1e-12)
            }
            covered += report.windows.filter(\.covered80).count
            total += report.windows.count
            // The earlier model (trend fitted and taken as known, independent shocks) on the same windows.
            let fixed = try runtime.backtest(url, overrides: [fixedTrend], settings: BacktestSettings(horizon: 5, historyYears: 8), workers: 2)
            coveredFixed += fixed.windows.filter(\.covered80).count
        }
        // Overlapping windows are correlated: a wider tolerance than the binomial 3.5 sd (±0.07).
        let c = Double(covered) / Double(total)
        #expect(abs(c - 0.8) < 0.1, "pooled P10–P90 coverage \(c) over \(total) windows")
        let cf = Double(coveredFixed) / Double(total)
        #expect(cf < 0.6, "the earlier model's coverage \(cf) (it ignores parameter uncertainty and persistence)")
    }

    @Test func originsWithoutDataAreAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backtest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.write(values: (0..<10).map { 100 * pow(1.1, Double($0)) }, firstYear: 2000, to: folder)
        let runtime = ScenarioRuntime(catalogue: .builtin)
        #expect {
            try runtime.backtest(url, settings: BacktestSettings(origins: 2020...2022, horizon: 5))
        } throws: { e in
            "\(e)".contains("no origin") && "\(e)".contains("2000, 2001")
        }
    }
}
