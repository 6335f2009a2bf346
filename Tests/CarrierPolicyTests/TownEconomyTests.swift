@testable import CarrierPolicy
import ScenarioKit
import ScenarioKitTesting
import Testing

/// 一镇一产业 on hand-worked examples.
@Suite struct TownEconomyTests {
    /// A 3 × 3 assignment where the greedy choice (row 0 takes its best, 9) is not optimal:
    /// the six permutations give 14, 20, 9, 10, 21, 16, so the optimum is (2, 0, 1) with 21.
    @Test func theAssignmentIsTheExactOptimum() {
        let scores: [[Double]] = [[9, 2, 7], [6, 4, 3], [5, 8, 1]]
        #expect(Assignment.maximise(scores) == [2, 0, 1])
        // Rectangular (2 rows, 3 columns): the six choices give 13, 12, 8, 5, 13, 11; an optimum has 13.
        let two = Assignment.maximise([[9, 2, 7], [6, 4, 3]])
        #expect(Set(two).count == 2 && [[9.0, 2, 7], [6, 4, 3]].enumerated().reduce(0) { $0 + $1.element[two[$1.offset]] } == 13)
    }

    /// Two towns, A (capacity 2, mix 1:1) and B (capacity 1, intelligent_tech only):
    /// LQ_A = (0.75, 1.5), LQ_B = (1.5, 0); scores A (1.5, 3), B (1.5, 0); distinct leads A → new
    /// energy, B → intelligent tech (4.5 against 1.5); seconds A → intelligent tech, B → new energy.
    /// Shares with bonuses 0.5 / 0.2: intelligent tech A 2·1·1.2 = 2.4, B 1·1·1.5 = 1.5 → 0.6154 /
    /// 0.3846; new energy A 1, B 0; other industries by capacity 2/3, 1/3.
    /// Town A = 10 × (0.5 × 0.6154 + 0.3 × 1 + 0.2 × 2/3) = 7.4103 of the carrier's 10.
    @Test func leadsSharesAndTownInvestmentByHand() throws {
        let context = try CarrierFixtures.context()
        let catalogue = try TownCatalogue.read(context.datasetFolder, context: context, module: "carrier-mechanisms", keyPath: "towns")
        let e = TownEconomy(catalogue: catalogue, industries: context.industries.map(\.id), distinctLeads: true, leadBonus: 0.5, secondBonus: 0.2)
        #expect(e.locationQuotients == [[0.75, 1.5], [1.5, 0]])
        #expect(e.scores == [[1.5, 3], [1.5, 0]])
        #expect(e.leads.map(\.industry) == [1, 0] && e.seconds.map { $0?.industry } == [0, 1])
        let it = try #require(e.shares["intelligent_tech"]), ne = try #require(e.shares["new_energy"]), other = try #require(e.shares["other"])
        #expect(abs(it[0] - 2.4 / 3.9) < 1e-12 && abs(it[1] - 1.5 / 3.9) < 1e-12)
        #expect(ne == [1, 0] && abs(other[0] - 2.0 / 3) < 1e-12)

        let outputs = EngineOutputs.synthetic(
            years: [2021], total: [100], byIndustry: ["intelligent_tech": [50], "new_energy": [30], "other": [20]],
            byCarrier: ["streets_towns": [10]])
        let results = try ModuleHarness.run(CarrierMechanismsModule.self, parameters: [:], context: context, outputs: outputs)
        let shares = try #require(results.table("carrier-mechanisms.town-shares"))
        let a = 10 * (0.5 * 2.4 / 3.9 + 0.3 + 0.2 * 2.0 / 3)
        #expect(abs(try #require(shares.rows[0].cells[1].value) - a) < 1e-9)
        #expect(abs(try #require(shares.rows[1].cells[1].value) - (10 - a)) < 1e-9)
        #expect(abs(try #require(shares.rows[0].cells[0].value) - 10 * a) < 1e-9)  // % of the carrier
        let leads = try #require(results.table("carrier-mechanisms.town-leads"))
        #expect(leads.rows.map { $0.cells[1].label } == ["New energy", "Intelligent technology"])
    }

