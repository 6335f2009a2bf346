import Foundation
import ScenarioKit
import ScenarioKitTesting
import NumericTestSupport
import Testing
@testable import CapitalMix

/// The module as a scenario runs it: descriptor, default run, categories from a CSV file, and the
/// tables' numbers against hand arithmetic.
@Suite struct ModuleTests {
    static let years = Array(2021...2025)

    /// One draw per year; investment in place 1000, 1100, … split 30 % Beijing, 60 % other, 10 % foreign.
    static func outputs() -> EngineOutputs {
        let total = years.indices.map { 1000 + 100 * Double($0) }
        return EngineOutputs.synthetic(
            years: years, total: total,
            bySource: ["beijing": total.map { 0.3 * $0 }, "other_domestic": total.map { 0.6 * $0 }, "foreign": total.map { 0.1 * $0 }])
    }

    static func number(_ t: ResultTable, _ row: String, _ column: Int) -> Double {
        guard let r = t.row(row), column < r.cells.count else { return .nan }
        switch r.cells[column] {
        case let .number(v): return v
        case let .quantiles(q): return q.mean
        default: return .nan
        }
    }

    @Test func descriptorPassesSchemaChecks() throws {
        let d = CapitalMixModule.descriptor
        #expect(d.id == "capital-mix" && d.version == "1.0.0")
        #expect(d.title == LocalizedText(zh: "资本结构与引导基金", en: "Capital mix and guidance fund"))
        #expect(d.schemaProblems().isEmpty)
        var catalogue = ModuleCatalogue()
        try catalogue.register(CapitalMixModule.self)
        for p in d.parameters {
            #expect(p.defaultValue != nil, "\(p.name) has a default")
            #expect(!p.help.zh.isEmpty && !p.help.en.isEmpty)
        }
        // Help texts say which defaults are published and which are assumptions.
        let help = Dictionary(uniqueKeysWithValues: d.parameters.map { ($0.name, $0.help.en) })
        #expect(help["ownership_state"]!.contains("ASSUMPTION") && help["ownership_state"]!.contains("PUBLISHED"))
        #expect(help["leverage"]!.contains("2083/742.4") && help["leverage"]!.contains("25×"))
        #expect(help["fund_per_year_yi"]!.contains("ASSUMPTION"))
        #expect(help["categories"]!.contains("not published"))
        // Defaults: realised leverage, 78 % private for other domestic capital.
        #expect(d.parameters.first { $0.name == "leverage" }?.defaultValue == .number(2083.0 / 742.4))
        let values = try d.validate(nil)
        #expect(values.numberMap("ownership_private")?["other_domestic"] == 0.78)
        #expect(values.numberMap("ownership_state")?["beijing"] == 0.6)
        #expect(values.numberMap("ownership_foreign")?["foreign"] == 1)
    }

    /// Industries with hand-picked weights (test inputs, not the dataset's): 1+3+4 weights 0.06,
    /// 0.03, 0.03, 0.03, 0.045, 0.03, 0.02, 0.005 and 其他 0.74.
    static let handIndustries: [CatalogueEntry] = [
        ("intelligent_tech", "智能科技", "Intelligent technology", 0.06), ("biomedicine", "生物医药", "Biomedicine", 0.03),
        ("new_energy", "新能源", "New energy", 0.03), ("new_materials", "新材料", "New materials", 0.03),
        ("equipment", "装备制造", "Equipment manufacturing", 0.045), ("petrochemicals", "石油化工", "Petrochemicals", 0.03),
        ("automotive", "汽车", "Automotive", 0.02), ("aerospace", "航空航天", "Aerospace", 0.005), ("other", "其他", "Other", 0.74),
    ].map { CatalogueEntry(id: $0.0, name: LocalizedText(zh: $0.1, en: $0.2), weight: $0.3) }

