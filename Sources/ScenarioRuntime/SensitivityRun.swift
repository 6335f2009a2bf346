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
    /// Runs the `sensitivity:` design of `spec` (its baseline only; variants and sweeps are not run).
    /// - Throws: `ScenarioFileError` (no `sensitivity:` block, an input path the scenario rejects at
    ///   some point, located at the input), or what a run throws.
    public func sensitivity(_ spec: ScenarioSpec, text: String, file: String, baseFolder: URL?, workers: Int? = nil) throws -> SensitivityOutcome {
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
        // Each point: the file with the inputs set and the draws of the design, baseline only.
        @Sendable func runPoint(_ point: [Double]) throws -> ForecastResult {
            var overrides = [try ParameterOverride.parse(commandLine: "engine.draws=\(s.draws)")]
            for (k, input) in s.inputs.enumerated() {
                var o = try ParameterOverride.parse(commandLine: "\(input.path)=\(point[k])")
                o.origin = input.location
                overrides.append(o)
            }
            var p = try prepare(try load(text: text, file: file, baseFolder: baseFolder, overrides: overrides))
            p.variants = []
            return try self.run(p, policy: RunPolicy(workers: 1, effortSearch: false)).baseline
        }
        let results = try SideBySide.map(
            count: values.count, lanes: workers ?? ProcessInfo.processInfo.activeProcessorCount) { try runPoint(values[$0]) }
        var indices: [(SensitivityOutput, [SensitivityOutcome.Index])] = []
        for output in SensitivityOutput.allCases {
            let y = results.map(output.value)
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
                if let r = MorrisScreening.analyze(design, y, problem: unit) {
                    for k in 0..<d {
                        rows.append(.init(input: s.inputs[k].path, first: r.muStar[k], firstConfidence: 0, total: r.sigma[k], totalConfidence: 0, mu: r.mu[k]))
                    }
                }
            }
            indices.append((output, rows))
        }
        return SensitivityOutcome(method: s.method, runs: values.count, draws: s.draws, indices: indices)
    }
}