    /// Three towns of the same mix and two industries: each town's own best is the same industry,
    /// distinct leads spread them (⌈3/2⌉ = 2 towns per industry at most).
    @Test func distinctLeadsSpreadTheIndustries() throws {
        let csv = """
            town,capacity,intelligent_tech,new_energy
            A,3,2,1
            B,2,2,1
            C,1,2,1
            """
        let context = try CarrierFixtures.context(files: ["towns.csv": csv])
        let catalogue = try TownCatalogue.read(context.datasetFolder, context: context, module: "m", keyPath: "towns")
        let free = TownEconomy(catalogue: catalogue, industries: ["intelligent_tech", "new_energy"], distinctLeads: false, leadBonus: 0, secondBonus: 0)
        #expect(free.leads.map(\.industry) == [0, 0, 0])  // every LQ is 1 (same mix): a tie, broken to the first column
        let spread = TownEconomy(catalogue: catalogue, industries: ["intelligent_tech", "new_energy"], distinctLeads: true, leadBonus: 0, secondBonus: 0)
        #expect(spread.leads.map(\.industry).filter { $0 == 0 }.count <= 2 && spread.leads.map(\.industry).filter { $0 == 1 }.count <= 2)
    }

    /// Every town's share, in every draw, adds up to the carrier.
    @Test func townsAddUpToTheCarrierInEveryDraw() throws {
        let context = try CarrierFixtures.context()
        let o = EngineOutputs.synthetic(
            years: [2021, 2022], draws: [[100, 90, 120], [110, 95, 130]],
            byIndustry: ["intelligent_tech": [[50, 20, 60], [40, 45, 70]], "new_energy": [[30, 60, 10], [50, 20, 30]], "other": [[20, 10, 50], [20, 30, 30]]],
            byCarrier: ["streets_towns": [[4, 5, 6], [7, 8, 9]]])
        let catalogue = try TownCatalogue.read(context.datasetFolder, context: context, module: "m", keyPath: "towns")
        let e = TownEconomy(catalogue: catalogue, industries: context.industries.map(\.id), distinctLeads: true, leadBonus: 0.5, secondBonus: 0.2)
        let draws = e.townDraws(carrier: try #require(o.byCarrier["streets_towns"]), outputs: o)
        for k in 0..<6 { #expect(abs(draws[0].values[k] + draws[1].values[k] - o.byCarrier["streets_towns"]!.values[k]) < 1e-12) }
        // A draw richer in new energy gives town A (the new-energy lead) a larger share.
        #expect(draws[0].values[1] / 5 > draws[0].values[0] / 4)
    }

    @Test func townFileErrorsAreLocated() throws {
        let bad = "town,capacity,intelligent_tech,steel\nA,1,1,1\n"
        let e1 = try ModuleHarness.moduleError(CarrierMechanismsModule.self, parameters: [:], context: try CarrierFixtures.context(files: ["towns.csv": bad]))
        #expect(e1?.keyPath == "towns" && e1!.message.contains("towns.csv line 1, column steel") && e1!.message.contains("industry"), "\(String(describing: e1))")
        let zero = "town,capacity,intelligent_tech\nA,0,1\n"
        let e2 = try ModuleHarness.moduleError(CarrierMechanismsModule.self, parameters: [:], context: try CarrierFixtures.context(files: ["towns.csv": zero]))
        #expect(e2!.message.contains("line 2, column capacity"), "\(String(describing: e2))")
        let negative = "town,capacity,intelligent_tech\nA,1,-1\n"
        let e3 = try ModuleHarness.moduleError(CarrierMechanismsModule.self, parameters: [:], context: try CarrierFixtures.context(files: ["towns.csv": negative]))
        #expect(e3!.message.contains("line 2, column intelligent_tech") && e3!.message.contains("≥ 0"), "\(String(describing: e3))")
        let twice = "town,capacity,intelligent_tech\nA,1,1\nA,2,1\n"
        let e4 = try ModuleHarness.moduleError(CarrierMechanismsModule.self, parameters: [:], context: try CarrierFixtures.context(files: ["towns.csv": twice]))
        #expect(e4!.message.contains("line 3, column town") && e4!.message.contains("twice"), "\(String(describing: e4))")
        let carrier = try ModuleHarness.moduleError(CarrierMechanismsModule.self, parameters: ["town_carrier": "villages"], context: try CarrierFixtures.context())
        #expect(carrier?.keyPath == "town_carrier", "\(String(describing: carrier))")
    }
}
