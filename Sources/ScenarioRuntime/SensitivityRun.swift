import Dispatch
import ForecastEngine
import Foundation
import ScenarioFiles
import Sensitivity

/// What a planner reads off a run, for sensitivity analysis.
/// An analysed output (`SensitivitySpec.Output`): a headline figure of the baseline or a module
/// table cell.
public typealias SensitivityOutput = SensitivitySpec.Output

extension SensitivitySpec.Output {
    /// The output's value in one point's outcome.
    /// - Throws: `ScenarioFileError` at the output when the module, table, row or column is not there
    ///   or the cell holds no number.
    func value(_ outcome: ScenarioOutcome) throws -> Double {
        let r = outcome.baseline
        switch kind {
        case .probabilityTargetMet: return r.probabilityTargetMet
        case .targetYearMedian: return r.yearly.last?.investmentInPlace.p50 ?? .nan
        case .gap: return r.gapAtMedian
        case let .moduleCell(module, tableID, row, column):
            func fail(_ message: String) -> ScenarioFileError { ScenarioFileError(location: location, keyPath: "sensitivity.outputs", message: message) }
            let reports = outcome.modules.filter { $0.variant == nil }
            guard let report = reports.first(where: { $0.descriptor.id == module }) else {
                throw fail("no module \"\(module)\" in the scenario; modules: \(reports.map(\.descriptor.id).joined(separator: ", "))")
            }
            guard let table = report.tables.first(where: { $0.id == tableID }) else {
                throw fail("module \(module) has no table \"\(tableID)\"; tables: \(report.tables.map(\.id).joined(separator: ", "))")
            }
            let rowIndex = table.rows.firstIndex { $0.label.en == row || $0.label.zh == row } ?? Int(row).flatMap { $0 < table.rows.count && $0 >= 0 ? $0 : nil }
            guard let i = rowIndex else {
                throw fail("table \(module).\(tableID) has no row \"\(row)\"; rows: \(table.rows.map { $0.label.en }.joined(separator: ", "))")
            }
            let columnIndex = table.columns.firstIndex { $0.header.en == column || $0.header.zh == column }
                ?? Int(column).flatMap { $0 < table.columns.count && $0 >= 0 ? $0 : nil }
            guard let j = columnIndex else {
                throw fail("table \(module).\(tableID) has no column \"\(column)\"; columns: \(table.columns.map { $0.header.en }.joined(separator: ", "))")
            }
            switch table.rows[i].cells[j] {
            case let .number(v): return v
            case let .quantiles(q): return q.p50
            default: throw fail("cell \(row) / \(column) of \(module).\(tableID) holds no number")
            }
        }
    }
}

public struct SensitivityOutcome: Sendable {
    public struct Index: Sendable {
        public var input: String
        /// Sobol': S1 and ST with CI half-widths; Morris: μ*, σ (in `first`/`total` and μ in `mu`).
        public var first: Double
        public var firstConfidence: Double
        public var total: Double
        public var totalConfidence: Double
        public var mu: Double?
    }

    public var method: SensitivitySpec.Method
    public var runs: Int
    public var draws: Int
    /// Indices per output, in the order of the block's `outputs`.
    public var indices: [(output: SensitivityOutput, rows: [Index])]

    /// One input's swing for the tornado chart: the output with the input at its 5th and 95th
    /// percentile, every other input at its median.
    public struct Swing: Sendable {
        public var input: String
        public var lowValue: Double
        public var highValue: Double
        public var low: Double
        public var high: Double
    }

    /// Per output (same order as `indices`): the output with every input at its median, and each
    /// input's swing.
    public var tornado: [(output: SensitivityOutput, base: Double, swings: [Swing])] = []
}

extension ScenarioRuntime {
    /// Run the sensitivity design of `spec` (its `sensitivity:` block, or the dataset's default
    /// ranges): every point is the scenario's baseline with the inputs set and the block's draws,
    /// the same seed everywhere; points run side by side. `text`/`file`/`baseFolder` are the
    /// scenario as read, re-read per point with the inputs as overrides.
    public func sensitivity(_ spec: ScenarioSpec, text: String, file: String, baseFolder: URL?, workers: Int? = nil) throws -> SensitivityOutcome {
        let design = try sensitivityDesign(spec)
        let outputs = try sensitivityOutputs(
            design, points: 0..<design.values.count, text: text, file: file, baseFolder: baseFolder, workers: workers)
        return sensitivityOutcome(design, outputs: outputs)
    }

    /// The design of a sensitivity analysis: its points in the unit cube and as input values.
    public struct SensitivityDesign: Sendable {
        public let spec: SensitivitySpec
        let unit: SensitivityProblem
        let design: [[Double]]
        /// One row of input values per point: the design's points, then the tornado's (every input
        /// at its median, then each input at its 5th and at its 95th percentile).
        public let values: [[Double]]
        /// Number of the design's own points (the rest are the tornado's 1 + 2·inputs).
        public var designCount: Int { design.count }
    }

