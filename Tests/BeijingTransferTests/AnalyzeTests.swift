import Foundation
import ScenarioKit
import ScenarioKitTesting
import Testing
@testable import BeijingTransfer

/// The analyze phase on synthetic engine outputs.
@Suite struct AnalyzeTests {
    /// Three forecast years 2021–2023 and six draws of the Beijing source (亿元); the same
    /// numbers as in Fixtures/make_fixture.py.
    static let draws: [[Double]] = [
        [500, 520, 480, 610, 450, 700],
        [530, 560, 470, 640, 400, 720],
        [560, 600, 455, 700, 380, 760],
    ]
    static let context = ModuleContext.testing(targetYear: 2023)
    static let outputs = EngineOutputs.synthetic(
        years: [2021, 2022, 2023], draws: nil, bySource: ["beijing": draws, "other_domestic": draws])

    /// Cumulated from 2022 with 100 亿元 achieved before, against 1300 亿元 in 2023: the
    /// quantiles and P(≥ target) equal numpy's (np.percentile, linear) on the same draws.
    @Test func progressQuantilesEqualNumpy() throws {
        let results = try ModuleHarness.run(
            BeijingTransferModule.self,
            parameters: [
                "target_cumulative_yi": 1300, "target_measure": "in_place", "target_year": 2023, "progress_from": 2022,
                "achieved_before_yi": 100,
            ],
            context: Self.context, outputs: Self.outputs)
        let table = try #require(results.table("beijing-transfer.progress"))
        #expect(table.rows.map(\.label.en) == ["2022", "2023"])
        #expect(table.columns.count == 6)
        for (k, row) in table.rows.enumerated() {
            let f = NumpyFixture.progress[k]
            guard case let .quantiles(q) = row.cells[0] else { Issue.record("expected quantiles"); continue }
            #expect(TestSupport.close([q.mean, q.p10, q.p50, q.p90], Array(f[0...3])))
            #expect(row.cells[3] == .number(1300))
            #expect(row.cells[4] == .number(100 * f[4]))
            #expect(row.cells[5] == .number(1300 - f[2]))
        }
        // The module's own planned cumulative investment: 100 + the numpy expected relocations × investment.
        let inv = ["central_soe": 6.1, "zgc_tech": 3.0, "market": 12.0]
        var planned = 100.0
        for (k, y) in [1, 2].enumerated() {
            planned += NumpyFixture.defaultTiers.reduce(0) { $0 + $1.value.relocations[y] * inv[$1.key]! }
            #expect(TestSupport.close(table.numbers(column: 1)[k], planned))
        }
        // SD of the planned cumulative investment: investment² × the variance of the count of
        // relocations in 2022…2023 (year indices 1…2), summed over the independent tiers.
        let m = try TestSupport.module(context: Self.context)
        let variance = m.tiers.reduce(0) { $0 + $1.settings.investmentYi * $1.settings.investmentYi * $1.projection.countVariance(years: 1, through: 2) }
        #expect(TestSupport.close(table.numbers(column: 2)[1], variance.squareRoot()))
        #expect(table.notes.first?.en.contains("1300") == true && table.notes.first?.en.contains("33.3 %") == true)
    }

    /// The default target measure is the module's planned investment (the measure of published
    /// major-project targets): P(≥ target) = 1 − Φ((target − planned)/SD) with the planned sum and
    /// its SD computed here from the numpy fixture, gap = target − planned.
    @Test func targetOnPlannedInvestmentByDefault() throws {
        let results = try ModuleHarness.run(
            BeijingTransferModule.self,
            parameters: ["target_cumulative_yi": 1300, "target_year": 2023, "progress_from": 2022, "achieved_before_yi": 100],
            context: Self.context, outputs: Self.outputs)
        let table = try #require(results.table("beijing-transfer.progress"))
        let inv = ["central_soe": 6.1, "zgc_tech": 3.0, "market": 12.0]
        let m = try TestSupport.module(context: Self.context)
        var planned = 100.0
        for (k, y) in [1, 2].enumerated() {
            planned += NumpyFixture.defaultTiers.reduce(0) { $0 + $1.value.relocations[y] * inv[$1.key]! }
            let variance = m.tiers.reduce(0) {
                $0 + $1.settings.investmentYi * $1.settings.investmentYi * $1.projection.countVariance(years: 1, through: y)
            }
            let z = (1300 - planned) / variance.squareRoot()
            let p = 0.5 * erfc(z / 2.0.squareRoot())
            #expect(TestSupport.close(table.numbers(column: 4)[k], 100 * p))
            #expect(TestSupport.close(table.numbers(column: 5)[k], 1300 - planned))
        }
        #expect(table.columns[4].header.en.contains("planned"))
        #expect(table.notes.first?.en.contains("normal approximation") == true)
    }

