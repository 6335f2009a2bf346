import Briefings
import ForecastEngine
import Foundation
import ScenarioFiles
import ScenarioRuntime

/// A scenario text that failed: every problem with its file, line, column and key path.
public struct WhatIfProblem: Error, Sendable, Codable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var keyPath: String
    public var message: String

    init(_ e: ScenarioFileError) {
        file = e.location.file
        line = e.location.line
        column = e.location.column
        keyPath = e.keyPath
        message = e.message
    }

    init(file: String, keyPath: String = "", message: String) {
        self.file = file
        line = 1
        column = 1
        self.keyPath = keyPath
        self.message = message
    }

    /// `file:line:column: key: message`, as the command line prints it.
    public var text: String { "\(file):\(line):\(column): " + (keyPath.isEmpty ? "" : "\(keyPath): ") + message }
}

/// A finished what-if: the run of its text (`outcome`, the same as `binhai run` on that text),
/// and, when it started from a shipped scenario, that scenario's baseline compared year by year.
public struct WhatIfRun: Sendable {
    public let text: String
    public let spec: ScenarioSpec
    public let outcome: ScenarioOutcome
    /// The shipped scenario it started from and its baseline (nil for a text without one).
    public let base: (id: String, result: ForecastResult)?
    /// The what-if's baseline against the shipped scenario's (nil without a base, or when the
    /// plan years differ — then `comparisonNote` says so).
    public let comparison: VariantComparison?
    public let comparisonNote: String?

    public var headline: Headline { Headline(outcome.baseline) }
}

/// Checks, runs and compares scenario texts for the web page and the API, through the one
/// `ScenarioRuntime` (never its own scenario handling) and within the server's limits.
public final class WhatIfService: Sendable {
    public let runtime: ScenarioRuntime
    public let settings: ServerSettings
    public let shipped: ShippedScenarios
    public let gate: RunGate
    private let cache = TextCache<ScenarioOutcome>(capacity: 64)
    private let specs = TextCache<ScenarioSpec>(capacity: 128)

    public init(runtime: ScenarioRuntime, settings: ServerSettings) throws {
        self.runtime = runtime
        self.settings = settings
        self.shipped = try ShippedScenarios(runtime: runtime)
        self.gate = RunGate(slots: settings.limits.concurrentRuns, queue: settings.limits.queuedRuns, budget: settings.limits.runSeconds)
    }

    /// The spec of `text` after the request rules and the limits, or the problem.
    public func validate(_ text: String, file: String = "what-if.yaml") throws(WhatIfProblem) -> ScenarioSpec {
        let key = file + "\u{0}" + text
        if let hit = specs[key] { return hit }
        do {
            let folder = try RequestedScenario.check(text, file: file, datasetsFolder: settings.datasetsFolder)
            let spec = try runtime.load(text: text, file: file, baseFolder: folder)
            // The server's own scenarios are not a request's: they run whatever --max-draws says.
            if !shipped.entries.contains(where: { $0.text == text }) { try checkLimits(spec, text: text, file: file) }
            specs[key] = spec
            return spec
        } catch let e as ScenarioFileError {
            throw WhatIfProblem(e)
        } catch let e as WhatIfProblem {
            throw e
        } catch {
            throw WhatIfProblem(file: file, message: "\(error)")
        }
    }

    /// `validate` off the cooperative thread pool (see `Offload`).
    public func check(_ text: String, file: String = "what-if.yaml") async throws -> ScenarioSpec {
        try await Offload.run { [self] in try self.validate(text, file: file) }
    }

