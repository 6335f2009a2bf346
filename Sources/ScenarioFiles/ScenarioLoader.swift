import Datasets
import ForecastEngine
import TrendEstimation
import Foundation
import ScenarioKit
import Yams

/// Reads scenario files into `ScenarioSpec` values. Every problem is a `ScenarioFileError` naming
/// the file, line, column and key path; unknown keys are errors. Nothing is calibrated and no
/// module is built here (`ScenarioRuntime` does that).
///
/// ```yaml
/// id: doubling-2020-2025
/// title: {zh: 招商引资总量倍增（2020→2025）, en: Investment doubling 2020→2025}
/// dataset: builtin:binhai-default
/// plan: {indicator: investment_in_place, base_year: 2020, target_year: 2025, multiplier: 2.0}
/// engine: {draws: 20000, seed: 2021, effort: {2021: 1.1}}
/// variants:
///   weak-fdi: {engine.sources.foreign.lead_rate: "x0.7"}
/// ```
public enum ScenarioLoader {
    /// Reads the dataset a scenario names: `(reference, folder of the scenario file, location of
    /// the `dataset:` key)`. `Dataset.load` by default; a runtime passes its cached one.
    public typealias DatasetResolver = (_ reference: String, _ base: URL?, _ location: SourceLocation) throws -> Dataset

    static let topKeys = [
        "id", "title", "description", "dataset", "plan", "calibration", "engine", "modules", "variants", "sweep", "sensitivity",
        "actuals",
    ]
    /// Largest number of sweep points (the grid's product of list lengths).
    public static let maximumSweepPoints = 200

    /// Load `url`, applying `overrides` (from `--set`) before anything is read. `modules:` entries
    /// are validated against `catalogue`.
    public static func load(
        _ url: URL, displayName: String? = nil, overrides: [ParameterOverride] = [], catalogue: ModuleCatalogue,
        datasets: DatasetResolver = Dataset.load
    ) throws -> ScenarioSpec {
        let root = try YAMLValue.load(url, displayName: displayName)
        return try load(
            root: root, baseFolder: url.deletingLastPathComponent(), overrides: overrides, catalogue: catalogue,
            datasets: datasets)
    }

    /// Load from YAML text (for tests and tools).
    public static func load(
        text: String, file: String, baseFolder: URL? = nil, overrides: [ParameterOverride] = [],
        catalogue: ModuleCatalogue, datasets: DatasetResolver = Dataset.load
    ) throws -> ScenarioSpec {
        try load(
            root: try YAMLValue.parse(text, file: file), baseFolder: baseFolder, overrides: overrides, catalogue: catalogue,
            datasets: datasets)
    }

    static func load(
        root: YAMLValue, baseFolder: URL?, overrides: [ParameterOverride], catalogue: ModuleCatalogue,
        datasets: DatasetResolver
    ) throws -> ScenarioSpec {
        do {
            return try loadOverridden(
                root: root, baseFolder: baseFolder, overrides: overrides, catalogue: catalogue, datasets: datasets)
        } catch let error as ScenarioFileError {
            // A value that came from `--set` has no place in the file: point at the override.
            throw relocate(error, overrides: overrides, always: true)
        }
    }

    /// `error` moved to the override it is about (the longest path that covers its key path):
    /// always for `--set` (whose values have no place in the file), and for variants and sweeps
    /// when the error has no position of its own (a key the override created; `1:1`).
    static func relocate(_ error: ScenarioFileError, overrides: [ParameterOverride], always: Bool) -> ScenarioFileError {
        let covering = overrides.filter { o in
            let p = o.normalizedPath
            return error.keyPath == p || error.keyPath.hasPrefix(p + ".") || error.keyPath.hasPrefix(p + "[")
                || p.hasPrefix(error.keyPath + ".") && !error.keyPath.isEmpty
        }
        guard let o = covering.max(by: { $0.normalizedPath.count < $1.normalizedPath.count }) else {
            guard !always, error.location.line == 1, error.location.column == 1, let only = overrides.first, overrides.count == 1 else {
                return error
            }
            var e = error
            e.location = only.origin
            return e
        }
        if always || (error.location.line == 1 && error.location.column == 1) {
            var e = error
            e.location = o.origin
            return e
        }
        return error
    }

