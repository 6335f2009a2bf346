import EngineTestSupport
import Foundation
import ForecastEngine
import Reports
import Testing
@testable import Briefings

/// A small calibrated run shared by the forecast briefing tests: the 2020 base year as in
/// BINHAI-FACTS.md (domestic 1184.4 亿元 extrapolated, foreign 39.0 亿美元), 2000 draws, fixed seed.
enum ForecastFixture {
    static let baseYear = BaseYearData.Observation(
        year: 2020, domestic: 1184.4, foreign: 39.0, exchangeRate: 6.8976, beijingShareOfDomestic: 0.35,
        status: .extrapolated)

    static func parameters() throws -> ForecastParameters {
        var p = ForecastParameters(draws: 2000, seed: 17)
        p.majorProjects = [
            MajorProject(
                name: "某新能源电池基地", industry: "new_energy", carrier: "development_zones", source: "other_domestic",
                amount: 120, probability: 0.7, expectedYear: 2023)
        ]
        return try Calibration.calibrate(p, to: BaseYearData(observations: [baseYear]), trend: .none).parameters
    }

    /// Baseline and one variant with 30 % more effort (same seed).
    static let run = Result { () throws -> (ForecastResult, VariantComparison) in
        let p = try parameters()
        var more = p
        more.effortScale = 1.3
        let out = try ForecastEngine.runVariants(baseline: p, variants: [Variant(name: "more-effort", parameters: more)])
        return (out.baseline, out.comparisons[0])
    }

    static let scenario = ForecastScenarioInfo(
        id: "doubling-2020-2025", title: LocalizedText(zh: "2020—2025 倍增计划", en: "Doubling 2020–2025"),
        dataset: "builtin:binhai-default",
        provenance: ["2020 base year: domestic 1184.4 亿元 extrapolated from Jan–Nov ×12/11"])

    static func briefing(_ language: Language = .zh, variants: Bool = false) throws -> ForecastBriefing {
        let (result, variant) = try run.get()
        return ForecastBriefing(
            result: result, scenario: scenario, variants: variants ? [variant] : [], language: language)
    }

    /// The JSON document of `briefing`, parsed.
    static func json(_ briefing: ForecastBriefing) throws -> [String: Any] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("forecast-briefing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("forecast.json")
        let sink = try OutputSink(file: url)
        try briefing.writeJSON(to: sink)
        try sink.commit()
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: url))
        return try #require(object as? [String: Any])
    }

    /// The value cell of the headline row whose item starts with `prefix`.
    static func headline(_ briefing: ForecastBriefing, _ prefix: String) throws -> String {
        try #require(briefing.headlineTable().rows.first { $0[0].hasPrefix(prefix) })[1]
    }

    /// JSON numbers parsed by Foundation may differ from the written shortest round-trip decimal in
    /// the last bit; compare within 1e-12 relative.
    static func close(_ json: Any?, _ x: Double) -> Bool {
        guard let v = json as? Double else { return false }
        return abs(v - x) <= 1e-12 * max(1, abs(x))
    }

    /// A formatted number ("1,234.5", "+12.3", "37.5%") as a Double.
    static func number(_ text: String) throws -> Double {
        let cleaned = text.filter { !",%+×".contains($0) }
        return try #require(Double(cleaned), "not a number: \(text)")
    }
}

@Suite struct ForecastBriefingTests {
    @Test func jsonHoldsTheResultsFields() throws {
        let b = try ForecastFixture.briefing()
        let r = b.result
        let json = try ForecastFixture.json(b)
        #expect(json["base_year"] as? Int == 2020)
        #expect(json["target_year"] as? Int == 2025)
        #expect(ForecastFixture.close(json["multiplier"], 2))
        let required = try #require(json["required_cagr"] as? Double)
        #expect(abs(required - 0.148698355) < 1e-9)
        #expect(ForecastFixture.close(json["probability_target_met"], r.probabilityTargetMet))
        #expect(ForecastFixture.close(json["median_cagr"], r.medianCAGR))
        #expect(ForecastFixture.close(json["gap_at_median"], r.gapAtMedian))
        #expect(ForecastFixture.close(json["target_amount"], r.targetAmount))
        #expect(ForecastFixture.close(json["base_year_total"], r.baseYearTotal))
        #expect(json["draws"] as? Int == 2000)
        #expect(json["seed"] as? Int == 17)
        let years = try #require(json["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2021, 2022, 2023, 2024, 2025])
        let last = try #require(years.last)
        let target = try #require(r.forecast(for: 2025))
        #expect(ForecastFixture.close(last["p50"], target.investmentInPlace.p50))
        #expect(ForecastFixture.close(last["p10"], target.investmentInPlace.p10))
        #expect(ForecastFixture.close(last["mean"], target.investmentInPlace.mean))
        #expect(ForecastFixture.close(last["expected"], target.expectedInvestmentInPlace))
        let requiredPath = try #require(last["required_path"] as? Double)
        #expect(abs(requiredPath - r.targetAmount) < 1e-9 * r.targetAmount)
        let domestic = try #require(last["domestic"] as? [String: Any])
        #expect(ForecastFixture.close(domestic["mean"], target.domestic.mean))
        // Splits: the source means add up to the total mean.
        let bySource = try #require(json["by_source"] as? [[String: Any]])
        let sum = bySource.compactMap { ($0["values"] as? [Double])?.last }.reduce(0, +)
        #expect(abs(sum - target.investmentInPlace.mean) < 1e-9 * sum)
        #expect((json["by_industry"] as? [[String: Any]])?.count == r.byIndustry.count)
        let stages = try #require(json["stages"] as? [[String: Any]])
        #expect(stages.count == 5)
        #expect((stages[1]["name"] as? [String: Any])?["zh"] as? String == "签约")
        let scenario = try #require(json["scenario"] as? [String: Any])
        #expect(scenario["id"] as? String == "doubling-2020-2025")
        #expect(json["units"] is [String: Any])
        #expect(json["effort"] == nil)
        #expect(json["variants"] == nil)
    }

