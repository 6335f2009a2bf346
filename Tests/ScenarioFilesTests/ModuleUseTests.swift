import ScenarioTestSupport
import ScenarioRuntime
import BuiltinModules
import ForecastEngine
import Foundation
import ScenarioKit
import Testing
@testable import ScenarioFiles

/// `modules:` entries: validation against the catalogue with exact locations, prepare order,
/// variants of module parameters.
@Suite struct ModuleUseTests {
    static let head = """
        id: t
        title: {zh: 测试, en: Test}
        plan: {base_year: 2020, target_year: 2025, multiplier: 2.0}
        engine: {draws: 300, seed: 7}
        modules:

        """

    func error(_ modules: String, catalogue: ModuleCatalogue = .builtin) -> ScenarioFileError? {
        do {
            _ = try TestScenario.load(text: Self.head + modules, file: "m.yaml", catalogue: catalogue)
            return nil
        } catch let e as ScenarioFileError {
            return e
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func unknownModuleIsReportedAtItsUseLineWithTheAvailableIds() throws {
        let e = try #require(error("  - use: target-traker\n"))
        #expect(e.location == SourceLocation(file: "m.yaml", line: 6, column: 10))
        #expect(e.message.contains("unknown module \"target-traker\" (did you mean \"target-tracker\"?)"))
        #expect(e.message.contains("; available: ") && e.message.contains("target-tracker, project-batch"))
    }

    @Test func parameterErrorsPointAtTheExactKeyOrValue() throws {
        // Wrong type: at the value.
        let type = try #require(error("  - use: target-tracker\n    with: {probability: high}\n"))
        #expect(type.description == "m.yaml:7:25: modules[0].with.probability: expected a number, got \"high\"")
        // Out of bounds, block style.
        let bounds = try #require(error("  - use: target-tracker\n    with:\n      probability: 1.5\n"))
        #expect(bounds.description == "m.yaml:8:20: modules[0].with.probability: expected a number from 0.01 to 0.99, got 1.5")
        // Unknown key: at the key, with a suggestion.
        let key = try #require(error("  - use: target-tracker\n    with:\n      probabilty: 0.9\n"))
        #expect(key.location == SourceLocation(file: "m.yaml", line: 8, column: 7))
        #expect(key.keyPath == "modules[0].with.probabilty")
        #expect(key.message.contains("did you mean \"probability\""))
        // Missing required: at `with:`'s value, or at `use:` when there is no `with:`.
        let missing = try #require(error("  - use: project-batch\n    with: {amounts: {new_energy: 100}}\n"))
        #expect(missing.location == SourceLocation(file: "m.yaml", line: 7, column: 11))
        #expect(missing.keyPath == "modules[0].with.year" && missing.message.contains("missing required parameter \"year\""))
        let noWith = try #require(error("  - use: project-batch\n"))
        #expect(noWith.location == SourceLocation(file: "m.yaml", line: 6, column: 10))
        // List element and a module's own check (unknown industry) at the element.
        let element = try #require(error("  - use: target-tracker\n    with: {industries: [new_energy, biomedicin]}\n"))
        #expect(element.description.hasPrefix("m.yaml:7:37: modules[0].with.industries[1]: module target-tracker: unknown industry \"biomedicin\" (did you mean \"biomedicine\"?)"))
        // Map key checked by the module: at that key.
        let mapKey = try #require(error("  - use: project-batch\n    with: {year: 2023, amounts: {new_enrgy: 100}}\n"))
        #expect(mapKey.location == SourceLocation(file: "m.yaml", line: 7, column: 34))
        #expect(mapKey.keyPath == "modules[0].with.amounts.new_enrgy")
    }

    @Test func prepareRunsInListedOrderAndModulesSeeEachOthersChanges() throws {
        var catalogue = ModuleCatalogue.builtin
        try catalogue.register(DoubleLastProject.self)
        let text = Self.head + """
              - use: project-batch
                with: {year: 2023, amounts: {new_energy: 100}, label: first}
              - use: double-last
              - use: project-batch
                with: {year: 2024, amounts: {biomedicine: 10}, label: second}
            """
        let s = try TestScenario.load(text: text, file: "m.yaml", catalogue: catalogue)
        #expect(s.modules.map(\.id) == ["project-batch", "double-last", "project-batch"])
        #expect(s.parameters.majorProjects.map(\.name) == ["first: new_energy", "second: biomedicine"])
        // double-last ran after the first batch and before the second.
        #expect(s.parameters.majorProjects.map(\.amount) == [200, 10])
        #expect(s.calibration.parameters.majorProjects.isEmpty)
    }

    @Test func variantsOverrideModuleParametersByModuleID() throws {
        let text = Self.head + """
              - use: project-batch
                with: {year: 2023, amounts: {new_energy: 100}}
            variants:
              later: {modules.project-batch.year: 2025}
              tech: {modules.project-batch.amounts: {intelligent_tech: 100}}
            """
        let s = try TestScenario.load(text: text, file: "m.yaml")
        #expect(s.parameters.majorProjects.map(\.expectedYear) == [2023])
        #expect(s.variants[0].parameters.majorProjects.map(\.expectedYear) == [2025])
        #expect(s.variants[1].parameters.majorProjects.map(\.industry) == ["intelligent_tech"])
        #expect(s.variants[1].modules[0].values.numberMap("amounts") == ["intelligent_tech": 100])
    }

    @Test func perDrawIndustrySplitSumsToTheTotalAndMatchesTheMeans() throws {
        let text = Self.head + "  - use: project-batch\n    with: {year: 2022, amounts: {new_energy: 80}, probability: 0.5}\n"
        let s = try TestScenario.load(text: text, file: "m.yaml")
        let (result, segments) = try ForecastEngine.runWithSegments(s.parameters)
        let o = ModulePhases.outputs(result, segments)
        for y in 0..<o.years.count {
            for d in 0..<o.draws {
                let sum = o.byIndustry.values.reduce(0.0) { $0 + $1.value(year: y, draw: d) }
                let total = o.investmentInPlace.value(year: y, draw: d)
                #expect(abs(sum - total) <= 1e-9 * max(1, total))
            }
        }
        for series in result.byIndustry {
            let table = try #require(o.byIndustry[series.id])
            for y in 0..<o.years.count {
                #expect(abs(table.summary(year: y).mean - series.values[y]) <= 1e-9 * max(1, series.values[y]))
            }
        }
    }
}

/// Test module: doubles the amount of the last major project (order-sensitive on purpose).
struct DoubleLastProject: ScenarioModule {
    static let descriptor = ModuleDescriptor(
        id: "double-last", version: "1.0.0", title: LocalizedText("double last"), summary: LocalizedText("test"),
        parameters: [])
    init(parameters: ModuleParameters, context: ModuleContext) {}
    func prepare(_ inputs: inout EngineInputs) throws {
        guard let last = inputs.majorProjects.indices.last else { return }
        inputs.majorProjects[last].amount *= 2
    }
}
