import ForecastEngine
import Foundation
import Reports

/// A chart of a briefing with the file name `--out` writes it to.
public struct ForecastChart: Sendable {
    /// `forecast.svg`, `sources.svg`, `variants.svg` or `stages.svg`.
    public let file: String
    public let svg: SVGDocument
}

/// Colours: Okabe–Ito (distinguishable with colour-vision deficiencies), with dash patterns so
/// lines stay apart in grey-scale print.
enum ChartColors {
    static let forecast = "#0072B2"
    static let mean = "#333333"
    static let expected = "#7B3294"
    static let required = "#D55E00"
    static let base = "#111111"
    /// Sources and variants.
    static let categorical = ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#F0E442", "#999999", "#7B3294"]
    static let variantDashes: [[Double]?] = [LineDash.dashed, LineDash.longDash, LineDash.dotted, nil, LineDash.dashed]
    /// Stages, light (first stage) to dark (last): the pipeline narrows and deepens.
    static let stages = ["#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"]
}

extension ForecastBriefing {
    /// Every chart of the briefing, in the order of the HTML page: the fan chart, the split by
    /// source, the variants (when there are any) and 五个一百 (when the result has stages).
    public func charts() -> [ForecastChart] {
        var out = [ForecastChart(file: "forecast.svg", svg: fanChart().svg())]
        if let s = sourceChart() { out.append(ForecastChart(file: "sources.svg", svg: s.svg())) }
        if let v = variantChart() { out.append(ForecastChart(file: "variants.svg", svg: v.svg())) }
        if let s = stageChart() { out.append(ForecastChart(file: "stages.svg", svg: s.svg())) }
        return out
    }

    var yearSpan: String {
        guard let first = result.years.first, let last = result.years.last else { return "" }
        return first == last ? "\(first)" : "\(first)–\(last)"
    }

    var amountUnit: String { label("亿元", "亿元 (100 million CNY)") }

    /// "方案：title（id）" for captions, or nil without scenario information.
    var scenarioCaption: String? {
        guard let s = scenario else { return nil }
        let title = s.title.map(name)
        let text = title.map { $0 == s.id ? s.id : label("\($0)（\(s.id)）", "\($0) (\(s.id))") } ?? s.id
        return label("方案：", "Scenario: ") + text
    }

    /// The points (base year, each forecast year) of `values` (one per forecast year), starting at the base-year total.
    func path(_ values: [Double], base: Double) -> [ChartPoint] {
        [ChartPoint(x: Double(baseYear), y: base)] + zip(result.years, values).map { ChartPoint(x: Double($0), y: $1) }
    }

