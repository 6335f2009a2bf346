import Foundation

/// A scenario's `sensitivity:` block: which inputs are uncertain (dotted parameter paths, the
/// same paths as `variants` and `--set`), how, and which method and outputs to use.
///
/// ```yaml
/// sensitivity:
///   method: sobol              # or morris
///   samples: 256               # Sobol': base samples N (runs N·(D+2)); Morris: trajectories r (runs r·(D+1))
///   draws: 2000                # Monte Carlo draws per run (same seed everywhere: common random numbers)
///   seed: 1                    # bootstrap (Sobol') and trajectories (Morris)
///   inputs:
///     engine.arrival_volatility: {uniform: [0.05, 0.30]}
///     engine.sources.foreign.lead_rate: {triangular: [0.7, 1.0, 1.2]}
///     engine.effort_scale: {log_uniform: [0.8, 1.25]}
///     engine.sources.beijing.lead_rate: {normal: [1.0, 0.1], bounds: [0.7, 1.3]}
/// ```
public struct SensitivitySpec: Sendable {
    public enum Method: String, Sendable { case sobol, morris }

    /// How an input is drawn from the unit interval.
    public enum Distribution: Sendable, Equatable {
        case uniform(Double, Double)
        case triangular(low: Double, mode: Double, high: Double)
        case logUniform(Double, Double)
        case truncatedNormal(mean: Double, sd: Double, low: Double, high: Double)
    }

    public struct Input: Sendable {
        public var path: String
        public var distribution: Distribution
        public var location: SourceLocation
    }

    public var method: Method
    public var samples: Int
    public var draws: Int
    public var seed: UInt64
    public var inputs: [Input]
    /// What is analysed: `p_target_met`, `target_p50`, `gap` (the default, all three) and module
    /// table cells `module:MODULE/TABLE/ROW/COLUMN` (row and column by label, header or 0-based
    /// index; a quantile cell gives its P50).
    public var outputs: [Output]
    public var location: SourceLocation

