import Datasets
import ForecastEngine
import Foundation
import ScenarioFiles

/// What `binhai backtest` evaluates: rolling origins over the dataset's own history.
public struct BacktestSettings: Sendable, Equatable {
    /// Origins (base years) to forecast from; nil = every year with a full-year total whose
    /// `horizon` later years also have one, and a full history window (`historyYears`, or two years).
    public var origins: ClosedRange<Int>?
    /// Years ahead, 1…`horizon` from each origin.
    public var horizon: Int
    /// Years of history each fit may use (the last N up to the origin; nil = all).
    public var historyYears: Int?
    /// Draws per origin (nil = the scenario's `engine.draws`).
    public var draws: Int?

    public init(origins: ClosedRange<Int>? = nil, horizon: Int = 5, historyYears: Int? = nil, draws: Int? = nil) {
        self.origins = origins
        self.horizon = horizon
        self.historyYears = historyYears
        self.draws = draws
    }
}

/// One forecast from one origin for one year, against the full-year total that was published.
public struct BacktestWindow: Sendable, Equatable {
    public let origin: Int
    public let year: Int
    public var horizon: Int { year - origin }
    /// The published full-year total (亿元, or the dataset's unit).
    public let truth: Double
    public let p05, p10, p50, p90, p95: Double
    /// CRPS and the 80 % interval score on the log scale (scale-free: pools series of any size).
    public let logCRPS: Double
    public let logIntervalScore80: Double
    /// P(total ≥ origin total × (1 + g*)^h) with g* the scenario's required growth, and whether it happened.
    public let probabilityTargetMet: Double
    public let targetMet: Bool

    public var covered80: Bool { p10 <= truth && truth <= p90 }
    public var covered90: Bool { p05 <= truth && truth <= p95 }
}

/// Scores of a set of windows.
public struct BacktestSummary: Sendable, Equatable {
    public let windows: Int
    public let coverage80: Double
    public let coverage90: Double
    public let meanLogIntervalScore80: Double
    public let meanLogCRPS: Double
}

/// Every window with the scores by horizon and pooled, and the calibration of P(target met).
public struct BacktestReport: Sendable, Equatable {
    public let scenarioID: String
    public let settings: BacktestSettings
    /// g*: the yearly growth the "target met" events ask for (the scenario's plan).
    public let requiredGrowth: Double
    public let windows: [BacktestWindow]
    public let byHorizon: [Int: BacktestSummary]
    public let pooled: BacktestSummary
    /// Brier score of P(target met) over all windows, the score of always answering the base rate
    /// (`reliability.uncertainty`) and of always answering 50 % (0.25).
    public let brier: Double
    public let reliability: ForecastScores.Reliability

    static func summary(_ w: [BacktestWindow]) -> BacktestSummary {
        let n = Double(w.count)
        return BacktestSummary(
            windows: w.count, coverage80: Double(w.filter(\.covered80).count) / n, coverage90: Double(w.filter(\.covered90).count) / n,
            meanLogIntervalScore80: w.reduce(0) { $0 + $1.logIntervalScore80 } / n, meanLogCRPS: w.reduce(0) { $0 + $1.logCRPS } / n)
    }
}

/// What a backtest cannot do, in the user's words.
public struct BacktestError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

