import Foundation
import ForecastEngine
import Reports
import Testing
import XMLTestSupport
@testable import Briefings

@Suite struct ForecastChartsTests {
    @Test func fanChartDrawsTheResultAtItsPixels() throws {
        let b = try ForecastFixture.briefing(.en)
        let r = b.result
        let chart = b.fanChart()
        let layout = chart.layout()
        let tree = XMLTree(chart.svg().render())
        #expect(tree.error == nil, "\(String(describing: tree.error))")
        let d = r.yearly.map(\.investmentInPlace)
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.006 }

        // P50: from the base-year point to the target year's median.
        let p50 = XMLTree.points(try #require(tree.all("polyline", key: "p50").first))
        #expect(p50.count == r.years.count + 1)
        #expect(close(p50[0].y, layout.y(r.baseYearTotal)) && close(p50[0].x, layout.x(2020)))
        #expect(close(p50.last!.y, layout.y(d.last!.p50)) && close(p50.last!.x, layout.x(2025)))
        // Band: upper edge = base then the P90s, lower edge back = the P10s then base.
        let band = XMLTree.points(try #require(tree.all("polygon", key: "p10-p90").first))
        let n = r.years.count + 1
        #expect(band.count == 2 * n)
        for (p, v) in zip(band.prefix(n), [r.baseYearTotal] + d.map(\.p90)) { #expect(close(p.y, layout.y(v))) }
        for (p, v) in zip(band.suffix(n), (d.map(\.p10).reversed() + [r.baseYearTotal])) { #expect(close(p.y, layout.y(v))) }
        // Mean dashed; required path ends at the target; target rule at the target amount.
        let mean = try #require(tree.all("polyline", key: "mean").first)
        #expect(mean.attributes["stroke-dasharray"] != nil)
        for (p, v) in zip(XMLTree.points(mean).dropFirst(), d.map(\.mean)) { #expect(close(p.y, layout.y(v))) }
        let required = XMLTree.points(try #require(tree.all("polyline", key: "required").first))
        for (p, year) in zip(required, [2020] + r.years) { #expect(close(p.y, layout.y(b.requiredPath(in: year)))) }
        #expect(close(required.last!.y, layout.y(r.targetAmount)))
        let rule = try #require(tree.all("line", key: "target").first)
        #expect(close(Double(rule.attributes["y1"]!)!, layout.y(r.targetAmount)))
        // The y axis starts at zero and covers the band.
        #expect(layout.yTicks.lower == 0 && layout.yTicks.upper >= d.map(\.p90).max()!)

        let texts = tree.all("text").map(\.text)
        #expect(texts.contains("Investment in place 2021–2025 (P10–P90 band)"))
        let p = ForecastFormat.percent(r.probabilityTargetMet)
        #expect(texts.contains { $0.contains("P(target met in 2025) = \(p)") })
        #expect(texts.contains { $0.hasPrefix("2,000 Monte Carlo draws") })
        #expect(texts.contains("亿元 (100 million CNY)"))
        #expect(texts.contains("P50 " + ForecastFormat.amount(d.last!.p50)))
        #expect(texts.contains("target " + ForecastFormat.amount(r.targetAmount)))
        #expect(texts.contains { $0.hasPrefix("Scenario: Doubling 2020–2025 (doubling-2020-2025)") })
    }

    @Test func chineseLabels() throws {
        let b = try ForecastFixture.briefing(.zh, variants: true)
        let texts = b.charts().flatMap { XMLTree($0.svg.render()).all("text").map(\.text) }
        #expect(texts.contains("招商引资到位额：2021–2025 预测（P10–P90）"))
        #expect(texts.contains("亿元"))
        #expect(texts.contains { $0.hasPrefix("2025年达标概率 ") })
        #expect(texts.contains { $0.hasPrefix("蒙特卡洛模拟 2,000 次") })
        #expect(texts.contains("招商引资到位额按来源：各年均值（堆积）"))
        #expect(texts.contains("方案比较：各年 P50（2021–2025）"))
        #expect(texts.contains { $0.hasPrefix("倍增路径（年均 14.87%）") })
    }

    @Test func sourceChartStacksTheMeansBySource() throws {
        let b = try ForecastFixture.briefing(.en)
        let chart = try #require(b.sourceChart())
        #expect(chart.series.map(\.key) == b.result.bySource.map(\.id))
        #expect(chart.mode == .stacked)
        let layout = chart.layout()
        let tree = XMLTree(chart.svg().render())
        #expect(tree.error == nil)
        let last = try #require(b.result.bySource.last)
        let group = try #require(tree.elements.firstIndex { $0.name == "g" && $0.attributes["data-key"] == last.id })
        let rects = tree.elements[(group + 1)...].prefix { $0.name == "rect" }
        #expect(rects.count == b.result.years.count)
        for (y, rect) in rects.enumerated() {
            let total = b.result.bySource.reduce(0) { $0 + $1.values[y] }
            #expect(abs(Double(rect.attributes["y"]!)! - layout.y(total)) < 0.01)
            #expect(tree.all("text").contains { $0.text == ForecastFormat.amount(total) })
        }
    }

    @Test func variantChartOnlyWithVariants() throws {
        #expect(try ForecastFixture.briefing(.en).variantChart() == nil)
        #expect(try ForecastFixture.briefing(.en).charts().map(\.file) == ["forecast.svg", "sources.svg", "stages.svg"])
        let b = try ForecastFixture.briefing(.en, variants: true)
        #expect(b.charts().map(\.file) == ["forecast.svg", "sources.svg", "variants.svg", "stages.svg"])
        let chart = try #require(b.variantChart())
        let layout = chart.layout()
        let tree = XMLTree(chart.svg().render())
        #expect(tree.error == nil)
        let v = b.variants[0]
        let alt = XMLTree.points(try #require(tree.all("polyline", key: "variant-more-effort").first))
        #expect(abs(alt.last!.y - layout.y(v.alternative.yearly.last!.investmentInPlace.p50)) < 0.006)
        let base = XMLTree.points(try #require(tree.all("polyline", key: "baseline").first))
        #expect(abs(base.last!.y - layout.y(b.result.yearly.last!.investmentInPlace.p50)) < 0.006)
        #expect(!tree.all("polyline", key: "required").isEmpty)
        #expect(tree.all("text").contains { $0.text.hasPrefix("more-effort ") })
    }

    @Test func stageChartAgainstTheTarget() throws {
        let b = try ForecastFixture.briefing(.en)
        let chart = try #require(b.stageChart())
        #expect(chart.mode == .grouped && chart.series.count == b.result.stages.count)
        let layout = chart.layout()
        let tree = XMLTree(chart.svg().render())
        let target = try #require(b.result.stages.first?.target)
        let rule = try #require(tree.all("line").first { $0.attributes["class"] == "rule" })
        #expect(abs(Double(rule.attributes["y1"]!)! - layout.y(target)) < 0.006)
    }

    @Test func longVariantNamesKeepTheirEnds() {
        let name = "engine.major_projects.示例新能源电池基地.probability=0.3"
        let short = ForecastBriefing.shortName(name)
        #expect(DisplayWidth.of(short) <= 24)
        #expect(short.hasPrefix("engine") && short.hasSuffix("probability=0.3") && short.contains("…"))
        #expect(ForecastBriefing.shortName("weak-fdi") == "weak-fdi")
    }

    @Test func htmlIsWellFormedAndHoldsEveryTableAndChart() throws {
        for language in Language.allCases {
            var b = try ForecastFixture.briefing(language, variants: true)
            b.modules = []
            let html = b.html()
            let tree = XMLTree(html)
            #expect(tree.error == nil, "\(language): \(String(describing: tree.error))")
            let headings = Set(tree.all("h3").map(\.text))
            let titles = b.tables().compactMap(\.title)
            #expect(titles.count >= 7)
            for title in titles { #expect(headings.contains(title), "missing table \(title)") }
            // Same tables as the Markdown briefing.
            let markdownTitles = b.text(MarkdownTableRenderer()).split(separator: "\n")
                .filter { $0.hasPrefix("### ") }.map { String($0.dropFirst(4)) }
            #expect(markdownTitles.count == titles.count)
            #expect(tree.all("table").count == titles.count)
            #expect(tree.all("svg").count == b.charts().count)
            #expect(tree.all("html").first?.attributes["lang"] == language.pick("zh-CN", "en"))
            // Notes and assumptions: the general notes, the data notes among them.
            let items = tree.all("li").map(\.text)
            for note in b.generalNotes() { #expect(items.contains(note)) }
            #expect(items.contains { $0.contains("extrapolated from Jan–Nov") })
            // Cells as in the text tables, e.g. the target-year P50.
            let p50 = ForecastFormat.amount(b.result.yearly.last!.investmentInPlace.p50)
            #expect(tree.all("td").contains { $0.text == p50 })
        }
    }
}
