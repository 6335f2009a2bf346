import BuiltinModules
import Dispatch
import ForecastEngine
import Foundation
import ScenarioFiles
import ScenarioRuntime
import Testing

/// One runtime serves many runs: what does not change between them is made once, results do not
/// depend on the caches or on concurrent callers.
@Suite struct RuntimeCacheTests {
    static let sweep = """
        id: t
        title: {zh: 测试, en: Test}
        engine: {draws: 300, seed: 3}
        modules:
          - use: industry-chain
            with: {projects: {智能科技: 100}}
        sweep:
          engine.effort_scale: [1.0, 1.1, 1.2, 1.3]
        """

    /// A sweep over engine keys builds the module once: every point has the same use and context.
    @Test func sweepBuildsTheModuleOnce() throws {
        let runtime = ScenarioRuntime(catalogue: .builtin)
        let spec = try runtime.load(text: Self.sweep, file: "t.yaml")
        let prepared = try runtime.prepare(spec)
        #expect(prepared.variants.count == 4)
        #expect(runtime.cacheCounts.modules.misses == 1)
        #expect(runtime.cacheCounts.modules.hits == 4)
        // effort_scale does not enter calibration's inputs differently per point? It does (the
        // parameters differ), so each point is calibrated; a second prepare finds them all.
        let misses = runtime.cacheCounts.calibrations.misses
        _ = try runtime.prepare(spec)
        #expect(runtime.cacheCounts.calibrations.misses == misses)
        #expect(runtime.cacheCounts.modules.misses == 1)
    }

    /// A sweep over a source's lead rate changes the module context (the sources' weights), so
    /// the module is rebuilt per point, but the IO table is read and factored once.
    @Test func sharedResourcesSurviveAContextChange() throws {
        let text = Self.sweep.replacingOccurrences(
            of: "engine.effort_scale: [1.0, 1.1, 1.2, 1.3]", with: "engine.sources.foreign.lead_rate: [0.8, 0.9, 1.1]")
        let runtime = ScenarioRuntime(catalogue: .builtin)
        _ = try runtime.prepare(try runtime.load(text: text, file: "t.yaml"))
        #expect(runtime.cacheCounts.modules.misses == 4)
        #expect(runtime.sharedResources.count == 2)  // one table, one technology
    }

    /// The outcome equals running the same parameters through the engine directly, and a
    /// second runtime (no caches) gives the same numbers.
    @Test func outcomeIsTheEngineResult() throws {
        let text = """
            id: t
            title: t
            engine: {draws: 500, seed: 11}
            variants:
              weak-fdi: {engine.sources.foreign.lead_rate: "x0.7"}
            """
        let runtime = ScenarioRuntime(catalogue: .builtin)
        let spec = try runtime.load(text: text, file: "t.yaml")
        let outcome = try runtime.run(spec, policy: RunPolicy(workers: 1, effortSearch: true))
        let prepared = try runtime.prepare(spec)
        let direct = try ForecastEngine.run(prepared.parameters, workers: 2)
        #expect(outcome.baseline == direct)
        let weak = try ForecastEngine.run(prepared.variants[0].parameters, workers: 1)
        #expect(outcome.variants[0] == (try ForecastEngine.compare(name: "weak-fdi", baseline: direct, alternative: weak)))
        let effort = try ForecastEngine.requiredEffort(
            probability: 0.8, parameters: prepared.parameters, draws: 500, workers: 1)
        #expect(outcome.effort == effort)
        let fresh = ScenarioRuntime(catalogue: .builtin)
        let again = try fresh.run(try fresh.load(text: text, file: "t.yaml"), policy: RunPolicy(workers: 2))
        #expect(again.baseline == outcome.baseline && again.variants == outcome.variants && again.effort == outcome.effort)
    }

    /// Several threads running scenarios on one runtime at once get the numbers of one thread.
    @Test func safeFromSeveralThreads() throws {
        let runtime = ScenarioRuntime(catalogue: .builtin)
        let texts = (0..<6).map { k in
            "id: t\(k % 3)\ntitle: t\nengine: {draws: 200, seed: \(k % 3)}\nmodules:\n  - use: target-tracker\n"
        }
        let reference = try texts.map { try ScenarioRuntime(catalogue: .builtin).run(
            try ScenarioRuntime(catalogue: .builtin).load(text: $0, file: "t.yaml"), policy: RunPolicy(workers: 1, effortSearch: false)) }
        final class Box: @unchecked Sendable { var results = [ScenarioOutcome?](repeating: nil, count: 6); let lock = NSLock() }
        let box = Box()
        DispatchQueue.concurrentPerform(iterations: 6) { k in
            let o = try? runtime.run(try runtime.load(text: texts[k], file: "t.yaml"), policy: RunPolicy(workers: 1, effortSearch: false))
            box.lock.lock()
            box.results[k] = o
            box.lock.unlock()
        }
        for k in 0..<6 {
            let o = try #require(box.results[k])
            #expect(o.baseline == reference[k].baseline && o.modules == reference[k].modules)
        }
    }
}
