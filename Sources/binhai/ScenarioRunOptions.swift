import ArgumentParser
import ScenarioRuntime
import Briefings
import ScenarioFiles

/// Options shared by `binhai run` and `binhai forecast`.
struct ScenarioRunOptions: ParsableArguments {
    @Option(name: .long, help: "Number of Monte Carlo draws (overrides engine.draws).")
    var draws: Int?

    @Option(name: .long, help: "Random seed (overrides engine.seed); the same seed gives the same numbers on any machine.")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a parameter: PATH=VALUE, e.g. engine.sources.foreign.lead_rate=x0.7 (repeatable).",
        valueName: "path=value"))
    var overrides: [String] = []

    @Option(name: .long, help: "Output format on standard output: table, markdown, csv or json.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Also write every format into this folder: report.md, report.txt, forecast.csv, forecast.json, modules.csv (with modules), the charts forecast.svg, sources.svg, variants.svg (with variants), stages.svg, report.html (printable A4 briefing with the charts and every table), briefing.xlsx (every table as an Excel sheet, numbers as numbers) and briefing.docx (the Word briefing: summary, charts, tables).")
    var out: String?

    @Option(name: .long, help: "Language of labels: zh or en.")
    var lang: Language = .zh

    @Option(name: .long, help: "Worker threads for the Monte Carlo draws (default: all cores). Results do not depend on it.")
    var workers: Int?

    @Flag(name: .long, help: "Skip the search for the effort needed to reach the target.")
    var noEffortSearch = false

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        if let draws, draws < 1 { throw ValidationError("--draws must be at least 1, got \(draws)") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1, got \(workers)") }
    }

    /// `--set` values plus `--draws`/`--seed` as override texts, in the order of `parameterOverrides`.
    var overrideTexts: [String] {
        overrides + (draws.map { ["engine.draws=\($0)"] } ?? []) + (seed.map { ["engine.seed=\($0)"] } ?? [])
    }

    /// `--set` values plus `--draws`/`--seed` as overrides, in that order.
    func parameterOverrides() throws -> [ParameterOverride] {
        var list = try overrides.map { try ParameterOverride.parse(commandLine: $0) }
        if let draws { list.append(try ParameterOverride.parse(commandLine: "engine.draws=\(draws)", argument: "--draws \(draws)")) }
        if let seed { list.append(try ParameterOverride.parse(commandLine: "engine.seed=\(seed)", argument: "--seed \(seed)")) }
        return list
    }
}