extension ScenarioRuntime {
    /// Rolling-origin evaluation (`binhai backtest`): for each origin o, the scenario is read again
    /// on the dataset's figures of years ≤ o only (the last `historyYears` of them), with base year o,
    /// target year o + h and multiplier (1 + g*)^h; its baseline draws are compared with the
    /// published full-year totals of o+1 … o+h. Variants and sweeps are not run.
    public func backtest(
        _ url: URL, displayName: String? = nil, overrides: [ParameterOverride] = [], settings: BacktestSettings,
        workers: Int? = nil
    ) throws -> BacktestReport {
        let spec = try load(url, displayName: displayName, overrides: overrides)
        let dataset = spec.dataset
        let g = spec.baseline.parameters.plan.requiredCAGR
        // Full-year totals: a total series, or domestic + foreign × the year's rate.
        var truth: [Int: Double] = [:]
        for o in dataset.observations where o.domesticStatus != .assumed { truth[o.year] = o.total }
        let h = settings.horizon
        guard h >= 1 else { throw BacktestError(description: "--horizon must be at least 1") }
        let years = truth.keys.sorted()
        guard let first = years.first, let last = years.last else {
            throw BacktestError(description: "the dataset has no full-year totals to backtest against")
        }
        // By default every origin with a full history window (all of `historyYears`, or two years).
        let earliest = first + Swift.max(1, (settings.historyYears ?? 2) - 1)
        let origins = (settings.origins ?? earliest...Swift.max(earliest, last - h)).filter { o in
            truth[o] != nil && (1...h).allSatisfy { truth[o + $0] != nil } && years.filter { $0 <= o }.count >= 2
        }
        guard !origins.isEmpty else {
            throw BacktestError(description:
                "no origin has a full-year total, at least one earlier year and full-year totals for the \(h) years after it "
                + "(the dataset has full-year totals for \(years.map(String.init).joined(separator: ", ")))")
        }
        // Overrides are YAML value trees (read only here).
        nonisolated(unsafe) let shared = overrides
        let totals = truth
        let windows = try SideBySide.map(count: origins.count, lanes: workers ?? ProcessInfo.processInfo.activeProcessorCount) { i in
            try self.backtestOrigin(origins[i], url: url, displayName: displayName, overrides: shared, dataset: dataset,
                                    settings: settings, requiredGrowth: g, truth: totals)
        }.flatMap { $0 }
        var byHorizon: [Int: BacktestSummary] = [:]
        for k in 1...h { byHorizon[k] = BacktestReport.summary(windows.filter { $0.horizon == k }) }
        let p = windows.map(\.probabilityTargetMet), e = windows.map(\.targetMet)
        return BacktestReport(
            scenarioID: spec.id, settings: settings, requiredGrowth: g, windows: windows, byHorizon: byHorizon,
            pooled: BacktestReport.summary(windows), brier: ForecastScores.brier(p, e),
            reliability: ForecastScores.reliability(p, e, bins: 5))
    }

    func backtestOrigin(
        _ o: Int, url: URL, displayName: String?, overrides: [ParameterOverride], dataset: Dataset,
        settings: BacktestSettings, requiredGrowth g: Double, truth: [Int: Double]
    ) throws -> [BacktestWindow] {
        let h = settings.horizon
        let from = settings.historyYears.map { o - $0 + 1 } ?? Int.min
        var restricted = dataset
        restricted.records = dataset.records.filter { $0.year <= o && $0.year >= from || $0.indicator == "exchange_rate" }
        restricted.observations = dataset.observations.filter { $0.year <= o && $0.year >= from }
        func set(_ path: String, _ value: String) throws -> ParameterOverride {
            try ParameterOverride.parse(commandLine: "\(path)=\(value)")
        }
        var extra = [
            try set("plan.base_year", "\(o)"), try set("plan.target_year", "\(o + h)"),
            try set("plan.multiplier", "\(pow(1 + g, Double(h)))"),
        ]
        if let d = settings.draws { extra.append(try set("engine.draws", "\(d)")) }
        let spec = try ScenarioLoader.load(
            url, displayName: displayName, overrides: overrides + extra, catalogue: catalogue,
            datasets: { _, _, _ in restricted })
        let prepared = try prepare(spec.baseline, of: spec)
        let draws = try ForecastEngine.simulateDraws(prepared.parameters, workers: 1)
        let base = truth[o]!
        return (1...h).map { k in
            let year = o + k
            let x = draws.investmentInPlace[k - 1].sorted()
            func q(_ p: Double) -> Double {
                let pos = p * Double(x.count - 1), lo = Int(pos)
                return lo + 1 < x.count ? x[lo] + (pos - Double(lo)) * (x[lo + 1] - x[lo]) : x[lo]
            }
            let y = truth[year]!
            let logs = x.map { log(Swift.max($0, 1e-300)) }
            let target = base * pow(1 + g, Double(k))
            let met = Double(x.filter { $0 >= target }.count) / Double(x.count)
            return BacktestWindow(
                origin: o, year: year, truth: y, p05: q(0.05), p10: q(0.1), p50: q(0.5), p90: q(0.9), p95: q(0.95),
                logCRPS: ForecastScores.crps(ensemble: logs, observation: log(y)),
                logIntervalScore80: ForecastScores.intervalScore(lower: log(q(0.1)), upper: log(q(0.9)), observation: log(y), alpha: 0.2),
                probabilityTargetMet: met, targetMet: y >= target)
        }
    }
}
