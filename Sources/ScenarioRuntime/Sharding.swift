import ForecastEngine
import Foundation
import ScenarioKit

/// "Shard I of N" of a job (`--shard I/N`, I from 0).
public struct Shard: Sendable, Equatable, Codable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, count <= 100_000, index >= 0, index < count else {
            throw ShardError("shard \(index)/\(count): expected I/N with 0 ≤ I < N ≤ 100000")
        }
        self.index = index
        self.count = count
    }

    /// "I/N".
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw ShardError("--shard expects I/N (e.g. 0/4 for the first of four shards), got \"\(text)\"")
        }
        try self.init(index: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The contiguous part of 0..<items this shard takes (an even split).
    public func range(of items: Int) -> Range<Int> { (index * items / count)..<((index + 1) * items / count) }
}

/// What a shard or a merge cannot do, in the user's words.
public struct ShardError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// One shard's part of a scenario run: either some of its cases (baseline, variants, sweep points —
/// each whole, with the effort search going with the baseline) or, for a scenario with a baseline
/// only, some of the baseline's draws.
public struct RunPart: Sendable, Equatable, Codable {
    /// A case's result: 0 is the baseline, k ≥ 1 the k-th variant or sweep point.
    public struct Case: Sendable, Equatable, Codable {
        public let index: Int
        public let result: ForecastResult
        public let reports: [ModuleReport]
    }

    public var cases: [Case]
    public var effort: EffortRequirement?
    public var draws: DrawShard?
}

extension ScenarioRuntime {
    /// How a run of `scenario` splits into shards: by cases when it has variants or sweep points,
    /// by draws when it has a baseline only (then it cannot have modules or an effort search).
    public func shardsByDraws(_ scenario: PreparedScenario) -> Bool { scenario.variants.isEmpty }

    /// Run shard `shard` of `scenario`.
    /// - Throws: `ShardError` for a baseline-only run with modules or the effort search.
    public func runPart(_ scenario: PreparedScenario, shard: Shard, policy: RunPolicy = RunPolicy()) throws -> RunPart {
        let base = scenario.baseline
        if shardsByDraws(scenario) {
            if policy.effortSearch {
                throw ShardError("a run split by draws cannot search the effort (each trial needs every draw): add --no-effort-search")
            }
            if !base.modules.isEmpty {
                throw ShardError("a run split by draws cannot have modules (their analysis needs every draw): remove the modules or add variants")
            }
            return RunPart(
                cases: [], effort: nil,
                draws: try ForecastEngine.simulateShard(base.parameters, shard: shard.index, of: shard.count, workers: policy.workers))
        }
        var part = RunPart(cases: [], effort: nil, draws: nil)
        for k in shard.range(of: scenario.variants.count + 1) {
            if k == 0 {
                let (r, reports) = try ModulePhases.run(base.parameters, uses: base.modules, workers: policy.workers)
                part.cases.append(.init(index: 0, result: r, reports: reports))
                if policy.effortSearch {
                    part.effort = try ForecastEngine.requiredEffort(
                        probability: base.targetProbability, parameters: base.parameters,
                        draws: policy.effortSearchDraws(base.parameters.draws), workers: policy.workers)
                }
                continue
            }
            let v = scenario.variants[k - 1]
            if v.isSweepPoint {
                part.cases.append(.init(index: k, result: try ForecastEngine.run(v.parameters, workers: policy.workers), reports: []))
            } else {
                let (r, reports) = try ModulePhases.run(v.parameters, uses: v.modules, variant: v.name, workers: policy.workers)
                part.cases.append(.init(index: k, result: r, reports: reports))
            }
        }
        return part
    }

    /// The outcome of the whole run from every shard's part: the same value `run` returns.
    /// - Throws: `ShardError` naming missing or repeated cases (or draws).
    public func merge(_ scenario: PreparedScenario, parts: [RunPart], policy: RunPolicy = RunPolicy()) throws -> ScenarioOutcome {
        if shardsByDraws(scenario) {
            let shards = parts.compactMap(\.draws)
            guard shards.count == parts.count else { throw ShardError("the parts were not split by draws") }
            let result: ForecastResult
            do {
                result = try ForecastEngine.merge(scenario.baseline.parameters, shards: shards, workers: policy.workers)
            } catch {
                throw ShardError("the parts do not make up the run's draws: \(error)")
            }
            return try assemble(scenario, baseline: (result, []), effort: nil, variants: [])
        }
        var byIndex: [Int: RunPart.Case] = [:]
        var effort: EffortRequirement?
        for p in parts {
            for c in p.cases {
                if byIndex[c.index] != nil { throw ShardError("case \(c.index) appears in two parts") }
                byIndex[c.index] = c
            }
            if let e = p.effort { effort = e }
        }
        let n = scenario.variants.count + 1
        let missing = (0..<n).filter { byIndex[$0] == nil }
        if !missing.isEmpty { throw ShardError("cases \(missing.map(String.init).joined(separator: ", ")) are missing") }
        if policy.effortSearch && effort == nil { throw ShardError("the effort search result is missing (it goes with the baseline, case 0)") }
        let baseline = byIndex[0]!
        return try assemble(
            scenario, baseline: (baseline.result, baseline.reports), effort: policy.effortSearch ? effort : nil,
            variants: (1..<n).map { (byIndex[$0]!.result, byIndex[$0]!.reports) })
    }
}