    static func loadOverridden(
        root: YAMLValue, baseFolder: URL?, overrides: [ParameterOverride], catalogue: ModuleCatalogue,
        datasets: DatasetResolver
    ) throws -> ScenarioSpec {
        var node = root.node
        for o in overrides { node = try o.apply(to: node) }
        let top = YAMLValue(node: node, keyPath: "", file: root.file)
        let m = try top.mapping(allowedKeys: topKeys)
        let datasetValue = m.optional("dataset")
        let reference = try datasetValue?.string() ?? "builtin:\(EmbeddedDatasets.binhaiDefaultName)"
        var dataset = try datasets(reference, baseFolder, datasetValue?.location ?? top.location)
        if let av = m.optional("actuals") { try Actuals.add(av, baseFolder: baseFolder, to: &dataset) }
        let baseline = try readCase(top, dataset: dataset, catalogue: catalogue)

        var variants: [ScenarioCase] = []
        if let vs = m.optional("variants") {
            for entry in try vs.mapping().entries {
                var vnode = node
                var texts: [String] = []
                var applied: [ParameterOverride] = []
                for o in try entry.value.mapping().entries {
                    let po = ParameterOverride(path: o.key, value: o.value.node, origin: o.keyNode.mark.map { SourceLocation(file: root.file, line: $0.line, column: $0.column) } ?? o.value.location)
                    vnode = try po.apply(to: vnode)
                    applied.append(po)
                    texts.append("\(o.key)=\(scalarText(o.value.node))")
                }
                do {
                    variants.append(
                        try readCase(
                            YAMLValue(node: vnode, keyPath: "", file: root.file), dataset: dataset, catalogue: catalogue,
                            name: entry.key, overrides: texts))
                } catch let error as ScenarioFileError {
                    throw relocate(error, overrides: applied, always: false)
                }
            }
        }
        if let sw = m.optional("sweep") {
            variants += try sweep(sw, node: node, file: root.file, dataset: dataset, catalogue: catalogue)
        }
        return ScenarioSpec(
            id: baseline.id, title: try m.required("title").localizedText(), file: root.file, dataset: dataset,
            baseline: baseline, variants: variants, provenance: dataset.provenance,
            sensitivity: try (m.optional("sensitivity") ?? dataset.sensitivity).map(SensitivitySpec.read))
    }

    static func scalarText(_ node: Node) -> String {
        if case let .scalar(s) = node { return s.string }
        return (try? Yams.serialize(node: node).trimmingCharacters(in: .whitespacesAndNewlines)) ?? "…"
    }

    /// `sweep: {path: [v1, v2], path2: [w1, w2]}` → the grid of all combinations.
    static func sweep(
        _ sw: YAMLValue, node: Node, file: String, dataset: Dataset, catalogue: ModuleCatalogue
    ) throws -> [ScenarioCase] {
        let axes = try sw.mapping().entries.map { entry -> (String, [YAMLValue]) in
            let values = try entry.value.sequence()
            if values.isEmpty { throw entry.value.error("expected a non-empty list of values") }
            return (entry.key, values)
        }
        // The grid's size without overflow: stop multiplying once past the limit.
        var count = 1
        for (_, values) in axes {
            count *= values.count
            if count > maximumSweepPoints {
                let sizes = axes.map { String($0.1.count) }.joined(separator: " × ")
                throw sw.error("the sweep has more than \(maximumSweepPoints) points (\(sizes)); at most \(maximumSweepPoints) are allowed")
            }
        }
        var out: [ScenarioCase] = []
        for index in 0..<(axes.isEmpty ? 0 : count) {
            var rest = index
            var vnode = node
            var texts: [String] = []
            var applied: [ParameterOverride] = []
            for (path, values) in axes.reversed() {
                let v = values[rest % values.count]
                rest /= values.count
                let o = ParameterOverride(path: path, value: v.node, origin: v.location)
                vnode = try o.apply(to: vnode)
                applied.append(o)
                texts.insert("\(path)=\(scalarText(v.node))", at: 0)
            }
            do {
                out.append(
                    try readCase(
                        YAMLValue(node: vnode, keyPath: "", file: file), dataset: dataset, catalogue: catalogue,
                        name: texts.joined(separator: ", "), overrides: texts, isSweepPoint: true))
            } catch let error as ScenarioFileError {
                throw relocate(error, overrides: applied, always: false)
            }
        }
        return out
    }

