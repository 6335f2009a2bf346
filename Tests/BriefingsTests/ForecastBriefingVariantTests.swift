import Foundation
import ForecastEngine
import Reports
import Testing
@testable import Briefings

@Suite struct ForecastBriefingVariantTests {
    @Test func differenceIsAlternativeMinusBaseline() throws {
        let b = try ForecastFixture.briefing(.en, variants: true)
        let v = b.variants[0]
        let table = b.variantTable(v)
        #expect(table.rows.count == 5)
        for (row, y) in zip(table.rows, v.years) {
            let base = try ForecastFixture.number(row[1]), alt = try ForecastFixture.number(row[2])
            let diff = try ForecastFixture.number(row[3])
            #expect(abs(diff - (alt - base)) <= 0.1 + 1e-9)  // each cell rounded to 0.05
            #expect(abs(diff - (y.alternativeP50 - y.baselineP50)) <= 0.05 + 1e-9)
            let meanDiff = try ForecastFixture.number(row[6])
            #expect(abs(meanDiff - (y.alternativeMean - y.baselineMean)) <= 0.05 + 1e-9)
        }
        // More effort raises the target-year median.
        #expect(try #require(v.years.last).differenceP50 > 0)
        #expect(try #require(table.rows.last)[3].hasPrefix("+"))
    }

    @Test func jsonVariantsCarryTheComparison() throws {
        let b = try ForecastFixture.briefing(.en, variants: true)
        let json = try ForecastFixture.json(b)
        let variants = try #require(json["variants"] as? [[String: Any]])
        #expect(variants.count == 1)
        #expect(variants[0]["name"] as? String == "more-effort")
        let years = try #require(variants[0]["years"] as? [[String: Any]])
        for y in years {
            let base = try #require(y["baseline_p50"] as? Double), alt = try #require(y["alternative_p50"] as? Double)
            let diff = try #require(y["difference_p50"] as? Double)
            #expect(abs(diff - (alt - base)) < 1e-9 * max(1, abs(alt)))
        }
        #expect(ForecastFixture.close(variants[0]["probability_target_met_change"], b.variants[0].probabilityTargetMetChange))
    }

    @Test func effortRowAndJSON() throws {
        let (result, _) = try ForecastFixture.run.get()
        let p = try ForecastFixture.parameters()
        let effort = try ForecastEngine.requiredEffort(
            probability: 0.5, parameters: p, step: 0.05, maximumEffortScale: 4, draws: 400)
        let b = ForecastBriefing(result: result, effort: effort, language: .en)
        let row = try ForecastFixture.headline(b, "Effort needed for P ≥ 50.0%")
        let scale = try #require(effort.effortScale)
        #expect(row.hasPrefix(NumberFormatting.fixed(scale, decimals: 2) + "×"))
        let json = try ForecastFixture.json(b)
        let e = try #require(json["effort"] as? [String: Any])
        #expect(ForecastFixture.close(e["effort_scale"], scale))
        #expect(e["reachable"] as? Bool == true)
        #expect(ForecastFixture.close(e["probability"], 0.5))

        // q = 100 % with at most half the effort cannot be reached.
        let none = try ForecastEngine.requiredEffort(
            probability: 1, parameters: p, step: 0.25, maximumEffortScale: 0.5, draws: 200)
        let zh = ForecastBriefing(result: result, effort: none, language: .zh)
        #expect(try ForecastFixture.headline(zh, "达标概率 ≥ 100.0%").hasPrefix("搜索范围内无法达到"))
        #expect(zh.generalNotes().contains { $0.hasPrefix("所需招商力度：搜索的最大力度下达标概率也只有") })
        let en = ForecastBriefing(result: result, effort: none, language: .en)
        #expect(try ForecastFixture.headline(en, "Effort needed").hasPrefix("not reachable in the searched range"))
        // No cell is cut by the terminal renderer (40 cells).
        for briefing in [b, zh, en] { #expect(!briefing.text(TerminalTableRenderer()).contains("…")) }
        let eJSON = try #require(try ForecastFixture.json(en)["effort"] as? [String: Any])
        #expect(eJSON["effort_scale"] is NSNull)
        #expect(eJSON["reachable"] as? Bool == false)
    }
}
