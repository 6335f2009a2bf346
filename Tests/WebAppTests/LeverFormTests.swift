import BuiltinModules
import Foundation
import ScenarioFiles
import ScenarioKit
import ScenarioRuntime
import Testing
import Vocabulary
@testable import WebApp

/// The editor's fields come from the engine keys and the module schemas; only changed fields
/// become overrides; the YAML they produce is the scenario `binhai run --set` would run.
@Suite struct LeverFormTests {
    let runtime = ScenarioRuntime(catalogue: .builtin)

    @Test func fieldsFollowTheScenario() throws {
        let spec = try runtime.load(text: smallScenario(extra: """
            modules:
              - use: beijing-transfer
                with: {work_teams: 12}
            """), file: "x.yaml")
        let groups = LeverForm.groups(for: spec)
        let names = groups.flatMap(\.fields).map(\.name)
        #expect(names.contains("engine.effort.2021") && names.contains("engine.effort.2025") && !names.contains("engine.effort.2020"))
        #expect(Set(spec.baseline.parameters.sources.map { "engine.sources.\($0.id).lead_rate" }).isSubset(of: Set(names)))
        // The module's schema, every parameter, with its bounds.
        let descriptor = try #require(runtime.catalogue.entry(for: "beijing-transfer")?.descriptor)
        let module = try #require(groups.first { $0.id == "module-beijing-transfer" })
        #expect(module.fields.map(\.name) == descriptor.parameters.map { "modules.beijing-transfer.\($0.name)" })
        let teams = try #require(module.fields.first { $0.name == "modules.beijing-transfer.work_teams" })
        #expect(teams.value == "12" && teams.kind == .number && teams.unit == "teams")  // a number in its schema
        #expect(teams.minimum == descriptor.parameters.first { $0.name == "work_teams" }?.minimum)
    }

    @Test func aPluginModuleGetsItsFormFromItsDescriptor() throws {
        // A module known only by its descriptor (as a --plugin one is): the form needs nothing else.
        let descriptor = ModuleDescriptor(
            id: "town-pilot", version: "1", title: .init(zh: "街镇试点", en: "Town pilot"), summary: .init(zh: "", en: ""),
            parameters: [
                ParameterSpec(name: "towns", type: .integer, defaultValue: .integer(3), minimum: 1, maximum: 40, help: .init(zh: "街镇数", en: "towns")),
                ParameterSpec(name: "mode", type: .text, defaultValue: .text("lq"), allowedValues: ["lq", "exact"], help: .init(zh: "规则", en: "rule")),
                ParameterSpec(name: "weights", type: .numberMap, defaultValue: .numberMap(["a": 0.5, "b": 0.5]), help: .init(zh: "权重", en: "weights")),
            ])
        let field = LeverForm.moduleField(descriptor.parameters[1], value: .text("exact"), prefix: "modules.town-pilot.")
        #expect(field.kind == .choice && field.choices == ["lq", "exact"] && field.value == "exact")
        let map = LeverForm.moduleField(descriptor.parameters[2], value: descriptor.parameters[2].defaultValue, prefix: "modules.town-pilot.")
        #expect(map.kind == .yaml && map.value == "{a: 0.5, b: 0.5}")
    }

    @Test func onlyChangedFieldsBecomeOverrides() throws {
        let spec = try runtime.load(text: smallScenario(), file: "x.yaml")
        let groups = LeverForm.groups(for: spec)
        var form = Dictionary(uniqueKeysWithValues: groups.flatMap(\.fields).map { ($0.name, $0.value) })
        #expect(try LeverForm.overrides(form, groups: groups).isEmpty)
        form["plan.multiplier"] = "2.0"  // the same number written differently
        #expect(try LeverForm.overrides(form, groups: groups).isEmpty)
        form["engine.effort.2024"] = "1.2"
        let o = try LeverForm.overrides(form, groups: groups)
        #expect(o.map(\.path) == ["engine.effort.2024"])
        #expect(try LeverForm.apply([], actual: nil, to: smallScenario(), file: "x.yaml") == smallScenario())
    }

    @Test func majorProjectOffIsProbabilityZero() throws {
        let spec = try runtime.load(text: smallScenario(extra: """
            calibration: {trend: total}
            """).replacingOccurrences(of: "engine: {draws: 2000, seed: 7}", with: """
            engine:
              draws: 2000
              seed: 7
              major_projects:
                - {name: 电池基地, industry: 新能源, amount_yi: 120, probability: 0.7, year: 2023}
            """), file: "x.yaml")
        let groups = LeverForm.groups(for: spec)
        var form = Dictionary(uniqueKeysWithValues: groups.flatMap(\.fields).filter { $0.kind != .boolean }.map { ($0.name, $0.value) })
        form["present.engine.major_projects.电池基地.on"] = "1"  // the checkbox unticked: only its marker is sent
        form["engine.major_projects.电池基地.probability"] = "0.9"
        let o = try LeverForm.overrides(form, groups: groups)
        #expect(o.map(\.path) == ["engine.major_projects.电池基地.probability"])
        #expect(o.last?.value.scalar?.string == "0")
    }

    @Test func appliedYAMLIsWhatSetRuns() throws {
        let text = smallScenario(extra: """
            modules:
              - use: beijing-transfer
                with: {work_teams: 12}
            """)
        let spec = try runtime.load(text: text, file: "x.yaml")
        let groups = LeverForm.groups(for: spec)
        let form = ["engine.sources.beijing.lead_rate": "1.4", "modules.beijing-transfer.work_teams": "24", "engine.effort.2022": "1.1"]
        let overrides = try LeverForm.overrides(form, groups: groups)
        let yaml = try LeverForm.apply(overrides, actual: nil, to: text, file: "x.yaml")
        let a = try runtime.run(try runtime.load(text: yaml, file: "y.yaml"), policy: RunPolicy(effortSearch: false))
        let sets = try ["engine.sources.beijing.lead_rate=1.4", "modules.beijing-transfer.work_teams=24", "engine.effort.2022=1.1"]
            .map { try ParameterOverride.parse(commandLine: $0) }
        let b = try runtime.run(try runtime.load(text: text, file: "x.yaml", overrides: sets), policy: RunPolicy(effortSearch: false))
        #expect(a.baseline.yearly.map(\.investmentInPlace.p50) == b.baseline.yearly.map(\.investmentInPlace.p50))
        #expect(a.baseline.probabilityTargetMet == b.baseline.probabilityTargetMet)
        #expect(a.modules.count == b.modules.count)
        #expect(yaml.hasPrefix("# Made on the BinhaiSim web page"))
    }

    @Test func formBodyDecodes() {
        let f = FormBody.parse("a=1&b=x+y&c=%E6%BB%A8%E6%B5%B7&d=&e=%3Cscript%3E")
        #expect(f == ["a": "1", "b": "x y", "c": "滨海", "d": "", "e": "<script>"])
    }
}