    /// The fan chart: from the base-year point, the P10–P90 band, the P50 line, the mean (dashed),
    /// the closed-form expectation when it differs visibly from the mean, the required path
    /// base × (1 + g*)^(t − B) and the target as a horizontal line; y from zero, so a doubling
    /// looks like one. P(target met) and the number of draws in the subtitle.
    public func fanChart() -> LineChart {
        let r = result
        let m = ForecastFormat.multiplier(r.plan.multiplier)
        let d = r.yearly.map(\.investmentInPlace)
        let base = r.baseYearTotal
        var chart = LineChart(title: label(
            "招商引资到位额：\(yearSpan) 预测（P10–P90）", "Investment in place \(yearSpan) (P10–P90 band)"))
        let p = ForecastFormat.percent(r.probabilityTargetMet)
        let target = ForecastFormat.amount(r.targetAmount)
        let draws = NumberFormatting.grouped(Double(r.draws), decimals: 0)
        chart.subtitle = [
            label(
                "\(targetYear)年达标概率 \(p)（目标：\(targetYear)年到位额 ≥ \(m) × \(baseYear)年 = \(target) 亿元）",
                "P(target met in \(targetYear)) = \(p) (target: the \(targetYear) total ≥ \(m) × \(baseYear) = \(target) 亿元)"),
            label(
                "蒙特卡洛模拟 \(draws) 次，种子 \(r.seed)；阴影为 P10–P90 区间，80% 的模拟结果落在其中",
                "\(draws) Monte Carlo draws, seed \(r.seed); shaded: P10–P90, where 80% of the draws fall"),
        ]
        chart.caption = [scenarioCaption, label(
            "倍增路径 = \(baseYear)年到位额 × (1 + \(ForecastFormat.cagr(r.requiredCAGR)))^(年份 − \(baseYear))，即按需要的年均增速匀速增长时各年应达到的数额。",
            "Required path = the \(baseYear) total × (1 + \(ForecastFormat.cagr(r.requiredCAGR)))^(year − \(baseYear)): each year's amount on constant required growth."),
        ].compactMap { $0 }
        chart.yUnit = amountUnit
        // Years with actuals are marked on the axis; their band is what the figures leave uncertain.
        let actual = Set(r.yearly.filter(\.isActual).map(\.year))
        chart.xTicks = ([baseYear] + r.years).map { (Double($0), actual.contains($0) ? label("\($0) 实际", "\($0) actual") : "\($0)") }
        if let t = r.lastActualYear {
            chart.caption.append(label(
                "标“实际”的年份已有公布数（至 \(t) 年）：其区间是这些数据本身留下的不确定性（如只有一季度数或只有增速），达标概率以这些数据为条件。",
                "Years marked \"actual\" have published figures (up to \(t)): their band is what those figures leave uncertain (e.g. only a Q1 figure or a growth rate), and P(target met) is conditioned on them."))
        }
        let xs = [Double(baseYear)] + r.years.map(Double.init)
        chart.bands = [ChartBand(
            key: "p10-p90", name: label("P10–P90 区间", "P10–P90 band"), x: xs, lower: [base] + d.map(\.p10),
            upper: [base] + d.map(\.p90), color: ChartColors.forecast, opacity: 0.2)]
        let last = d.last
        chart.lines = [
            ChartLine(
                key: "p90", name: "P90", points: path(d.map(\.p90), base: base), color: ChartColors.forecast, width: 0.8,
                endLabel: last.map { "P90 " + ForecastFormat.amount($0.p90) }, inLegend: false),
            ChartLine(
                key: "p10", name: "P10", points: path(d.map(\.p10), base: base), color: ChartColors.forecast, width: 0.8,
                endLabel: last.map { "P10 " + ForecastFormat.amount($0.p10) }, inLegend: false),
            ChartLine(
                key: "p50", name: label("P50 中位数", "P50 (median)"), points: path(d.map(\.p50), base: base),
                color: ChartColors.forecast, width: 2.6, markers: true,
                endLabel: last.map { "P50 " + ForecastFormat.amount($0.p50) }),
            ChartLine(
                key: "mean", name: label("均值", "mean"), points: path(d.map(\.mean), base: base), color: ChartColors.mean,
                width: 1.5, dash: LineDash.dashed),
        ]
        // The closed-form expectation only when it would not sit on the mean (> 1 % of the axis).
        let expected = r.yearly.map(\.expectedInvestmentInPlace)
        let span = max(d.map(\.p90).max() ?? base, r.targetAmount, base)
        if zip(expected, d).contains(where: { abs($0 - $1.mean) > 0.01 * span }) {
            chart.lines.append(ChartLine(
                key: "expected", name: label("解析期望", "closed-form expected"), points: path(expected, base: base),
                color: ChartColors.expected, width: 1.5, dash: LineDash.dotted))
        }
        chart.lines.append(ChartLine(
            key: "required", name: label(
                "倍增路径（年均 \(ForecastFormat.cagr(r.requiredCAGR))）", "required path (\(ForecastFormat.cagr(r.requiredCAGR))/yr)"),
            points: requiredPoints(), color: ChartColors.required, width: 2, dash: LineDash.dashDot))
        chart.rules = [targetRule()]
        chart.markers = [
            ChartMarker(
                key: "target-point", name: label("目标", "target"), point: ChartPoint(x: Double(targetYear), y: r.targetAmount),
                color: ChartColors.required, shape: .diamond, radius: 4.5),
            ChartMarker(
                key: "base", name: label("基年", "base year"), point: ChartPoint(x: Double(baseYear), y: base),
                color: ChartColors.base, radius: 4.5,
                label: label("\(baseYear)年 \(ForecastFormat.amount(base))", "\(baseYear): \(ForecastFormat.amount(base))"),
                labelPlacement: .belowRight),
        ]
        return chart
    }

