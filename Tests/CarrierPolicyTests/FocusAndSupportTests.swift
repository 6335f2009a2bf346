@testable import CarrierPolicy
import ModuleInputs
import ScenarioKit
import ScenarioKitTesting
import Testing

/// "4-2-1" focus and 重大项目包保 on hand-worked examples.
@Suite struct FocusAndSupportTests {
    /// p = 0.5 with e = 0.6: p' = 0.5 + 0.5 × 0.6 = 0.8; one year earlier 2023 → 2022. The other
    /// project (p = 0.9, default e = 0.3): 0.9 + 0.1 × 0.3 = 0.93, year unchanged.
    @Test func aMajorProjectFromHalfToEightyPercent() throws {
        let context = try CarrierFixtures.context()
        let parameters: RawParameter = [
            "responsible": ["battery=区领导A"], "project_drop_out_reduction": ["battery": 0.6],
            "project_years_earlier": ["battery": 1],
        ]
        let inputs = try ModuleHarness.prepare(InvestmentFocusModule.self, parameters: parameters, context: context)
        let battery = try #require(inputs.majorProjects.first { $0.name == "battery" })
        #expect(abs(battery.probability - 0.8) < 1e-12 && battery.year == 2022)
        let parts = try #require(inputs.majorProjects.first { $0.name == "parts" })
        #expect(abs(parts.probability - 0.93) < 1e-12 && parts.year == 2024)
        // Never before the first forecast year.
        let early = try ModuleHarness.prepare(InvestmentFocusModule.self, parameters: ["years_earlier": 5], context: context)
        #expect(early.majorProjects.allSatisfy { $0.year == 2021 })
        // Switched off: the inputs are the scenario's.
        let off = try ModuleHarness.prepare(InvestmentFocusModule.self, parameters: ["support": false], context: context)
        #expect(off.majorProjects == context.majorProjects)

        let results = try ModuleHarness.run(InvestmentFocusModule.self, parameters: parameters, context: context, outputs: CarrierFixtures.outputs())
        let table = try #require(results.table("investment-focus.support"))
        let row = try #require(table.rows.first { $0.label.en == "battery" })
        #expect(row.cells[0].label == "区领导A")
        #expect(row.cells[2].value == 50 && abs(row.cells[3].value! - 80) < 1e-9)  // %
        #expect(row.cells[4].label == "2023" && row.cells[5].label == "2022")
        #expect(row.cells[6].value == 50 && abs(row.cells[7].value! - 80) < 1e-9)  // expected 亿元
        // Ranking by (p' − p) × amount: battery 30 亿元, parts 0.03 × 40 = 1.2 亿元.
        let ranking = try #require(results.table("investment-focus.support-ranking"))
        #expect(ranking.rows.map(\.label.en) == ["battery", "parts"])
        #expect(abs(ranking.rows[0].cells[2].value! - 30) < 1e-9 && abs(ranking.rows[1].cells[2].value! - 1.2) < 1e-9)
        #expect(abs(ranking.rows[0].cells[3].value! - 100 * 30 / 31.2) < 1e-9)
    }

    /// Focus weights 4 : 2 : 1 → 1, 0.5, 0.25; intensity 0.5 multiplies the lead weights by 1.5,
    /// 1.25, 1.125 (intelligent_tech; biomedicine and new_energy; equipment) and leaves the rest.
    @Test func theFocusRaisesTheGroupsLeadShares() throws {
        let context = try CarrierFixtures.context()
        let inputs = try ModuleHarness.prepare(InvestmentFocusModule.self, parameters: ["focus_intensity": 0.5, "support": false], context: context)
        func weight(_ id: String, _ entries: [CatalogueEntry]) -> Double { entries.first { $0.id == id }!.weight }
        for (id, m) in [("intelligent_tech", 1.5), ("biomedicine", 1.25), ("new_energy", 1.25), ("equipment", 1.125), ("other", 1), ("aerospace", 1)] {
            #expect(abs(weight(id, inputs.industries) - m * weight(id, context.industries)) < 1e-15, "\(id)")
        }
        let none = try ModuleHarness.prepare(InvestmentFocusModule.self, parameters: ["support": false], context: context)
        #expect(none.industries == context.industries)
        let results = try ModuleHarness.run(
            InvestmentFocusModule.self, parameters: ["focus_intensity": 0.5, "support": false], context: context, outputs: CarrierFixtures.outputs())
        let t = try #require(results.table("investment-focus.focus"))
        #expect(t.rows.first { $0.label.en == "Intelligent technology" }!.cells[1].value == 1)
        let after = t.rows.map { $0.cells[3].value! }.reduce(0, +)
        #expect(abs(after - 100) < 1e-9)
    }

    @Test func errorsAreLocated() throws {
        let context = try CarrierFixtures.context()
        let unknown = try ModuleHarness.moduleError(InvestmentFocusModule.self, parameters: ["supported_projects": ["airport"]], context: context)
        #expect(unknown?.keyPath == "supported_projects[0]" && unknown!.message.contains("battery, parts"), "\(String(describing: unknown))")
        let badPair = try ModuleHarness.moduleError(InvestmentFocusModule.self, parameters: ["responsible": ["battery"]], context: context)
        #expect(badPair?.keyPath == "responsible[0]")
        let byProject = try ModuleHarness.moduleError(InvestmentFocusModule.self, parameters: ["project_drop_out_reduction": ["dam": 0.5]], context: context)
        #expect(byProject?.keyPath == "project_drop_out_reduction.dam")
        let share = ModuleHarness.parameterError(InvestmentFocusModule.self, parameters: ["drop_out_reduction": 1.2])
        #expect(share?.keyPath == "drop_out_reduction")
        let grouping = try ModuleHarness.moduleError(
            InvestmentFocusModule.self, parameters: ["focus_intensity": 0.5, "grouping": "3-3-3"], context: context)
        #expect(grouping?.keyPath == "grouping" && grouping!.message.contains("4-2-1"), "\(String(describing: grouping))")
        let badIndustry = CarrierFixtures.focusGroups + "\n4-2-1,x,1,steel,assumed,test\n"
        let industry = try ModuleHarness.moduleError(
            InvestmentFocusModule.self, parameters: ["focus_intensity": 0.5], context: try CarrierFixtures.context(files: ["focus-groups.csv": badIndustry]))
        #expect(industry!.message.contains("line 5, column industries") && industry!.message.contains("steel"), "\(String(describing: industry))")
    }

    @Test func keepsTheContract() throws {
        try ModuleHarness.verifyContract(
            InvestmentFocusModule.self, parameters: ["focus_intensity": 0.5, "responsible": ["battery=A"]],
            context: try CarrierFixtures.context(), outputs: CarrierFixtures.outputs())
    }
}