    @Test func progressWithoutTargetAndOtherSource() throws {
        let results = try ModuleHarness.run(
            BeijingTransferModule.self, parameters: ["source": "other_domestic", "feed_engine": false],
            context: Self.context, outputs: Self.outputs)
        let table = try #require(results.table("beijing-transfer.progress"))
        #expect(table.columns.count == 3)
        #expect(table.rows.count == 3)
        // Whole horizon from 2021: the last row's mean is the mean of the per-draw sums.
        let sums = (0..<6).map { d in Self.draws.reduce(0) { $0 + $1[d] } }
        #expect(TestSupport.close(table.numbers(column: 0)[2], sums.reduce(0, +) / 6))
    }

    @Test func missingSourceSeries() throws {
        let outputs = EngineOutputs.synthetic(years: [2021, 2022, 2023], total: [1, 2, 3])
        #expect {
            try ModuleHarness.run(BeijingTransferModule.self, context: Self.context, outputs: outputs)
        } throws: { e in
            (e as? ModuleError)?.keyPath == "source"
        }
    }

    /// Chain table: four rows per tier, the candidate rows' probabilities from numpy's B.
    @Test func chainTable() throws {
        let results = try ModuleHarness.run(BeijingTransferModule.self, context: Self.context, outputs: Self.outputs)
        #expect(results.tables.map(\.id) == ["beijing-transfer.chain", "beijing-transfer.relocations", "beijing-transfer.progress"])
        let chain = try #require(results.table("beijing-transfer.chain"))
        #expect(chain.rows.count == 12)
        let f = try #require(NumpyFixture.defaultTiers["market"])
        #expect(chain.rows[8].label == LocalizedText(zh: "其他市场化企业 · 候选", en: "Market-driven firms · candidate"))
        #expect(TestSupport.close(chain.numbers(column: 0)[8], 100 * f.b[0][0]))
        #expect(TestSupport.close(chain.numbers(column: 1)[8], 100 * f.b[0][1]))
        #expect(TestSupport.close(chain.numbers(column: 2)[8], f.t[0]))
        #expect(TestSupport.close(chain.numbers(column: 5)[8], 100 * f.contact))
        #expect(chain.rows[9].cells[5] == .empty)
        // Signed units of market relocate with 0.75/(0.75 + 0.05) = 0.9375 in 1/0.8 years.
        #expect(TestSupport.close(chain.numbers(column: 0)[11], 93.75))
        #expect(TestSupport.close(chain.numbers(column: 4)[11], 1.25))
    }

    /// Relocations table: per year three tier rows and a total; the total adds counts,
    /// variances and amounts.
    @Test func relocationTable() throws {
        let m = try TestSupport.module(context: Self.context)
        let results = try ModuleHarness.run(BeijingTransferModule.self, context: Self.context, outputs: Self.outputs)
        let table = try #require(results.table("beijing-transfer.relocations"))
        #expect(table.rows.count == 3 * 4)
        let total = try #require(table.row("2023 · total"))
        guard case let .number(count) = total.cells[0], case let .number(sd) = total.cells[1] else {
            Issue.record("numbers expected"); return
        }
        let expected = NumpyFixture.defaultTiers.values.reduce(0) { $0 + $1.relocations[2] }
        #expect(TestSupport.close(count, expected))
        let variance = m.tiers.reduce(0) { $0 + $1.projection.relocationVariance[2] }
        #expect(TestSupport.close(sd * sd, variance, 1e-10))
        #expect(table.rows[4].label.en == "2022 · Central-SOE tier-2/3 firms")
        let f = try #require(NumpyFixture.defaultTiers["central_soe"])
        #expect(TestSupport.close(table.numbers(column: 0)[4], f.relocations[1]))
        #expect(TestSupport.close(table.numbers(column: 2)[4], f.relocations[0] + f.relocations[1]))
        #expect(TestSupport.close(table.numbers(column: 5)[4], (f.relocations[0] + f.relocations[1]) * 6.1))
        #expect(TestSupport.close(table.numbers(column: 4)[4], f.relocations[1] * 6.1))
        #expect(TestSupport.close(table.numbers(column: 6)[4], f.relocations[1] * 5.8))
    }
}
