import Datasets
import Dispatch
import ForecastEngine
import Foundation
import ScenarioFiles
import ScenarioKit

/// The one way a scenario is run, by the command line, the web page, sweeps and benchmarks:
///
///     scenario file → ScenarioSpec (ScenarioFiles: parsed, validated, located)
///                   → ScenarioRuntime.prepare (dataset, calibration, modules, prepare phases)
///                   → ScenarioRuntime.run (baseline, effort search, variants, sweep points)
///                   → ScenarioOutcome → renderers
///
/// One runtime serves many runs and keeps what does not change between them: datasets by
/// resolved folder, calibrations keyed by their inputs (parameters, observations, trend rule),
/// and modules built once per distinct module use (id, parameters, context) — so a sweep reads
/// and factors an industry-chain module's IO table once, not once per point. Modules also share
/// expensive inputs across parameter values through `ModuleContext.shared`.
///
/// Safe to call from several threads at once: caches are locked, runs share nothing mutable.
public final class ScenarioRuntime: Sendable {
    /// The modules scenarios may `use:` (built-ins plus plugins loaded at start).
    public let catalogue: ModuleCatalogue
    /// Resources modules share across builds (e.g. an IO table and its LU factors).
    public let sharedResources: SharedResources

    private let datasets = Memo<String, Dataset>(capacity: 16)
    private let calibrations = Memo<CalibrationKey, CalibrationResult>(capacity: 512)
    private let modules = Memo<ModuleKey, ModuleBox>(capacity: 256)

    /// A runtime over `catalogue` (give `ModuleCatalogue.builtin` or one with plugins).
    public init(catalogue: ModuleCatalogue) {
        self.catalogue = catalogue
        self.sharedResources = SharedResources()
    }

    // MARK: Files to specs

    /// Read and validate `url` into a spec (`overrides` from `--set` applied first), resolving the
    /// dataset through this runtime's cache.
    /// - Throws: `ScenarioFileError` naming file, line, column and key path.
    public func load(_ url: URL, displayName: String? = nil, overrides: [ParameterOverride] = []) throws -> ScenarioSpec {
        try ScenarioLoader.load(url, displayName: displayName, overrides: overrides, catalogue: catalogue, datasets: resolveDataset)
    }

    /// Read and validate YAML `text` (named `file` in errors); a relative `dataset:` is resolved
    /// against `baseFolder`.
    public func load(text: String, file: String, baseFolder: URL? = nil, overrides: [ParameterOverride] = []) throws -> ScenarioSpec {
        try ScenarioLoader.load(
            text: text, file: file, baseFolder: baseFolder, overrides: overrides, catalogue: catalogue, datasets: resolveDataset)
    }

    /// The dataset a scenario names, read once per folder.
    public func resolveDataset(reference: String, relativeTo base: URL?, at location: SourceLocation) throws -> Dataset {
        let key = Dataset.cacheKey(reference: reference, relativeTo: base)
        return try datasets.value(for: key) { try Dataset.load(reference: reference, relativeTo: base, at: location) }
    }

    // MARK: Specs to prepared cases

    /// Calibrate every case of `spec`, build its modules (from the cache when the same use was
    /// built before) and apply their prepare phases in listed order.
    /// - Throws: `ScenarioFileError` at the key responsible (calibration block, module use).
    public func prepare(_ spec: ScenarioSpec) throws -> PreparedScenario {
        PreparedScenario(
            spec: spec, baseline: try prepare(spec.baseline, of: spec),
            variants: try spec.variants.map { try prepare($0, of: spec) })
    }

    func prepare(_ c: ScenarioCase, of spec: ScenarioSpec) throws -> PreparedCase {
        let context = ModuleContext(scenarioID: c.id, dataset: spec.dataset, parameters: c.parameters, shared: sharedResources)
        let built = try c.modules.map { use in PreparedModuleUse(use: use, module: try module(for: use, context: context)) }
        let key = CalibrationKey(parameters: c.parameters, data: c.calibrationData, trend: c.trend)
        let result: CalibrationResult
        do {
            result = try calibrations.value(for: key) {
                try Calibration.calibrate(c.parameters, to: c.calibrationData, trend: c.trend)
            }
        } catch {
            throw c.calibrationError("calibration failed: \(error)")
        }
        let prepared = try ModulePhases.prepare(result.parameters, uses: built)
        return PreparedCase(
            name: c.name, overrides: c.overrides, isSweepPoint: c.isSweepPoint, targetProbability: c.targetProbability,
            calibration: result,
            parameters: prepared, modules: built)
    }

    /// The module of `use` in `context`: built once per distinct (id, parameters, context).
    func module(for use: ModuleUse, context: ModuleContext) throws -> any ScenarioModule {
        guard let entry = catalogue.entry(for: use.id) else {
            throw ScenarioFileError(location: use.location, keyPath: use.keyPath, message: catalogue.unknownModuleMessage(use.id))
        }
        let key = ModuleKey(id: use.id, parameters: use.values, context: context)
        do {
            return try modules.value(for: key) { ModuleBox(module: try entry.make(use.values, context)) }.module
        } catch {
            throw use.error(error)
        }
    }

    // MARK: Runs

    /// Load nothing, run everything: the baseline (with per-draw segments when it has modules),
    /// the effort search, then each variant and sweep point with the same seed, compared with the
    /// baseline year by year.
    public func run(_ spec: ScenarioSpec, policy: RunPolicy = RunPolicy()) throws -> ScenarioOutcome {
        try run(try prepare(spec), policy: policy)
    }

