import ForecastEngine
import Foundation
import Reports

extension ForecastBriefing {
    /// The summary paragraph of the Word briefing, written from the results: the target-year
    /// median and its growth on the base year against the required growth, P(target met), the gap
    /// at the median, the effort needed, what the actuals leave for the remaining years, and the
    /// variant with the largest effect on P(target met).
    public func summary() -> String {
        let r = result
        let T = targetYear, B = baseYear
        guard let last = r.forecast(for: T)?.investmentInPlace else { return "" }
        let growth = ForecastFormat.percent(last.p50 / r.baseYearTotal - 1)
        let p = ForecastFormat.percent(r.probabilityTargetMet)
        let gap = r.gapAtMedian
        let gapText = gap > 0
            ? label("按中位数计距目标尚差 \(ForecastFormat.amount(gap)) 亿元", "at the median \(ForecastFormat.amount(gap)) 亿元 short of the target")
            : label("按中位数计超出目标 \(ForecastFormat.amount(-gap)) 亿元", "at the median \(ForecastFormat.amount(-gap)) 亿元 above the target")
        var text = label(
            "按基准情景，\(T)年招商引资到位额中位数为 \(ForecastFormat.amount(last.p50)) 亿元（P10–P90：\(ForecastFormat.amount(last.p10))–\(ForecastFormat.amount(last.p90)) 亿元），较\(B)年的 \(ForecastFormat.amount(r.baseYearTotal)) 亿元增长 \(growth)，年均增长 \(ForecastFormat.cagr(r.medianCAGR))（倍增需要 \(ForecastFormat.cagr(r.requiredCAGR))）；完成总量倍增目标（\(ForecastFormat.amount(r.targetAmount)) 亿元）的概率为 \(p)，\(gapText)。",
            "In the baseline, the \(T) median of investment in place is \(ForecastFormat.amount(last.p50)) 亿元 (P10–P90: \(ForecastFormat.amount(last.p10))–\(ForecastFormat.amount(last.p90)) 亿元), \(growth) above the \(B) total of \(ForecastFormat.amount(r.baseYearTotal)) 亿元, or \(ForecastFormat.cagr(r.medianCAGR)) a year (the doubling needs \(ForecastFormat.cagr(r.requiredCAGR))); the probability of meeting the target (\(ForecastFormat.amount(r.targetAmount)) 亿元) is \(p), \(gapText).")
        if let t = r.lastActualYear, let g = r.growthStillNeeded {
            text += label(
                "已有公布数据至 \(t) 年，余下 \(T - t) 年每年还需增长 \(ForecastFormat.cagr(g))。",
                " Figures are published up to \(t); the remaining \(T - t) years need \(ForecastFormat.cagr(g)) a year.")
        }
        if let e = effort, let scale = e.effortScale {
            text += label(
                "要以 \(ForecastFormat.percent(e.probability)) 的概率完成目标，所需招商力度为本方案的 \(ForecastFormat.effortScale(scale, step: e.step))。",
                " Reaching the target with probability \(ForecastFormat.percent(e.probability)) needs \(ForecastFormat.effortScale(scale, step: e.step)) this scenario's lead generation.")
        }
        if let v = variants.max(by: { abs($0.probabilityTargetMetChange) < abs($1.probabilityTargetMetChange) }), v.probabilityTargetMetChange != 0 {
            text += label(
                "各变体中对达标概率影响最大的是“\(v.name)”：\(ForecastFormat.percentagePoints(v.probabilityTargetMetChange, language))。",
                " Of the variants, \"\(v.name)\" moves P(target met) most: \(ForecastFormat.percentagePoints(v.probabilityTargetMetChange, language)).")
        }
        return text
    }

    /// `briefing.docx`: title and scenario line, the summary paragraph, the key-figures table, the
    /// fan chart and the source chart as pictures (PNG from the same SVG), the yearly table, plan
    /// tracking, the variant comparisons and the module tables as native Word tables, then the
    /// notes, data notes and the model's assumptions; A4 with page numbers.
    public func wordDocument() throws -> Data {
        let all = tables()
        let scenarioTitle = scenario?.title.map(name)
        var doc = WordDocument(
            title: (scenarioTitle ?? label("招商引资预测", "Investment forecast")) + label(" · 预测简报", " · forecast briefing"),
            language: label("zh-CN", "en-US"))
        doc.heading(scenarioTitle ?? label("招商引资总量倍增（\(baseYear)→\(targetYear)）", "Investment doubling \(baseYear)→\(targetYear)"), level: 1)
        var meta: [String] = []
        if let s = scenario {
            meta.append(label("方案 ", "Scenario ") + s.id)
            if let d = s.dataset { meta.append(label("数据集 ", "dataset ") + d) }
        }
        meta.append(label("蒙特卡洛 \(NumberFormatting.grouped(Double(result.draws), decimals: 0)) 次，种子 \(result.seed)",
                          "\(NumberFormatting.grouped(Double(result.draws), decimals: 0)) Monte Carlo draws, seed \(result.seed)"))
        meta.append(label("单位：亿元", "amounts in 亿元 (100 million CNY)"))
        doc.paragraph(meta.joined(separator: " · "), small: true)
        doc.heading(label("一、要点", "1. Summary"))
        doc.paragraph(summary())
        if let headline = all.first { doc.table(headline, includeNotes: false) }
        doc.heading(label("二、图表", "2. Charts"))
        for chart in charts() where chart.file == "forecast.svg" || chart.file == "sources.svg" {
            let png = try SVGRasterizer.png(chart.svg.render(), scale: 2)
            doc.picture(png: png.data, pixelWidth: png.width, pixelHeight: png.height, description: chart.svg.title ?? chart.file)
        }
        doc.heading(label("三、明细表", "3. Tables"))
        for table in all.dropFirst() { doc.table(table) }
        doc.heading(label("四、说明与假设", "4. Notes and assumptions"))
        for note in generalNotes() { doc.paragraph(note, small: true) }
        doc.paragraph(label(
            "模型：各来源的新线索按泊松过程到达，随每次模拟的增长路径（由历史数据估计增速与波动，冲击持续）而变；项目逐年在五个阶段之间推进或退出，项目规模服从带帕累托尾部的对数正态分布，落地后资金分年到位；列名的重大攻坚项目按各自的概率和年份落地。",
            "Model: new leads arrive per source as a Poisson process scaled by each draw's growth path (growth and volatility estimated from the published figures, shocks persist); projects advance through the five stages or drop out year by year; sizes are lognormal with a Pareto tail; funds are disbursed over the years after landing; named major projects land with their own probability in their own year."),
            small: true)
        doc.paragraph(label(
            "政策未公布的内容（“五个一百”的含义、倍增指标的确切口径、各阶段概率、项目规模）均为有文档说明的假设，而非事实。",
            "What the policy does not publish (the meaning of 五个一百, the exact doubling indicator, stage probabilities, project sizes) is an assumption with a documented default, not a fact."),
            small: true)
        return try doc.data()
    }
}
