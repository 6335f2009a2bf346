import ArgumentParser
import Briefings
import Foundation
import Reports
import ScenarioFiles
import ScenarioRuntime

/// `binhai backtest SCENARIO [--origins 2010..2018] [--horizon 5] [--history 8]`: rolling-origin
/// evaluation of the scenario's forecast on its dataset's own history.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Rolling-origin backtest of a scenario's forecast on its dataset's history: coverage, interval score, CRPS, calibration of P(target met).")

    @Argument(help: "Scenario file (YAML); its dataset's full-year totals are the history.")
    var scenario: String

    @Option(name: .long, help: "Origins (base years), e.g. 2010..2018 (default: every year with enough history and the years after it).")
    var origins: String?

    @Option(name: .long, help: "Years ahead to forecast from each origin.")
    var horizon: Int = 5

    @Option(name: .long, help: "Years of history each fit may use (the last N up to the origin; default: all).")
    var history: Int?

    @Option(name: .long, help: "Monte Carlo draws per origin (overrides engine.draws).")
    var draws: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter: PATH=VALUE (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: "Worker threads (origins run side by side; results do not depend on it).")
    var workers: Int?

    @OptionGroup var plugins: PluginOptions

    func validate() throws {
        if horizon < 1 || horizon > 50 { throw ValidationError("--horizon must be between 1 and 50, got \(horizon)") }
        if let h = history, h < 2 { throw ValidationError("--history must be at least 2 years, got \(h)") }
        if let d = draws, d < 100 { throw ValidationError("--draws must be at least 100, got \(d)") }
        _ = try parsedOrigins()
    }

    func parsedOrigins() throws -> ClosedRange<Int>? {
        guard let origins else { return nil }
        let parts = origins.components(separatedBy: "..")
        if parts.count == 1, let y = Int(parts[0]) { return y...y }
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a <= b else {
            throw ValidationError("--origins expects FIRST..LAST (e.g. 2010..2018) or one year, got \"\(origins)\"")
        }
        return a...b
    }

    func run() throws {
        let runtime = ScenarioRuntime(catalogue: try plugins.catalogue())
        let settings = BacktestSettings(origins: try parsedOrigins(), horizon: horizon, historyYears: history, draws: draws)
        let parsed = try overrides.map { try ParameterOverride.parse(commandLine: $0, argument: "--set") }
        let report: BacktestReport
        do {
            report = try runtime.backtest(
                URLPath.fileURL(scenario), displayName: scenario, overrides: parsed, settings: settings, workers: workers)
        } catch let e as BacktestError {
            throw ValidationError(e.description)
        }
        let briefing = BacktestBriefing(report: report, language: output.lang)
        try output.emit(tables: briefing.tables(), json: briefing.writeJSON)
    }
}
