import BuiltinModules
import Foundation
import ScenarioKit
import ScenarioKitTesting
import Testing

/// The built-in example modules, tested through ScenarioKitTesting the way a module author would.
@Suite struct BuiltinModulesTests {
    @Test func catalogueListsTheBuiltinModulesWithValidSchemas() {
        let catalogue = ModuleCatalogue.builtin
        #expect(catalogue.ids.contains("target-tracker") && catalogue.ids.contains("project-batch"))
        for d in catalogue.descriptors { #expect(d.schemaProblems().isEmpty, "\(d.id)") }
        #expect(catalogue.unknownModuleMessage("target-traker").contains("did you mean \"target-tracker\""))
    }

    @Test func milestonesAreReported() throws {
        let outputs = EngineOutputs.synthetic(
            years: Array(2021...2025), total: [1300, 1500, 1700, 1900, 2100], baseYearTotal: 1000)
        let results = try ModuleHarness.run(
            TargetTrackerModule.self, parameters: ["milestones": ["2025": 2000]], outputs: outputs)
        let table = try #require(results.table("target-tracker.milestones"))
        let milestones = table.numbers(column: 0)
        #expect(milestones.last == 2000)
        // Constant-growth path 1000 × 2^(1/5) in 2021.
        #expect(abs(milestones[0] - 1000 * pow(2, 0.2)) < 1e-9)
        #expect(table.numbers(column: 2).last == 100)  // 2100 ≥ 2000 in the only draw
        #expect(table.numbers(column: 3).last == -100)  // gap at P50
        let error = ModuleHarness.parameterError(TargetTrackerModule.self, parameters: ["probabilty": 0.9])
        #expect(error?.keyPath == "probabilty" && error?.message.contains("did you mean \"probability\"") == true)
    }

    @Test func industrySharesUseEveryDraw() throws {
        let outputs = EngineOutputs.synthetic(
            years: [2021], draws: nil,
            byIndustry: ["new_energy": [[10, 20, 30]], "other": [[90, 80, 70]]])
        let results = try ModuleHarness.run(
            TargetTrackerModule.self, parameters: ["industries": ["new_energy"]], outputs: outputs)
        let table = try #require(results.table("target-tracker.industries"))
        guard case let .quantiles(share)? = table.row("新能源")?.cells[1] else {
            Issue.record("no share cell")
            return
        }
        #expect(abs(share.p50 - 20) < 1e-12 && abs(share.mean - 20) < 1e-12)
        let bad = try ModuleHarness.moduleError(TargetTrackerModule.self, parameters: ["industries": ["new_enrgy"]])
        #expect(bad?.keyPath == "industries[0]" && bad?.message.contains("did you mean \"new_energy\"") == true)
    }

    @Test func projectBatchAddsMajorProjects() throws {
        let inputs = try ModuleHarness.prepare(
            ProjectBatchModule.self,
            parameters: ["year": 2023, "amounts": ["new_energy": 100, "intelligent_tech": 100], "probability": 0.5])
        #expect(inputs.majorProjects.map(\.industry) == ["intelligent_tech", "new_energy"])
        #expect(inputs.majorProjects.allSatisfy { $0.amount == 100 && $0.probability == 0.5 && $0.year == 2023 })
        #expect(ModuleHarness.parameterError(ProjectBatchModule.self, parameters: ["amounts": ["x": 1]])?.keyPath == "year")
        let late = try ModuleHarness.moduleError(ProjectBatchModule.self, parameters: ["year": 2030, "amounts": ["new_energy": 1]])
        #expect(late?.keyPath == "year")
    }

    @Test func ioFolderIsWritten() throws {
        let io = try TestFolders.ioTable(
            codes: ["1", "2"], z: [[150, 500], [200, 100]], finalDemand: [("FU201", [1150, 1700])], x: [1000, 2000],
            factors: [("VA", [650, 1400])])
        defer { try? FileManager.default.removeItem(at: io) }
        let z = try String(contentsOf: io.appendingPathComponent("Z.csv"), encoding: .utf8)
        #expect(z == "code,1,2\n1,150.0,500.0\n2,200.0,100.0\n")
        let context = ModuleContext.testing(ioTableFolder: io)
        #expect(context.ioTableFolder == io && context.industries.count == 9)
    }
}
