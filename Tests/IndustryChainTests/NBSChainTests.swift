import Datasets
import Foundation
import ScenarioKit
import Testing
@testable import IndustryChain

/// Chain values on the embedded NBS 2020 42-sector table with the binhai-default concordance,
/// against the independent numpy computation in `NBSChainFixture` (brute-force extraction).
@Suite struct NBSChainTests {
    /// The dataset's industries.csv as a catalogue (id, names, investment share).
    static func industries() throws -> [CatalogueEntry] {
        let text = try String(contentsOf: EmbeddedDatasets.binhaiDefault.appendingPathComponent("industries.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count > 4, let w = Double(f[4]) else { return nil }
            return CatalogueEntry(id: f[0], name: LocalizedText(zh: f[1], en: f[2]), weight: w)
        }
    }

    static func module(_ values: [String: ParameterValue] = [:]) throws -> IndustryChainModule {
        try IndustryChainModule(
            parameters: TestSupport.parameters(values),
            context: TestSupport.context(
                dataset: EmbeddedDatasets.binhaiDefault, io: EmbeddedDatasets.nbs2020_42, industries: industries()))
    }

    @Test func chainsMatchNumpy() throws {
        let m = try Self.module()
        #expect(m.chainAnalysis.profiles.map(\.chain.id) == NBSChainFixture.chains.map(\.id))
        let va = try #require(m.technology.indicators.firstIndex { $0.kind == .valueAdded })
        for (p, f) in zip(m.chainAnalysis.profiles, NBSChainFixture.chains) {
            #expect(TestSupport.close(p.chain.output / 10_000, f.output, relative: 1e-12), "\(f.id) output")
            #expect(TestSupport.close(p.multipliers[0], f.outputMultiplier, relative: 1e-10), "\(f.id) output multiplier")
            #expect(TestSupport.close(p.multipliers[va], f.valueAddedMultiplier, relative: 1e-10), "\(f.id) VA multiplier")
            #expect(TestSupport.close(p.backwardLinkage, f.backwardLinkage, relative: 1e-10), "\(f.id) BL")
            #expect(TestSupport.close(p.forwardLinkage, f.forwardLinkage, relative: 1e-10), "\(f.id) FL")
            #expect(TestSupport.close(p.extraction.backwardLoss / 10_000, f.backwardLoss, relative: 1e-8), "\(f.id) backward loss")
            #expect(TestSupport.close(p.extraction.forwardLoss / 10_000, f.forwardLoss, relative: 1e-8), "\(f.id) forward loss")
            let top = ChainTables.topOutside(p, p.requirements, count: 1).first.map { m.technology.sectors[$0].code }
            #expect(top == f.topSupplier, "\(f.id) top supplier")
        }
    }

    @Test func referenceMultipliersOfBinhaiFacts() throws {
        let m = try Self.module()
        for (code, expected) in NBSChainFixture.outputMultipliers {
            let j = try #require(m.technology.sectors.firstIndex { $0.code == code })
            #expect(TestSupport.close(m.technology.analysis.outputMultipliers[j], expected, relative: 1e-10))
        }
        // BINHAI-FACTS rounds these to 1.96, 2.84, 2.86, 2.35, 2.15.
        #expect(abs(NBSChainFixture.outputMultipliers["16"]! - 2.84) < 0.005)
    }

    /// One 亿元 of investment in place through the FU201 bridge.
    @Test func investmentImpactPerYi() throws {
        let m = try Self.module()
        let ids = try Self.industries().map(\.id)
        var amounts: [String: [[Double]]] = [:]
        for id in ids { amounts[id] = [[id == "new_energy" ? 1 : 0]] }
        var results = ResultSet()
        try m.analyze(TestSupport.outputs(years: [2021], amounts: amounts), into: &results)
        let table = try #require(TestSupport.table(results, "industry-chain.impact-by-year"))
        #expect(table.columns.count == 4)  // investment, output, VA, imports: NBS has no employment row
        for (k, expected) in NBSChainFixture.perYiThroughFU201.enumerated() {
            let q = try #require(TestSupport.quantiles(table.rows[0].cells[k + 1]))
            #expect(TestSupport.close(q.mean, expected, relative: 1e-10))
        }
        #expect(table.notes.contains { $0.en.contains("no employment row") })
    }

    /// The variant: one 100 亿元 project in 智能科技 against one in 新能源.
    @Test func projectComparison() throws {
        let m = try Self.module(["projects": .numberMap(["智能科技": 100, "new_energy": 100])])
        var results = ResultSet()
        try m.analyze(TestSupport.outputs(years: [], amounts: [:]), into: &results)
        let table = try #require(TestSupport.table(results, "industry-chain.projects"))
        #expect(table.rows.count == 4)
        for row in table.rows where row.label.en.contains("operation") {
            let id = row.label.zh.hasPrefix("智能科技") ? "intelligent_tech" : "new_energy"
            let expected = try #require(NBSChainFixture.operation[id])
            for k in 0..<3 {
                #expect(TestSupport.close(try #require(TestSupport.number(row.cells[k + 2])), expected[k], relative: 1e-10))
            }
        }
        // Construction phases are equal under the common FU201 bridge: 100 × per-亿元 values.
        let construction = table.rows.filter { $0.label.en.contains("construction") }
        for row in construction {
            #expect(TestSupport.close(try #require(TestSupport.number(row.cells[2])), 100 * NBSChainFixture.perYiThroughFU201[0], relative: 1e-10))
        }
    }

    @Test func everyTableIsProducedWithUnits() throws {
        let m = try Self.module(["households": .text("VA001:TC"), "top_n": .integer(12)])
        var amounts: [String: [[Double]]] = [:]
        for id in try Self.industries().map(\.id) { amounts[id] = [[1, 2, 3], [2, 3, 4]] }
        var results = ResultSet()
        try m.analyze(TestSupport.outputs(years: [2021, 2022], amounts: amounts), into: &results)
        #expect(results.tables.map(\.id) == [
            "industry-chain.impact-by-year", "industry-chain.impact-by-year-type-ii", "industry-chain.impact-by-sector",
            "industry-chain.chains", "industry-chain.chain-links", "industry-chain.targets",
        ])
        let targets = try #require(TestSupport.table(results, "industry-chain.targets"))
        #expect(targets.rows.count == 12)
        #expect(targets.columns.count == targets.rows[0].cells.count)
        let bySector = try #require(TestSupport.table(results, "industry-chain.impact-by-sector"))
        #expect(bySector.rows.count == 13)  // 12 sectors + the rest
        for t in results.tables { for r in t.rows { #expect(r.cells.count == t.columns.count, "\(t.id) \(r.label.en)") } }
        // Type II output exceeds Type I.
        let one = try #require(TestSupport.quantiles(TestSupport.table(results, "industry-chain.impact-by-year")?.rows[0].cells[1]))
        let two = try #require(TestSupport.quantiles(TestSupport.table(results, "industry-chain.impact-by-year-type-ii")?.rows[0].cells[1]))
        #expect(two.mean > one.mean)
    }
}

/// The "4-2-1" focus as one more component of the target ranking (`focus: 4-2-1`).
@Suite struct FocusRankingTests {
    /// With the focus, a sector's score is (k·score without + its focus percentile rank)/(k + 1),
    /// k the number of components without it (5 here: two linkages, extraction, relevance, local
    /// gap), and the focus weight of a sector Σ_k share_k · f_k with f = 1, 0.5, 0.25 for the
    /// dataset's groups "4", "2", "1" (recomputed here from the concordance).
    @Test func theFocusIsOneMoreComponent() throws {
        let plain = try NBSChainTests.module()
        let focused = try NBSChainTests.module(["focus": .text("4-2-1")])
        #expect(plain.focusGrouping == nil && focused.focusGrouping == "4-2-1")
        let n = plain.technology.sectors.count
        var weights = [Double](repeating: 0, count: n)
        let groups: [String: Double] = [
            "intelligent_tech": 1, "biomedicine": 0.5, "new_energy": 0.5, "new_materials": 0.5, "equipment": 0.25,
            "petrochemicals": 0.25, "automotive": 0.25, "aerospace": 0.25,
        ]
        for id in plain.concordance.industries {
            for m in plain.concordance.members[id] ?? [] { weights[m.sector] += m.share * (groups[id] ?? 0) }
        }
        let ranks = TargetRanking.percentileRanks(weights)
        let before = Dictionary(uniqueKeysWithValues: plain.targets.map { ($0.sector, $0.score) })
        let k = 5.0
        for t in focused.targets {
            let expected = (k * before[t.sector]! + ranks[t.sector]) / (k + 1)
            #expect(abs(t.score - expected) < 1e-12, "sector \(t.sector)")
        }
        #expect(focused.targets.map(\.sector) != plain.targets.map(\.sector))  // the ranking moves
        let unknown = #expect(throws: ModuleError.self) { try NBSChainTests.module(["focus": .text("9-9-9")]) }
        #expect(unknown?.keyPath == "focus" && unknown!.message.contains("4-2-1"))
    }
}