    /// A variant's name beside the plot: a named variant whole (the chart wraps a long label onto
    /// more lines, never cuts it); a sweep point (`path=value, …`) shortened by `shortName`, since
    /// a sweep has many of them and their paths repeat.
    static func labelName(_ name: String) -> String { name.contains("=") ? shortName(name) : name }

    /// A variant name for a label beside the plot: at most `cells` terminal cells, cut in the middle
    /// so that both the start and the end (where sweep points differ: `…probability=0.3`) stay.
    static func shortName(_ name: String, cells: Int = 24) -> String {
        guard DisplayWidth.of(name) > cells else { return name }
        var head = "", tail = ""
        var headWidth = 0, tailWidth = 0
        for ch in name {
            let w = DisplayWidth.of(String(ch))
            if headWidth + w > cells / 4 { break }
            head.append(ch)
            headWidth += w
        }
        for ch in name.reversed() {
            let w = DisplayWidth.of(String(ch))
            if tailWidth + w > cells - 1 - headWidth { break }
            tail = String(ch) + tail
            tailWidth += w
        }
        return head + "…" + tail
    }

    func requiredPoints() -> [ChartPoint] {
        ([baseYear] + result.years).map { ChartPoint(x: Double($0), y: requiredPath(in: $0)) }
    }

    func targetRule() -> ChartRule {
        let m = ForecastFormat.multiplier(result.plan.multiplier)
        let amount = ForecastFormat.amount(result.targetAmount)
        return ChartRule(
            key: "target", name: label("目标（\(baseYear)年 × \(m) = \(amount)）", "target (\(baseYear) × \(m) = \(amount))"),
            y: result.targetAmount, color: ChartColors.required, width: 1, dash: [3, 3],
            label: label("目标 ", "target ") + amount)
    }

    /// Stacked bars of the Monte Carlo mean by source per forecast year (each stack's total above
    /// it) with the required path. Nil without a source split.
    public func sourceChart() -> BarChart? {
        let series = result.bySource
        guard !series.isEmpty, !result.years.isEmpty else { return nil }
        var chart = BarChart(
            title: label("招商引资到位额按来源：各年均值（堆积）", "Investment in place by source: mean per year (stacked)"),
            categories: result.years.map { "\($0)" })
        chart.yUnit = amountUnit
        chart.series = series.enumerated().map { k, s in
            BarChart.Series(
                key: s.id, name: name(s.name), values: result.years.indices.map { value(s, $0) },
                color: ChartColors.categorical[k % ChartColors.categorical.count])
        }
        let totals = result.years.indices.map { y in series.reduce(0) { $0 + value($1, y) } }
        chart.topLabels = totals.map(ForecastFormat.amount)
        chart.overlays = [ChartLine(
            key: "required", name: label("倍增路径", "required path"),
            points: result.years.enumerated().map { ChartPoint(x: Double($0), y: requiredPath(in: $1)) },
            color: ChartColors.required, width: 2, dash: LineDash.dashDot, markers: true)]
        let last = result.years.count - 1
        let total = totals[last]
        let shares = series.map { s in
            name(s.name) + " " + ForecastFormat.percent(total > 0 ? value(s, last) / total : .nan)
        }
        chart.subtitle = [
            label(
                "蒙特卡洛均值，含重大攻坚项目（按其概率）；柱顶数字为合计",
                "Monte Carlo means including major projects (at their probability); totals above the bars"),
            label("\(targetYear)年占比：", "\(targetYear) shares: ") + shares.joined(separator: label("，", ", ")),
        ]
        chart.caption = [scenarioCaption].compactMap { $0 }
        return chart
    }

