import Dispatch
import ForecastEngine
import Foundation
import ScenarioFiles
import Sensitivity

/// What a planner reads off a run, for sensitivity analysis.
public enum SensitivityOutput: String, CaseIterable, Sendable {
    /// P(total in the target year ≥ target).
    case probabilityTargetMet = "p_target_met"
    /// The target-year P50 (亿元).
    case targetYearMedian = "target_p50"
    /// Target − target-year P50 (亿元; positive = shortfall).
    case gap

    func value(_ r: ForecastResult) -> Double {
        switch self {
        case .probabilityTargetMet: return r.probabilityTargetMet
        case .targetYearMedian: return r.yearly.last?.investmentInPlace.p50 ?? .nan
        case .gap: return r.gapAtMedian
        }
    }
}

/// A sensitivity analysis of a scenario: the design (Sobol' or Morris) over the `sensitivity:`
/// inputs, each point the scenario's baseline with those overrides, run with the same seed and
/// `draws` (common random numbers, so differences come from the inputs), and the indices of each
/// output.
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
    /// Indices per output, in the order of `SensitivityOutput.allCases`.
    public var indices: [(output: SensitivityOutput, rows: [Index])]
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
        /// One row of input values per point.
        public let values: [[Double]]
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
        let values = design.map { u in
            (0..<d).map { s.inputs[$0].distribution.value(at: u[$0], inverseNormal: SpecialFunctions.inverseNormalCDF, normal: SpecialFunctions.normalCDF) }
        }
        return SensitivityDesign(spec: s, unit: unit, design: design, values: values)
    }

    /// The outputs (`SensitivityOutput.allCases` order) of the design's points in `points`.
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
            let r = try self.run(p, policy: RunPolicy(workers: 1, effortSearch: false)).baseline
            return SensitivityOutput.allCases.map { $0.value(r) }
        }
        let first = points.lowerBound
        return try SideBySide.map(
            count: points.count, lanes: workers ?? ProcessInfo.processInfo.activeProcessorCount) { try runPoint(values[first + $0]) }
    }

    /// Indices from every point's outputs.
    public func sensitivityOutcome(_ design: SensitivityDesign, outputs: [[Double]]) -> SensitivityOutcome {
        let s = design.spec, d = s.inputs.count
        var indices: [(SensitivityOutput, [SensitivityOutcome.Index])] = []
        for (o, output) in SensitivityOutput.allCases.enumerated() {
            let y = outputs.map { $0[o] }
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
        return SensitivityOutcome(method: s.method, runs: outputs.count, draws: s.draws, indices: indices)
    }
}