    public func sensitivityDesign(_ spec: ScenarioSpec) throws -> SensitivityDesign {
        guard let s = spec.sensitivity else {
            throw ScenarioFileError(
                location: SourceLocation(file: spec.file, line: 1, column: 1), keyPath: "sensitivity",
                message: "the scenario has no sensitivity: block (inputs with their ranges); see docs/SCENARIO-FORMAT.md")
        }
        let d = s.inputs.count
        let unit = SensitivityProblem(names: s.inputs.map(\.path), lower: Array(repeating: 0, count: d), upper: Array(repeating: 1, count: d))
        let design: [[Double]]
        switch s.method {
        case .sobol: design = SobolIndices.design(unit, baseSamples: s.samples)
        case .morris: design = MorrisScreening.design(dimensions: d, trajectories: s.samples, levels: 4, seed: s.seed)
        }
        var tornado = [[Double](repeating: 0.5, count: d)]
        for k in 0..<d {
            for q in [0.05, 0.95] {
                var u = [Double](repeating: 0.5, count: d)
                u[k] = q
                tornado.append(u)
            }
        }
        let values = (design + tornado).map { u in
            (0..<d).map { s.inputs[$0].distribution.value(at: u[$0], inverseNormal: SpecialFunctions.inverseNormalCDF, normal: SpecialFunctions.normalCDF) }
        }
        return SensitivityDesign(spec: s, unit: unit, design: design, values: values)
    }

    /// The outputs (in the order of the block's `outputs`) of the design's points in `points`.
    public func sensitivityOutputs(
        _ design: SensitivityDesign, points: Range<Int>, text: String, file: String, baseFolder: URL?, workers: Int? = nil
    ) throws -> [[Double]] {
        let s = design.spec, values = design.values
        // Each point: the file with the inputs set and the draws of the design, baseline only.
        @Sendable func runPoint(_ point: [Double]) throws -> [Double] {
            var overrides = [try ParameterOverride.parse(commandLine: "engine.draws=\(s.draws)")]
            for (k, input) in s.inputs.enumerated() {
                var o = try ParameterOverride.parse(commandLine: "\(input.path)=\(point[k])")
                o.origin = input.location
                overrides.append(o)
            }
            var p = try prepare(try load(text: text, file: file, baseFolder: baseFolder, overrides: overrides))
            p.variants = []
            let outcome = try self.run(p, policy: RunPolicy(workers: 1, effortSearch: false))
            return try s.outputs.map { try $0.value(outcome) }
        }
        let first = points.lowerBound
        return try SideBySide.map(
            count: points.count, lanes: workers ?? ProcessInfo.processInfo.activeProcessorCount) { try runPoint(values[first + $0]) }
    }

    /// Indices from every point's outputs.
    public func sensitivityOutcome(_ design: SensitivityDesign, outputs: [[Double]]) -> SensitivityOutcome {
        let s = design.spec, d = s.inputs.count
        var indices: [(SensitivityOutput, [SensitivityOutcome.Index])] = []
        let n = design.designCount
        var tornado: [(SensitivityOutput, Double, [SensitivityOutcome.Swing])] = []
        for (o, output) in s.outputs.enumerated() {
            let y = outputs[..<n].map { $0[o] }
            let base = outputs[n][o]
            tornado.append((output, base, (0..<d).map { k in
                SensitivityOutcome.Swing(
                    input: s.inputs[k].path, lowValue: design.values[n + 1 + 2 * k][k], highValue: design.values[n + 2 + 2 * k][k],
                    low: outputs[n + 1 + 2 * k][o], high: outputs[n + 2 + 2 * k][o])
            }))
            var rows: [SensitivityOutcome.Index] = []
            switch s.method {
            case .sobol:
                if let r = SobolIndices.analyze(y, dimensions: d, seed: s.seed) {
                    for k in 0..<d {
                        rows.append(.init(input: s.inputs[k].path, first: r.firstOrder[k], firstConfidence: r.firstOrderConfidence[k], total: r.total[k], totalConfidence: r.totalConfidence[k], mu: nil))
                    }
                } else {
                    rows = s.inputs.map { .init(input: $0.path, first: 0, firstConfidence: 0, total: 0, totalConfidence: 0, mu: nil) }
                }
            case .morris:
                if let r = MorrisScreening.analyze(design.design, y, problem: design.unit) {
                    for k in 0..<d {
                        rows.append(.init(input: s.inputs[k].path, first: r.muStar[k], firstConfidence: 0, total: r.sigma[k], totalConfidence: 0, mu: r.mu[k]))
                    }
                }
            }
            indices.append((output, rows))
        }
        return SensitivityOutcome(method: s.method, runs: outputs.count, draws: s.draws, indices: indices, tornado: tornado)
    }
}