    /// Map one scenario document (after overrides) onto engine parameters, check them, gather
    /// what calibration is fitted to, and validate the `modules:` entries against `catalogue`.
    static func readCase(
        _ top: YAMLValue, dataset: Dataset, catalogue: ModuleCatalogue, name: String? = nil, overrides: [String] = [],
        isSweepPoint: Bool = false
    ) throws -> ScenarioCase {
        let m = try top.mapping(allowedKeys: topKeys)
        let id = try m.required("id").string()
        _ = try m.required("title").localizedText()
        var p = ForecastParameters(industries: dataset.industries, carriers: dataset.carriers)
        for (year, rate) in dataset.exchangeRates { p.exchangeRate.values[year] = rate }
        var targetProbability = 0.8
        if let pv = m.optional("plan") {
            let pm = try pv.mapping(allowedKeys: ["indicator", "base_year", "target_year", "multiplier", "target_probability"])
            if let iv = pm.optional("indicator") {
                let text = try iv.string()
                guard let ind = PlanIndicator(rawValue: text) else {
                    throw iv.error("unknown indicator; supported: \(PlanIndicator.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                p.plan.indicator = ind
            }
            if let v = pm.optional("base_year") { p.plan.baseYear = try v.int(in: 1900...2100) }
            if let v = pm.optional("target_year") {
                p.plan.targetYear = try v.int(in: (p.plan.baseYear + 1)...(p.plan.baseYear + 50))
            } else if p.plan.targetYear <= p.plan.baseYear, let b = pm.optional("base_year") {
                throw b.error("base_year \(p.plan.baseYear) is not before the default target year \(p.plan.targetYear); give plan.target_year (up to \(p.plan.baseYear + 50))")
            }
            if let v = pm.optional("multiplier") { p.plan.multiplier = try v.number(current: p.plan.multiplier, in: 0.01...100) }
            if let v = pm.optional("target_probability") { targetProbability = try v.number(current: targetProbability, in: 0.01...0.99) }
        }
        if let a = dataset.assumptions { try EngineBlock.apply(a, to: &p) }
        if let e = m.optional("engine") { try EngineBlock.apply(e, to: &p) }
        let modules = try m.optional("modules").map { try $0.sequence().map { try ModuleUse.read($0, catalogue: catalogue) } } ?? []
        let calibrationBlock = m.optional("calibration")
        let data = try calibrationData(calibrationBlock, dataset: dataset, parameters: p, at: top)
        do {
            try p.validate()
        } catch let e as ForecastError {
            // In the user's words, at the key they wrote if it is in the file.
            let (path, message) = EngineKeyNames.translate(e)
            let found = top.locate(path)
            let at = found.complete ? found.value : (m.optional("engine") ?? top)
            throw ScenarioFileError(location: at.location, keyPath: path, message: message)
        } catch {
            throw top.error("invalid parameters: \(error)")
        }
        let at = calibrationBlock ?? top
        return ScenarioCase(
            id: id, name: name, overrides: overrides, isSweepPoint: isSweepPoint, parameters: p,
            targetProbability: targetProbability, calibrationData: data.data, trend: data.trend, modules: modules,
            calibrationLocation: at.location, calibrationKeyPath: at.keyPath)
    }

    /// The observations calibration uses: the dataset's (restricted to the trend years and the
    /// base year) plus the scenario's own `calibration.observations`.
    static func calibrationData(
        _ v: YAMLValue?, dataset: Dataset, parameters p: ForecastParameters, at top: YAMLValue
    ) throws -> (data: BaseYearData, trend: TrendFit) {
        let plan = p.plan
        var trend = dataset.trend
        var prior = dataset.growthPrior
        var assumptions = dataset.observationAssumptions
        var reproduceCounts = dataset.reproduceCounts
        var years = dataset.trendYears
        var share = dataset.beijingShareOfDomestic
        var extra: [BaseYearData.Observation] = []
        if let v {
            let m = try v.mapping(allowedKeys: [
                "trend", "trend_years", "beijing_share_of_domestic", "observations", "estimation", "reproduce_counts",
            ])
            if let r = m.optional("reproduce_counts") { reproduceCounts = try r.bool() }
            if let e = m.optional("estimation") { try EstimationBlock.apply(e, prior: &prior, assumptions: &assumptions) }
            if let tv = m.optional("trend") { trend = try Dataset.trend(tv) }
            if let ty = m.optional("trend_years") { years = try ty.sequence().map { try $0.int(in: 1900...2200) } }
            if let b = m.optional("beijing_share_of_domestic") { share = try b.probability() }
            if let ov = m.optional("observations") {
                extra = try ov.sequence().map { item in
                    let om = try item.mapping(allowedKeys: ["year", "domestic_yi", "foreign_usd_yi", "exchange_rate", "status", "note"])
                    let statusText = try om.optional("status")?.string() ?? "assumed"
                    guard let status = BaseYearData.Status(rawValue: statusText) else {
                        throw try om.required("status").error("expected published, extrapolated, derived or assumed")
                    }
                    return BaseYearData.Observation(
                        year: try om.required("year").int(in: 1900...2200),
                        domestic: try om.required("domestic_yi").number(current: 0, in: 0...1e7),
                        foreign: try om.required("foreign_usd_yi").number(current: 0, in: 0...1e6),
                        exchangeRate: try om.required("exchange_rate").number(current: 0, in: 0.01...1000),
                        beijingShareOfDomestic: share, status: status)
                }
            }
        }
        var byYear: [Int: BaseYearData.Observation] = [:]
        for o in dataset.observations { byYear[o.year] = o }
        for o in extra { byYear[o.year] = o }
        let keep = Set((years ?? Array(byYear.keys)) + [plan.baseYear])
        var observations = byYear.values.filter { keep.contains($0.year) }.sorted { $0.year < $1.year }
        for i in observations.indices { observations[i].beijingShareOfDomestic = share }
        guard observations.contains(where: { $0.year == plan.baseYear }) else {
            throw (v ?? top).error(
                "no base-year figures for \(plan.baseYear): the dataset has \(dataset.observations.map { String($0.year) }.joined(separator: ", ")); add calibration.observations with year \(plan.baseYear)")
        }
        var growth: [TrendObservation] = []
        if trend == .estimated {
            do {
                growth = try InvestmentHistory.observations(
                    dataset.records, exchangeRate: { p.exchangeRate.value(in: $0) }, assumptions: assumptions).observations
            } catch {
                throw (v ?? top).error("the growth estimate cannot use the history: \(error)")
            }
        }
        var landed: Double?
        if reproduceCounts {
            landed = try landedProjects(dataset: dataset, year: plan.baseYear, assumptions: assumptions, at: v ?? top)
        }
        return (BaseYearData(observations: observations, growthObservations: growth, growthPrior: prior, landedProjects: landed), trend)
    }

    /// The base year's published landed projects as a full-year count: `landed_projects` (full
    /// year) or `landed_projects_PERIOD` divided by the period's seasonal share (manifest
    /// `estimation.seasonal_shares`); nil when the history has none.
    static func landedProjects(
        dataset: Dataset, year: Int, assumptions: ObservationAssumptions, at: YAMLValue
    ) throws -> Double? {
        let rows = dataset.records.filter { $0.year == year && ($0.indicator == "landed_projects" || $0.indicator.hasPrefix("landed_projects_")) }
        if let full = rows.first(where: { $0.indicator == "landed_projects" }) { return full.value }
        guard let r = rows.first else { return nil }
        guard let months = InvestmentHistory.months(ofPeriod: String(r.indicator.dropFirst("landed_projects_".count))),
              let share = assumptions.seasonalShares[months] else {
            throw at.error(
                "\(r.origin): \(r.indicator) needs a known period (q1, h1, q3, jan_feb … jan_nov) with a seasonal share in estimation.seasonal_shares, or set calibration.reproduce_counts: false")
        }
        return r.value / share.share
    }
}
