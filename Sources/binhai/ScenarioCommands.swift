import ArgumentParser
import Datasets
import Foundation
import ScenarioFiles
import ScenarioRuntime

/// `binhai run SCENARIO.yaml`: forecast a scenario file with its variants.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario file: doubling-plan forecast, effort needed, variants against the baseline.")

    @Argument(help: "Scenario file (YAML), e.g. scenarios/doubling-2020-2025.yaml.")
    var scenario: String

    @OptionGroup var options: ScenarioRunOptions

    func run() throws {
        let runtime = ScenarioRuntime(catalogue: try options.plugins.catalogue())
        if let shard = options.sharding.shard, let part = options.sharding.part {
            try ShardRunner.run(
                kind: "run", scenario: scenario, shard: try Shard(parsing: shard), part: part, runtime: runtime,
                overrides: options.overrideTexts, effortSearch: !options.noEffortSearch, plugins: options.plugins.paths,
                workers: options.workers)
            return
        }
        let spec = try runtime.load(URLPath.fileURL(scenario), displayName: scenario, overrides: try options.parameterOverrides())
        try ScenarioRunner(runtime: runtime, spec: spec, options: options).run()
    }
}

/// `binhai forecast`: the default doubling plan 2020→2025 on the embedded dataset.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast the total-doubling plan 2020→2025 on the embedded Binhai dataset (the default scenario).")

    @OptionGroup var options: ScenarioRunOptions

    func run() throws {
        let runtime = ScenarioRuntime(catalogue: try options.plugins.catalogue())
        if let shard = options.sharding.shard, let part = options.sharding.part {
            try ShardRunner.run(
                kind: "run", scenario: try EmbeddedDatasets.defaultScenario.path, shard: try Shard(parsing: shard), part: part,
                runtime: runtime, overrides: options.overrideTexts, effortSearch: !options.noEffortSearch,
                plugins: options.plugins.paths, workers: options.workers)
            return
        }
        let spec = try runtime.load(
            try EmbeddedDatasets.defaultScenario, displayName: "builtin:doubling-2020-2025.yaml",
            overrides: try options.parameterOverrides())
        try ScenarioRunner(runtime: runtime, spec: spec, options: options).run()
    }
}

/// `binhai validate FILE`: check a scenario file without running it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a scenario file (keys, types, ranges, dataset) without running it.")

    @Argument(help: "Scenario file (YAML).")
    var scenario: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter: PATH=VALUE (repeatable).", valueName: "path=value"))
    var overrides: [String] = []

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let catalogue = try plugins.catalogue()
        let runtime = ScenarioRuntime(catalogue: catalogue)
        // Validating builds everything a run needs (dataset, calibration, modules, prepare phases)
        // without running the Monte Carlo, so a file that validates also starts.
        let s = try runtime.prepare(
            try runtime.load(
                URLPath.fileURL(scenario), displayName: scenario,
                overrides: try overrides.map { try ParameterOverride.parse(commandLine: $0) }))
        let p = s.parameters
        try Console.line("\(scenario): OK — \(s.spec.id) (\(s.spec.title.zh) / \(s.spec.title.en))")
        try Console.line("  dataset \(s.spec.dataset.reference); plan \(p.plan.baseYear)→\(p.plan.targetYear) ×\(p.plan.multiplier); base-year total \(String(format: "%.1f", s.calibration.baseYearTotal)) 亿元")
        try Console.line("  \(p.draws) draws, seed \(p.seed); \(p.majorProjects.count) major projects; \(s.variants.count) variants/sweep points; \(s.modules.count) modules")
        for m in s.modules.map(\.use) {
            let origin = catalogue.entry(for: m.id)?.pluginPath.map { " [plugin \($0)]" } ?? ""
            try Console.line("  module \(m.id) \(m.descriptor.version) at \(m.location): \(m.descriptor.title.en) (\(m.descriptor.title.zh))\(origin)")
        }
    }
}