    /// One analysed output, as written.
    public struct Output: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case probabilityTargetMet, targetYearMedian, gap
            case moduleCell(module: String, table: String, row: String, column: String)
        }

        public var kind: Kind
        /// The name as written (JSON key, table title).
        public var id: String
        public var location: SourceLocation

        public static let standard: [Output] = [
            Output(kind: .probabilityTargetMet, id: "p_target_met", location: SourceLocation(file: "", line: 0, column: 0)),
            Output(kind: .targetYearMedian, id: "target_p50", location: SourceLocation(file: "", line: 0, column: 0)),
            Output(kind: .gap, id: "gap", location: SourceLocation(file: "", line: 0, column: 0)),
        ]
    }

    static func read(_ v: YAMLValue) throws -> SensitivitySpec {
        let m = try v.mapping(allowedKeys: ["method", "samples", "draws", "seed", "inputs", "outputs"])
        var method = Method.sobol
        if let mv = m.optional("method") {
            guard let parsed = Method(rawValue: try mv.string()) else { throw mv.error("expected sobol or morris") }
            method = parsed
        }
        let samples = try m.optional("samples")?.int(in: 2...65_536) ?? (method == .sobol ? 256 : 20)
        let draws = try m.optional("draws")?.int(in: 10...1_000_000) ?? 2000
        let seed = try m.optional("seed")?.seed() ?? 1
        let iv = try m.required("inputs")
        var inputs: [Input] = []
        for entry in try iv.mapping().entries {
            let d = try entry.value.mapping(allowedKeys: ["uniform", "triangular", "log_uniform", "normal", "bounds"])
            func pair(_ x: YAMLValue, _ what: String) throws -> (Double, Double) {
                let v = try x.numbers()
                guard v.count == 2, v[0] < v[1] else { throw x.error("expected [low, high] with low < high for \(what)") }
                return (v[0], v[1])
            }
            let dist: Distribution
            if let u = d.optional("uniform") {
                let (a, b) = try pair(u, "uniform")
                dist = .uniform(a, b)
            } else if let t = d.optional("triangular") {
                let v = try t.numbers()
                guard v.count == 3, v[0] <= v[1], v[1] <= v[2], v[0] < v[2] else { throw t.error("expected [low, mode, high] with low ≤ mode ≤ high") }
                dist = .triangular(low: v[0], mode: v[1], high: v[2])
            } else if let l = d.optional("log_uniform") {
                let (a, b) = try pair(l, "log_uniform")
                guard a > 0 else { throw l.error("log_uniform needs low > 0") }
                dist = .logUniform(a, b)
            } else if let n = d.optional("normal") {
                let v = try n.numbers()
                guard v.count == 2, v[1] > 0 else { throw n.error("expected [mean, sd] with sd > 0") }
                guard let b = d.optional("bounds") else { throw n.error("a normal input needs bounds: [low, high] (it is truncated to them)") }
                let (lo, hi) = try pair(b, "bounds")
                dist = .truncatedNormal(mean: v[0], sd: v[1], low: lo, high: hi)
            } else {
                throw entry.value.error("expected one of uniform, triangular, log_uniform, normal")
            }
            let at = entry.keyNode.mark.map { SourceLocation(file: v.file, line: $0.line, column: $0.column) } ?? entry.value.location
            inputs.append(Input(path: entry.key, distribution: dist, location: at))
        }
        guard !inputs.isEmpty else { throw iv.error("list at least one uncertain input") }
        guard inputs.count <= 40 else { throw iv.error("at most 40 inputs (the Sobol' sequence has 41 dimensions, a design needs 2 per input for Sobol')") }
        if method == .sobol && 2 * inputs.count > 41 { throw iv.error("Sobol' needs 2 dimensions per input: at most 20 inputs") }
        var outputs = Output.standard
        if let ov = m.optional("outputs") {
            outputs = try ov.sequence().map { item in
                let text = try item.string()
                switch text {
                case "p_target_met": return Output(kind: .probabilityTargetMet, id: text, location: item.location)
                case "target_p50": return Output(kind: .targetYearMedian, id: text, location: item.location)
                case "gap": return Output(kind: .gap, id: text, location: item.location)
                default:
                    let parts = text.hasPrefix("module:")
                        ? text.dropFirst("module:".count).split(separator: "/", omittingEmptySubsequences: false).map(String.init) : []
                    guard parts.count == 4, !parts.contains(where: \.isEmpty) else {
                        throw item.error("expected p_target_met, target_p50, gap or module:MODULE/TABLE/ROW/COLUMN, got \"\(text)\"")
                    }
                    return Output(kind: .moduleCell(module: parts[0], table: parts[1], row: parts[2], column: parts[3]), id: text, location: item.location)
                }
            }
            guard !outputs.isEmpty else { throw ov.error("list at least one output") }
        }
        return SensitivitySpec(method: method, samples: samples, draws: draws, seed: seed, inputs: inputs, outputs: outputs, location: v.location)
    }
}

extension SensitivitySpec.Distribution {
    /// The value at quantile u ∈ [0, 1]; `inverseNormal` is Φ⁻¹, `normal` Φ.
    public func value(at u: Double, inverseNormal: (Double) -> Double, normal: (Double) -> Double) -> Double {
        switch self {
        case let .uniform(a, b): return a + u * (b - a)
        case let .triangular(a, c, b):
            let f = (c - a) / (b - a)
            return u < f ? a + ((b - a) * (c - a) * u).squareRoot() : b - ((b - a) * (b - c) * (1 - u)).squareRoot()
        case let .logUniform(a, b): return exp(log(a) + u * (log(b) - log(a)))
        case let .truncatedNormal(m, s, lo, hi):
            let pl = normal((lo - m) / s), ph = normal((hi - m) / s)
            let p = min(max(pl + u * (ph - pl), 1e-300), 1 - 1e-16)
            return min(max(m + s * inverseNormal(p), lo), hi)
        }
    }
}