    /// P50 per year of the baseline and of each variant (each from its base-year total), with the
    /// required path and the target; the y axis is fitted to the data (not from zero) so that the
    /// differences show. Nil without variants.
    public func variantChart() -> LineChart? {
        guard !variants.isEmpty else { return nil }
        var chart = LineChart(title: label("方案比较：各年 P50（\(yearSpan)）", "Variants: P50 per year \(yearSpan)"))
        chart.yIncludesZero = false
        chart.yUnit = amountUnit
        chart.xTicks = ([baseYear] + result.years).map { (Double($0), "\($0)") }
        let baseName = label("基准", "baseline")
        var probabilities = [baseName + " " + ForecastFormat.percent(result.probabilityTargetMet)]
        chart.lines = [ChartLine(
            key: "baseline", name: baseName + " P50",
            points: path(result.yearly.map(\.investmentInPlace.p50), base: result.baseYearTotal),
            color: ChartColors.forecast, width: 2.6, markers: true,
            endLabel: result.yearly.last.map { baseName + " " + ForecastFormat.amount($0.investmentInPlace.p50) })]
        for (k, v) in variants.enumerated() {
            let alt = v.alternative
            let colors = ChartColors.categorical.filter { $0 != ChartColors.forecast }
            chart.lines.append(ChartLine(
                key: "variant-\(v.name)", name: v.name + " P50",
                points: [ChartPoint(x: Double(baseYear), y: alt.baseYearTotal)]
                    + alt.yearly.map { ChartPoint(x: Double($0.year), y: $0.investmentInPlace.p50) },
                color: colors[k % colors.count], width: 2,
                dash: ChartColors.variantDashes[k % ChartColors.variantDashes.count], markers: true,
                endLabel: alt.yearly.last.map { Self.labelName(v.name) + " " + ForecastFormat.amount($0.investmentInPlace.p50) }))
            probabilities.append(v.name + " " + ForecastFormat.percent(alt.probabilityTargetMet))
        }
        chart.lines.append(ChartLine(
            key: "required", name: label("倍增路径", "required path"), points: requiredPoints(), color: ChartColors.required,
            width: 1.8, dash: LineDash.dashDot))
        chart.rules = [targetRule()]
        chart.subtitle = [
            label("\(targetYear)年达标概率：", "P(target met in \(targetYear)): ") + probabilities.joined(separator: label("；", "; ")),
            label(
                "各方案使用相同随机种子（共同随机数），差别主要来自参数变化；纵轴不从零开始",
                "Same seed for every run (common random numbers), so differences reflect the parameter changes; the y axis does not start at zero"),
        ]
        chart.caption = [scenarioCaption].compactMap { $0 }
        return chart
    }

    /// 五个一百: mean projects entering each stage per year (bars side by side, one group per year)
    /// against the per-stage target (a line per distinct target). Nil without stages.
    public func stageChart() -> BarChart? {
        guard !result.stages.isEmpty, !result.years.isEmpty else { return nil }
        var chart = BarChart(
            title: label("五个一百：各阶段每年进入项目数（均值）", "五个一百: projects entering each stage per year (mean)"),
            categories: result.years.map { "\($0)" })
        chart.mode = .grouped
        chart.yUnit = label("个/年", "projects / year")
        chart.series = result.stages.enumerated().map { k, s in
            BarChart.Series(
                key: s.id, name: name(s.name),
                values: result.years.indices.map { $0 < s.meanEntries.count ? s.meanEntries[$0] : 0 },
                color: ChartColors.stages[min(k, ChartColors.stages.count - 1)])
        }
        let targets = Array(Set(result.stages.map(\.target))).sorted()
        chart.rules = targets.map { t in
            let n = NumberFormatting.fixed(t, decimals: 0)
            return ChartRule(
                key: "target-\(n)", name: label("目标 \(n) 个/年", "target \(n) / year"), y: t, color: ChartColors.required,
                width: 1.5, dash: LineDash.dashed, label: label("目标 ", "target ") + n)
        }
        if let all = result.probabilityAllStageTargetsMet.last {
            chart.subtitle = [label(
                "\(targetYear)年全部阶段达标概率 \(ForecastFormat.percent(all))；只统计不低于计数门槛的项目（重大攻坚项目不计入）",
                "P(all stages met in \(targetYear)) = \(ForecastFormat.percent(all)); counts projects at or above the counting threshold (major projects excluded)")]
        }
        chart.caption = [scenarioCaption].compactMap { $0 }
        return chart
    }
}