    /// Run a prepared scenario (see `run(_:policy:)`).
    public func run(_ scenario: PreparedScenario, policy: RunPolicy = RunPolicy()) throws -> ScenarioOutcome {
        let spec = scenario.spec
        let base = scenario.baseline
        let effortDraws = policy.effortSearchDraws(base.parameters.draws)
        let runDraws = [base.parameters.draws] + (policy.effortSearch ? [effortDraws] : [])
            + scenario.variants.map(\.parameters.draws)
        var offsets = [0]
        for d in runDraws { offsets.append(offsets[offsets.count - 1] + d) }
        let totalDraws = offsets[offsets.count - 1]
        func progress(_ k: Int) -> ForecastEngine.Progress? {
            guard let report = policy.progress else { return nil }
            let start = offsets[k], draws = runDraws[k]
            return { chunk, total in report(start + chunk * draws / max(total, 1), totalDraws) }
        }
        var done = 0
        let (baseline, baselineReports) = try ModulePhases.run(
            base.parameters, uses: base.modules, workers: policy.workers, progress: progress(done))
        done += 1
        var effort: EffortRequirement? = nil
        if policy.effortSearch {
            effort = try ForecastEngine.requiredEffort(
                probability: base.targetProbability, parameters: base.parameters, draws: effortDraws,
                workers: policy.workers)
            done += 1
            policy.progress?(offsets[done], totalDraws)
        }
        // Named variants report their module tables too (a variant may change only module
        // parameters), those that differ from the baseline's; sweep points only their forecast.
        // Sweep points run side by side, one worker each, when there are several workers: the
        // numbers do not depend on the worker count, and many short runs share the cores better
        // point by point than draw by draw.
        let workers = max(1, policy.workers ?? ProcessInfo.processInfo.activeProcessorCount)
        var results = [(result: ForecastResult, reports: [ModuleReport])?](repeating: nil, count: scenario.variants.count)
        let named = scenario.variants.indices.filter { !scenario.variants[$0].isSweepPoint }
        let points = scenario.variants.indices.filter { scenario.variants[$0].isSweepPoint }
        for k in named {
            let v = scenario.variants[k]
            results[k] = try ModulePhases.run(
                v.parameters, uses: v.modules, variant: v.name, workers: policy.workers, progress: progress(done + k))
        }
        if workers > 1 && points.count > 1 {
            // Sweep points follow the named variants, so their runs are the last ones: progress
            // counts their draws as they finish, in any order.
            let sweepStart = offsets[done + points[0]]
            var finishedDraws = 0
            let variants = scenario.variants
            let runs = try SideBySide.map(count: points.count, lanes: workers, finished: { i in
                finishedDraws += variants[points[i]].parameters.draws
                policy.progress?(sweepStart + finishedDraws, totalDraws)
            }) { i in try ForecastEngine.run(variants[points[i]].parameters, workers: 1) }
            for (i, k) in points.enumerated() { results[k] = (runs[i], []) }
        } else {
            for k in points {
                let v = scenario.variants[k]
                results[k] = (try ForecastEngine.run(v.parameters, workers: policy.workers, progress: progress(done + k)), [])
            }
        }
        return try assemble(scenario, baseline: (baseline, baselineReports), effort: effort, variants: results.map { $0! })
    }

    /// The outcome from every case's result: the baseline's, the effort search's, and each variant
    /// and sweep point's (in file order) — what `run` computes, or what `merge` collects from shards.
    func assemble(
        _ scenario: PreparedScenario, baseline: (result: ForecastResult, reports: [ModuleReport]), effort: EffortRequirement?,
        variants results: [(result: ForecastResult, reports: [ModuleReport])]
    ) throws -> ScenarioOutcome {
        let spec = scenario.spec, base = scenario.baseline
        var comparisons: [VariantComparison] = []
        var reports = baseline.reports
        for (k, v) in scenario.variants.enumerated() {
            let (alternative, variantReports) = results[k]
            reports += ModulePhases.changedTables(variantReports, baseline: baseline.reports)
            comparisons.append(try ForecastEngine.compare(name: v.name ?? "", baseline: baseline.result, alternative: alternative))
        }
        return ScenarioOutcome(
            id: spec.id, title: spec.title, file: spec.file, datasetReference: spec.dataset.reference,
            datasetTitle: spec.dataset.title, provenance: spec.provenance, calibration: base.calibration,
            baseline: baseline.result, effort: effort, targetProbability: base.targetProbability, variants: comparisons,
            modules: reports)
    }

    /// Counts of the caches (made, found), for tests and benchmarks.
    public var cacheCounts: (calibrations: (hits: Int, misses: Int), modules: (hits: Int, misses: Int), datasets: (hits: Int, misses: Int)) {
        (calibrations.counts, modules.counts, datasets.counts)
    }
}

/// What a calibration depends on.
struct CalibrationKey: Equatable, Sendable {
    var parameters: ForecastParameters
    var data: BaseYearData
    var trend: TrendFit
}

/// What a module build depends on.
struct ModuleKey: Equatable, Sendable {
    var id: String
    var parameters: ModuleParameters
    var context: ModuleContext
}

struct ModuleBox: Sendable {
    var module: any ScenarioModule
}
