import Foundation
import ForecastEngine
import Reports
import Testing
@testable import Briefings

@Suite struct ForecastBriefingTextTests {
    /// Header, rule and body lines of a rendered terminal table (the title is line 0).
    private func body(_ table: Table) -> [String] {
        let lines = TerminalTableRenderer().render(table).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropFirst().prefix(2 + table.rows.count).map(String.init)
    }

    @Test func terminalColumnsAlignWithChineseNames() throws {
        let b = try ForecastFixture.briefing(.zh, variants: true)
        var tables = [b.headlineTable(), b.yearlyTable()] + b.splitTables() + b.variants.map(b.variantTable)
        tables.append(try #require(b.stageTable()))
        for table in tables {
            // Every table's last column is right-aligned, so each line ends at the same display column.
            #expect(table.columns.last?.alignment == .right)
            let widths = Set(body(table).map(DisplayWidth.of))
            #expect(widths.count == 1, "\(table.title ?? "")")
        }
        // Column starts line up with the rule in the industry table (CJK names in column 0).
        let industry = b.splitTables()[1]
        let lines = body(industry)
        let rule = lines[1]
        let firstGap = DisplayWidth.of(String(rule.prefix { $0 == "─" }))
        for line in lines.dropFirst(2) {
            var w = 0
            var cut = ""
            for ch in line {
                if w >= firstGap { break }
                cut.append(ch)
                w += DisplayWidth.of(String(ch))
            }
            #expect(w == firstGap)
        }
    }

    @Test func chineseLabels() throws {
        let text = try ForecastFixture.briefing(.zh, variants: true).text(TerminalTableRenderer())
        for word in ["招商引资到位额", "均值", "需要的年均增速", "达标概率", "缺口", "智能科技", "开发区", "签约", "北京", "五个一百",
            "方案比较：more-effort", "2020—2025 倍增计划", "builtin:binhai-default", "数据说明：2020 base year"]
        {
            #expect(text.contains(word), "missing \(word)")
        }
        #expect(!text.contains("Required CAGR"))
        #expect(!text.contains("…"))
    }

    @Test func englishLabels() throws {
        let b = try ForecastFixture.briefing(.en, variants: true)
        let text = b.text(TerminalTableRenderer())
        for word in ["Doubling plan at a glance: Doubling 2020–2025", "Required CAGR", "P(target met in 2025)", "Gap at median",
            "Intelligent technology", "Development zones", "Signed", "mean (亿元)", "Variant more-effort against the baseline"]
        {
            #expect(text.contains(word), "missing \(word)")
        }
        for word in ["智能科技", "需要的年均增速", "签约", "开发区", "…"] { #expect(!text.contains(word), "unexpected \(word)") }
    }

    @Test func markdownHasEveryTable() throws {
        let b = try ForecastFixture.briefing(.en, variants: true)
        let md = b.text(MarkdownTableRenderer())
        // headline, yearly, 3 splits, stages, 1 variant
        #expect(md.components(separatedBy: "### ").count - 1 == 7)
        #expect(md.contains("| ---: |") || md.contains("---:"))
    }

    @Test func formatsAreConsistent() {
        #expect(ForecastFormat.amount(1257.46) == "1,257.5")
        #expect(ForecastFormat.signedAmount(12.34) == "+12.3")
        #expect(ForecastFormat.signedAmount(-0.01) == "0.0")
        #expect(ForecastFormat.signedAmount(-4) == "-4.0")
        #expect(ForecastFormat.percent(0.375) == "37.5%")
        #expect(ForecastFormat.cagr(0.148698355) == "14.87%")
        #expect(ForecastFormat.multiplier(2) == "2")
        #expect(ForecastFormat.multiplier(1.5) == "1.5")
        #expect(ForecastFormat.effortScale(1.2, step: 0.01) == "1.20×")
        #expect(ForecastFormat.effortScale(1.5, step: 0.25) == "1.50×")
        #expect(ForecastFormat.percentagePoints(0.034, .en) == "+3.4 pp")
    }
}
