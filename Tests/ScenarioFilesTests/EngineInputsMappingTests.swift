import ScenarioTestSupport
import ScenarioRuntime
import ForecastEngine
import Foundation
import ScenarioKit
import Testing
@testable import ScenarioFiles

/// What a module's prepare phase may change, and how it maps back onto `ForecastParameters`.
@Suite struct EngineInputsMappingTests {
    static let text = """
        id: t
        title: {zh: 测试, en: Test}
        plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
        engine: {draws: 300, seed: 7, effort: {2022: 1.2}}
        modules:
          - use: tweak
            with: {mode: %MODE%}
        """

    func load(_ mode: String) throws -> PreparedScenario {
        var catalogue = ModuleCatalogue.builtin
        try catalogue.register(Tweak.self)
        return try TestScenario.load(text: Self.text.replacingOccurrences(of: "%MODE%", with: mode), file: "t.yaml", catalogue: catalogue)
    }

    @Test func weightsEffortAndProjectsMapBack() throws {
        let s = try load("good")
        let p = s.parameters
        #expect(p.sourceIndex("foreign").map { p.sources[$0].leadRateMultiplier } == 0.5)
        #expect(p.industries.first { $0.id == "new_energy" }?.leadShare == 2 * (s.calibration.parameters.industries.first { $0.id == "new_energy" }?.leadShare ?? 0))
        // The module saw the step path per year (2022 → 1.2 carried to 2023) and set 2024 only.
        #expect((2021...2025).map { p.effort.value(in: $0) } == [1, 1.2, 1.2, 1.5, 1.2])
        #expect(p.majorProjects.map(\.name) == ["tweak"])
        // Lead rates and the calibration are untouched.
        #expect(p.sources.map(\.leadArrivalRate) == s.calibration.parameters.sources.map(\.leadArrivalRate))
    }

    @Test func catalogueChangesAndInvalidInputsAreLocatedAtTheUse() throws {
        for (mode, text) in [("rename", "changed the industry catalogue"), ("negative", "left invalid engine inputs"),
                             ("throw", "module tweak: asked to fail")] {
            do {
                _ = try load(mode)
                Issue.record("\(mode) should fail")
            } catch let e as ScenarioFileError {
                #expect(e.location.line == 6 || e.location.line == 7, "\(mode): \(e)")
                #expect(e.message.contains(text), "\(mode): \(e)")
            }
        }
    }
}

/// Test module: changes the engine inputs in the way `mode` says.
struct Tweak: ScenarioModule {
    static let descriptor = ModuleDescriptor(
        id: "tweak", version: "1.0.0", title: LocalizedText("tweak"), summary: LocalizedText("test"),
        parameters: [ParameterSpec(name: "mode", type: .text, allowedValues: ["good", "rename", "negative", "throw"], help: LocalizedText("mode"))])
    let mode: String
    init(parameters: ModuleParameters, context: ModuleContext) { mode = parameters.text("mode") ?? "good" }
    func prepare(_ inputs: inout EngineInputs) throws {
        switch mode {
        case "rename": inputs.industries[0].id = "renamed"
        case "negative": inputs.majorProjects.append(MajorProjectInput(name: "x", industry: "other", carrier: "development_zones", source: "beijing", amount: -1, probability: 1, year: 2023))
        case "throw": throw ModuleError(module: "tweak", keyPath: "mode", message: "asked to fail")
        default:
            if let f = inputs.sources.firstIndex(where: { $0.id == "foreign" }) { inputs.sources[f].weight = 0.5 }
            if let i = inputs.industries.firstIndex(where: { $0.id == "new_energy" }) { inputs.industries[i].weight *= 2 }
            inputs.effort[2024] = 1.5
            inputs.majorProjects.append(MajorProjectInput(name: "tweak", industry: "other", carrier: "development_zones", source: "beijing", amount: 10, probability: 1, year: 2023))
        }
    }
}