    /// Default run on the hand catalogue: priorities are the industries' weights with 其他 at
    /// 0 — weights 0.06, 0.03, 0.03, 0.03, 0.045, 0.03, 0.02, 0.005 sum to 0.25, so
    /// 智能科技 gets 0.06/0.25 = 24 % of F = 5 × 20 = 100 亿元; no target, so f = p·F exactly;
    /// every category attracts 22 % state / 78 % private at leverage 2083/742.4.
    @Test func defaultRun() throws {
        let results = try ModuleHarness.run(
            CapitalMixModule.self, context: .testing(industries: Self.handIndustries), outputs: Self.outputs())
        #expect(results.tables.map(\.id) == [
            "capital-mix.ownership-by-year", "capital-mix.fund-allocation", "capital-mix.fund-by-year", "capital-mix.mix-vs-target",
        ])
        let k = 2083.0 / 742.4
        let alloc = try #require(results.table("capital-mix.fund-allocation"))
        #expect(abs(Self.number(alloc, "智能科技（intelligent_tech）", 2) - 24) < 1e-9)
        #expect(abs(Self.number(alloc, "Aerospace (aerospace)", 2) - 2) < 1e-9)
        #expect(Self.number(alloc, "Other (other)", 2) == 0)
        #expect(abs(Self.number(alloc, "Intelligent technology (intelligent_tech)", 6) - 24 * k) < 1e-9)
        #expect(abs(Self.number(alloc, "合计", 2) - 100) < 1e-9)
        #expect(abs(Self.number(alloc, "total", 10) - 0.78 * 100 * k) < 1e-9)
        for column in alloc.columns { #expect(!column.header.zh.isEmpty && !column.header.en.isEmpty) }
        #expect(!alloc.notes.isEmpty)

        let byYear = try #require(results.table("capital-mix.fund-by-year"))
        #expect(Self.number(byYear, "2021", 0) == 20)
        #expect(abs(Self.number(byYear, "2021", 1) - 20 * k) < 1e-9)
        #expect(abs(Self.number(byYear, "2021", 3) - k) < 1e-12)
        // Mobilised ÷ forecast investment in place: 2023 → 20k / 1200.
        #expect(abs(Self.number(byYear, "2023", 7) - 20 * k / 1200) < 1e-12)
        #expect(abs(Self.number(byYear, "2021–2025 total", 0) - 100) < 1e-9)
        #expect(abs(Self.number(byYear, "2021–2025 total", 7) - 100 * k / 6000) < 1e-12)

        let mix = try #require(results.table("capital-mix.mix-vs-target"))
        #expect(abs(Self.number(mix, "private", 1) - 0.78) < 1e-12)
        #expect(Self.number(mix, "private", 2).isNaN)  // no target
        // Including the fund money as state: (0.22·100k + 100)/(100 + 100k).
        #expect(abs(Self.number(mix, "state", 6) - (0.22 * 100 * k + 100) / (100 + 100 * k)) < 1e-12)

        // Ownership of the forecast: 2021 state = 0.6·300 + 0.22·600 = 312; foreign 100; private 588.
        let own = try #require(results.table("capital-mix.ownership-by-year"))
        #expect(abs(Self.number(own, "2021", 0) - 312) < 1e-9)
        #expect(abs(Self.number(own, "2021", 1) - 100) < 1e-9)
        #expect(abs(Self.number(own, "2021", 2) - 588) < 1e-9)
        #expect(abs(Self.number(own, "2021", 3) - 1000) < 1e-9)
    }

    /// The hand case of `AllocationHandTests.targetMixThreeCategories` through the whole module:
    /// categories from a CSV file (leverage 2; private 0.9 / 0.5 / 0.1, the rest state),
    /// priorities 5/3/2, F = 5 × 20 = 100, target private 0.6 ⇒ f = (47.5, 30, 22.5), mobilised
    /// 200 with state 2·(0.1·47.5 + 0.5·30 + 0.9·22.5) = 80 (share 0.4).
    @Test func categoriesFromFileReproduceTheHandCase() throws {
        let folder = try TestFolders.folder(files: [
            "fund-categories.csv": """
                # three categories for a test
                id,name_zh,name_en,priority,leverage,state,private
                a,甲,Alpha,5,2,0.1,0.9
                b,乙,Beta,3,2,0.5,0.5
                "c",丙,"Gamma, Inc.",2,2,0.9,0.1
                """,
        ])
        let results = try ModuleHarness.run(
            CapitalMixModule.self, parameters: ["categories": "fund-categories.csv", "target_mix": ["private": 0.6]],
            context: .testing(datasetFolder: folder), outputs: Self.outputs())
        let alloc = try #require(results.table("capital-mix.fund-allocation"))
        #expect(alloc.rows.map(\.label.en) == ["Alpha (a)", "Beta (b)", "Gamma, Inc. (c)", "total"])
        #expect(maxAbsDifference(alloc.rows.prefix(3).map { Self.number(alloc, $0.label.en, 2) }, [47.5, 30, 22.5]) < 1e-9)
        #expect(maxAbsDifference(alloc.rows.prefix(3).map { Self.number(alloc, $0.label.en, 4) }, [-2.5, 0, 2.5]) < 1e-9)
        let mix = try #require(results.table("capital-mix.mix-vs-target"))
        #expect(abs(Self.number(mix, "state", 0) - 80) < 1e-9)
        #expect(abs(Self.number(mix, "state", 1) - 0.4) < 1e-12)
        #expect(abs(Self.number(mix, "private", 1) - 0.6) < 1e-12)
        #expect(Self.number(mix, "private", 2) == 0.6)
        #expect(abs(Self.number(mix, "private", 3) - 0.62) < 1e-12)  // mix at priorities
        #expect(Self.number(mix, "private", 4) == 0.1 && Self.number(mix, "private", 5) == 0.9)
        let byYear = try #require(results.table("capital-mix.fund-by-year"))
        #expect(abs(Self.number(byYear, "2022", 1) - 40) < 1e-9)  // 20 亿元 × leverage 2
    }

    /// The non-negative hand case (f = (75, 25, 0)) through the module, with the leverage given as
    /// a support rate (s = 1/3 ⇒ k = 2) and the fund by year (10 + 30 + 3 × 20 = 100).
    @Test func nonNegativeBoundThroughTheModule() throws {
        let folder = try TestFolders.folder(files: [
            "cats.csv": "id,priority,support_rate,state,private\na,1,,0.1,0.9\nb,3,,0.5,0.5\nc,6,,0.9,0.1\n",
        ])
        let results = try ModuleHarness.run(
            CapitalMixModule.self,
            parameters: [
                "categories": "cats.csv", "leverage": 2, "support_rate": ["b": 0.3333333333333333],
                "fund_by_year_yi": ["2021": 10, "2022": 30], "target_mix": ["private": 0.8],
            ],
            context: .testing(datasetFolder: folder), outputs: Self.outputs())
        let alloc = try #require(results.table("capital-mix.fund-allocation"))
        #expect(maxAbsDifference(["a (a)", "b (b)", "c (c)"].map { Self.number(alloc, $0, 2) }, [75, 25, 0]) < 1e-9)
        #expect(abs(Self.number(alloc, "b (b)", 5) - 2) < 1e-9)
        guard case let .text(bound)? = alloc.row("c (c)")?.cells.last else { Issue.record("no bound cell"); return }
        #expect(bound.en == "at 0 (non-negative)")
        #expect(alloc.notes.contains { $0.en.contains("below their bound") && $0.en.contains("-2.5") })
        let byYear = try #require(results.table("capital-mix.fund-by-year"))
        #expect(byYear.rows.map { Self.number(byYear, $0.label.en, 0) } == [10, 30, 20, 20, 20, 100])
    }

    /// The `with:` block of the scenario snippet handed to the lead engineer validates and builds,
    /// and so does its variant (target private 0.75).
    @Test func scenarioSnippetIsValid() throws {
        func snippet(_ privateTarget: Double) -> RawParameter {
            [
                "ownership_state": ["beijing": 0.6], "ownership_private": ["beijing": 0.4], "fund_per_year_yi": 20,
                "leverage": 2.806, "categories": "industries", "priority": ["intelligent_tech": 0.12],
                "category_state": ["petrochemicals": 0.7, "aerospace": 0.5],
                "category_foreign": ["aerospace": 0.2, "automotive": 0.3],
                "category_private": ["petrochemicals": 0.3, "aerospace": 0.3, "automotive": 0.48],
                "minimum_yi": ["intelligent_tech": 20], "target_mix": ["private": .scalar(String(privateTarget))],
            ]
        }
        for target in [0.7, 0.75] {
            let results = try ModuleHarness.run(CapitalMixModule.self, parameters: snippet(target), outputs: Self.outputs())
            let mix = try #require(results.table("capital-mix.mix-vs-target"))
            #expect(abs(Self.number(mix, "private", 1) - target) < 1e-12)
            let alloc = try #require(results.table("capital-mix.fund-allocation"))
            #expect(Self.number(alloc, "智能科技（intelligent_tech）", 2) >= 20 - 1e-9)
            #expect(abs(Self.number(alloc, "合计", 2) - 100) < 1e-9)
            #expect(alloc.rows.dropLast().allSatisfy { Self.number(alloc, $0.label.en, 2) >= 0 })
        }
    }
}