    @Test func headlineGapIsTargetMinusMedian() throws {
        let b = try ForecastFixture.briefing(.en)
        let r = b.result
        let p50 = try #require(r.forecast(for: 2025)).investmentInPlace.p50
        let gap = try ForecastFixture.number(try ForecastFixture.headline(b, "Gap at median"))
        #expect(abs(gap - (r.targetAmount - p50)) <= 0.05 + 1e-9)
        #expect(try ForecastFixture.headline(b, "Required CAGR") == "14.87%")
        #expect(try ForecastFixture.headline(b, "Base year") == "2020")
        let probability = try ForecastFixture.number(try ForecastFixture.headline(b, "P(target met in 2025)"))
        #expect(abs(probability - 100 * r.probabilityTargetMet) <= 0.05 + 1e-9)
        let target = try ForecastFixture.number(try ForecastFixture.headline(b, "Target (亿元, base year × 2)"))
        #expect(abs(target - 2 * r.baseYearTotal) <= 0.05 + 1e-9)
    }

    @Test func yearlyTableMatchesTheResult() throws {
        let b = try ForecastFixture.briefing(.en)
        let table = b.yearlyTable()
        #expect(table.rows.count == 5)
        for (row, y) in zip(table.rows, b.result.yearly) {
            #expect(row[0] == "\(y.year)")
            #expect(row[3] == NumberFormatting.grouped(y.investmentInPlace.p50, decimals: 1))
            let cells = try row[1...4].map(ForecastFixture.number)  // mean, P10, P50, P90
            #expect(cells[1] <= cells[2] && cells[2] <= cells[3])
            #expect(abs(cells[0] - y.investmentInPlace.mean) <= 0.05 + 1e-9 * cells[0])
        }
        #expect(table.rows.last?[8] == NumberFormatting.grouped(b.result.targetAmount, decimals: 1))
        #expect(table.columns.map(\.header).contains("P50 (亿元)"))
    }

    @Test func splitSharesAddUpAndTotalMatches() throws {
        let b = try ForecastFixture.briefing(.en)
        let tables = b.splitTables()
        #expect(tables.count == 3)
        let mean = try #require(b.result.yearly.last).investmentInPlace.mean
        for t in tables {
            let body = t.rows.dropLast()
            let shares = try body.map { try ForecastFixture.number($0[2]) }.reduce(0, +)
            #expect(abs(shares - 100) < 0.05 * Double(body.count) + 1e-9)
            let total = try ForecastFixture.number(try #require(t.rows.last)[1])
            #expect(abs(total - mean) <= 0.05 + 1e-9 * mean)
        }
        let all = ForecastBriefing(result: b.result, language: .en, splitsForAllYears: true).splitTables()[0]
        #expect(all.columns.count == 1 + 5 + 1)
    }

    @Test func stageTableShowsMeanAgainstTarget() throws {
        let b = try ForecastFixture.briefing(.zh)
        let table = try #require(b.stageTable())
        #expect(table.rows.count == 5 + 1)
        #expect(table.rows[0][0] == "储备/在谈")
        let s = b.result.stages[2]
        #expect(table.rows[2][1] == "100")
        #expect(table.rows[2][2] == ForecastFormat.count(s.meanEntries[0]) + " / " + ForecastFormat.percent(s.probabilityTargetMet[0]))
    }

    @Test func csvIsOneLongTableAtFullPrecision() throws {
        let b = try ForecastFixture.briefing(.zh, variants: true)
        let lines = b.csv().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.count == 1 + 5 * 2)
        #expect(lines[0] == ForecastBriefing.csvColumns)
        #expect(lines.allSatisfy { $0.count == 12 })
        let p50 = try #require(lines[0].firstIndex(of: "p50"))
        let baseline = lines[5]
        #expect(baseline[0] == "baseline" && baseline[1] == "2025")
        #expect(Double(baseline[p50]) == b.result.yearly[4].investmentInPlace.p50)
        let variant = lines[10]
        #expect(variant[0] == "more-effort" && variant[1] == "2025")
        #expect(Double(variant[p50]) == b.variants[0].alternative.yearly[4].investmentInPlace.p50)
        // Without variants: only the baseline rows.
        #expect(try ForecastFixture.briefing(.en).csv().split(separator: "\n").count == 6)
    }
}
