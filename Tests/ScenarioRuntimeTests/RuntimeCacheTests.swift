import Foundation
import ScenarioFiles
import ScenarioRuntime
import BuiltinModules
import Testing

@Suite struct RuntimeCacheTests {
    static let text = """
        id: t
        title: {zh: 测试, en: Test}
        engine: {draws: 200, seed: 3}
        modules:
          - use: industry-chain
            with: {projects: {智能科技: 100}}
        sweep:
          engine.effort_scale: [1.0, 1.1, 1.2, 1.3]
        """

    /// A sweep builds the module once: every point has the same module use and context.
    @Test func sweepBuildsTheModuleOnce() throws {
        let runtime = ScenarioRuntime(catalogue: .builtin)
        let spec = try runtime.load(text: Self.text, file: "t.yaml")
        let prepared = try runtime.prepare(spec)
        #expect(prepared.variants.count == 4)
        #expect(runtime.cacheCounts.modules.misses == 1)
        #expect(runtime.cacheCounts.modules.hits == 4)
    }
}