    func checkLimits(_ spec: ScenarioSpec, text: String, file: String) throws {
        let l = settings.limits
        let cases = [spec.baseline] + spec.variants
        if spec.variants.count > l.variants {
            let key = spec.variants.contains(where: \.isSweepPoint) ? "sweep" : "variants"
            throw ScenarioFileError(
                location: RequestedScenario.location(of: key, in: text, file: file), keyPath: key,
                message: "\(spec.variants.count) variants and sweep points; this server runs at most \(l.variants) per request")
        }
        if let big = cases.first(where: { $0.parameters.draws > l.drawsPerCase }) {
            throw ScenarioFileError(
                location: RequestedScenario.location(of: "engine.draws", in: text, file: file), keyPath: "engine.draws",
                message: "\(big.parameters.draws) draws; this server runs at most \(l.drawsPerCase) draws per case")
        }
        let total = cases.map(\.parameters.draws).reduce(0, +) + RunPolicy().effortSearchDraws(spec.baseline.parameters.draws) * 12
        if total > l.drawsPerRun {
            throw ScenarioFileError(
                location: RequestedScenario.location(of: "engine.draws", in: text, file: file), keyPath: "engine.draws",
                message: "about \(total) draws in all (cases and effort search); this server runs at most \(l.drawsPerRun) per request")
        }
    }

    /// Runs `text` (or returns the run of the same text made before), compared with the shipped
    /// scenario `base` when given.
    /// - Throws: `WhatIfProblem` (bad text, over a limit), `RunGateError` (busy, too long).
    public func run(_ text: String, base: String?, file: String = "what-if.yaml") async throws -> WhatIfRun {
        let spec = try await check(text, file: file)
        let outcome = try await outcome(of: spec, text: text)
        var baseResult: (id: String, result: ForecastResult)? = nil
        var comparison: VariantComparison? = nil
        var note: String? = nil
        if let base, let entry = shipped.entry(base) {
            let baseSpec = try await check(entry.text, file: entry.fileName)
            let b = entry.text == text ? outcome : try await self.outcome(of: baseSpec, text: entry.text)
            baseResult = (entry.id, b.baseline)
            do {
                comparison = try ForecastEngine.compare(name: "what-if", baseline: b.baseline, alternative: outcome.baseline)
            } catch {
                note = "the what-if's plan years differ from \(entry.id)'s; no year-by-year comparison"
            }
        }
        return WhatIfRun(text: text, spec: spec, outcome: outcome, base: baseResult, comparison: comparison, comparisonNote: note)
    }

    /// The outcome of `spec` (from the cache when the same text ran before).
    func outcome(of spec: ScenarioSpec, text: String) async throws -> ScenarioOutcome {
        if let hit = cache[text] { return hit }
        let runtime = self.runtime
        let outcome = try await gate.run { workers in
            try runtime.run(spec, policy: RunPolicy(workers: workers))
        }
        cache[text] = outcome
        return outcome
    }

    /// The headline of a shipped scenario's baseline (computed once): the baseline alone, without
    /// variants, sweep points or the effort search, which the headline does not show (the editor
    /// runs the whole scenario; its baseline numbers are the same).
    public func headline(ofShipped id: String) async throws -> Headline? {
        guard let entry = shipped.entry(id) else { return nil }
        if let full = cache[entry.text] { return Headline(full.baseline) }
        let key = "headline\u{0}" + entry.text
        if let hit = cache[key] { return Headline(hit.baseline) }
        var spec = try await check(entry.text, file: entry.fileName)
        spec.variants = []
        let runtime = self.runtime
        let outcome = try await gate.run { [spec] workers in
            try runtime.run(spec, policy: RunPolicy(workers: workers, effortSearch: false))
        }
        cache[key] = outcome
        return Headline(outcome.baseline)
    }
}

/// The last `capacity` values by scenario text (outcomes, validated specs). A value is computed
/// outside the lock (two requests for a new text may both compute it; the result is the same).
final class TextCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(text: String, value: Value)] = []
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    subscript(text: String) -> Value? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return entries.first { $0.text == text }?.value
        }
        set {
            guard let newValue else { return }
            lock.lock()
            defer { lock.unlock() }
            entries.removeAll { $0.text == text }
            if entries.count >= capacity { entries.removeFirst() }
            entries.append((text, newValue))
        }
    }
}
