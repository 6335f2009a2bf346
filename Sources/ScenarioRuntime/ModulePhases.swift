import ForecastEngine
import ScenarioFiles
import ScenarioKit

/// The module phases around the engine: prepare (inputs), then analyze (per-draw outputs).
///
/// Data flow: parameters → `EngineInputs` → each module's `prepare`, in listed order → parameters
/// (checked) → `ForecastEngine.runWithSegments` → `EngineOutputs` → each module's `analyze` →
/// one `ModuleReport` per module.
public enum ModulePhases {
    /// Run every module's prepare phase on `parameters`, in order.
    /// - Throws: `ScenarioFileError` at the module's `use:` (or the key it names) when a module
    ///   fails or leaves invalid inputs.
    public static func prepare(_ parameters: ForecastParameters, uses: [PreparedModuleUse]) throws -> ForecastParameters {
        var p = parameters
        for prepared in uses {
            let use = prepared.use
            var inputs = EngineInputs(p)
            do {
                try prepared.module.prepare(&inputs)
            } catch {
                throw use.error(error)
            }
            if let problem = p.apply(inputs) {
                throw ScenarioFileError(location: use.location, keyPath: use.keyPath, message: "module \(use.id) \(problem)")
            }
        }
        return p
    }

    /// The engine's outputs as modules see them: per-draw totals, by industry, carrier and source,
    /// and the plan's arithmetic.
    public static func outputs(_ result: ForecastResult, _ segments: SegmentDraws) -> EngineOutputs {
        let Y = segments.years.count, N = segments.draws
        func table(_ values: [Double]) -> DrawTable { DrawTable(years: Y, draws: N, values: values) }
        func tables(_ series: [SegmentDraws.Series]) -> [String: DrawTable] {
            Dictionary(series.map { ($0.id, table($0.values)) }, uniquingKeysWith: { a, _ in a })
        }
        return EngineOutputs(
            years: segments.years, draws: N, plan: result.planPath, investmentInPlace: table(segments.total),
            byIndustry: tables(segments.byIndustry), byCarrier: tables(segments.byCarrier), bySource: tables(segments.bySource))
    }

    /// Run every module's analyze phase, in order.
    /// - Throws: `ScenarioFileError` at the module's `use:` when one fails.
    public static func analyze(_ outputs: EngineOutputs, uses: [PreparedModuleUse], variant: String? = nil) throws -> [ModuleReport] {
        try uses.map { prepared in
            var results = ResultSet()
            do {
                try prepared.module.analyze(outputs, into: &results)
            } catch {
                throw prepared.use.error(error)
            }
            return ModuleReport(descriptor: prepared.use.descriptor, tables: results.tables, variant: variant)
        }
    }

    /// Prepared parameters run once with per-draw segments, then every module's analyze phase
    /// (reports labelled with `variant`; nil for the baseline). Without modules, a plain run.
    public static func run(
        _ parameters: ForecastParameters, uses: [PreparedModuleUse], variant: String? = nil, workers: Int? = nil,
        progress: ForecastEngine.Progress? = nil
    ) throws -> (result: ForecastResult, reports: [ModuleReport]) {
        guard !uses.isEmpty else {
            return (try ForecastEngine.run(parameters, workers: workers, progress: progress), [])
        }
        let (result, segments) = try ForecastEngine.runWithSegments(parameters, workers: workers, progress: progress)
        return (result, try analyze(outputs(result, segments), uses: uses, variant: variant))
    }

    /// `variant`'s reports without the tables identical to the baseline's table of the same module
    /// and id (e.g. chain linkages when the variant only moves a project), so that a variant
    /// shows what it changes.
    public static func changedTables(_ variant: [ModuleReport], baseline: [ModuleReport]) -> [ModuleReport] {
        variant.enumerated().map { k, report in
            var r = report
            let base = k < baseline.count && baseline[k].descriptor.id == report.descriptor.id ? baseline[k].tables : []
            r.tables = report.tables.filter { t in !base.contains(t) }
            return r
        }
    }
}
