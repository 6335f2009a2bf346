import ScenarioKit
import Foundation

/// `target-tracker` (目标跟踪): year by year, the forecast against interim milestones — by default
/// the constant-growth path to the plan's target, base × m^((t−B)/(T−B)) — with P(reaching the
/// milestone), the gap at the median, and the amount reached with a chosen probability; optionally
/// the target-year amount and share of chosen industries. Analyze phase only.
public struct TargetTrackerModule: ScenarioModule {
    public static let descriptor = ModuleDescriptor(
        id: "target-tracker", version: "1.0.0",
        title: LocalizedText(zh: "目标跟踪", en: "Target tracker"),
        summary: LocalizedText(
            zh: "逐年对照阶段目标（默认：按倍增目标的等速增长路径）报告到位额预测、达标概率、中位数缺口和给定把握下可保障的额度；可选报告重点产业目标年的额度与占比。",
            en: "Year by year, the forecast against milestones (default: the constant-growth path to the doubling target): probability of reaching each milestone, gap at the median, the amount reached with a chosen probability; optionally the target-year amount and share of chosen industries."),
        parameters: [
            ParameterSpec(
                name: "milestones", type: .numberMap, unit: "亿元", defaultValue: .numberMap([:]), minimum: 0,
                help: LocalizedText(
                    zh: "年份 → 阶段目标（亿元）；未列出的年份用等速增长路径",
                    en: "year → milestone (亿元); years not listed use the constant-growth path")),
            ParameterSpec(
                name: "probability", type: .number, unit: "share", defaultValue: .number(0.8), minimum: 0.01,
                maximum: 0.99,
                help: LocalizedText(
                    zh: "“可保障额”的把握：以此概率至少达到的到位额", en: "confidence q of the 'secured amount': reached with probability q")),
            ParameterSpec(
                name: "industries", type: .textList, defaultValue: .textList([]),
                help: LocalizedText(
                    zh: "另报目标年额度与占比的产业 id（如 new_energy）", en: "industry ids whose target-year amount and share to report (e.g. new_energy)")),
        ])

    let milestones: [Int: Double]
    let probability: Double
    let industries: [CatalogueEntry]

    public init(parameters: ModuleParameters, context: ModuleContext) throws {
        var milestones: [Int: Double] = [:]
        for (key, value) in parameters.numberMap("milestones") ?? [:] {
            guard let year = Int(key), year > context.baseYear, year <= context.targetYear else {
                throw ModuleError(
                    module: Self.descriptor.id, keyPath: "milestones.\(key)",
                    message: "expected a forecast year from \(context.baseYear + 1) to \(context.targetYear)")
            }
            milestones[year] = value
        }
        self.milestones = milestones
        probability = parameters.number("probability") ?? 0.8
        let lookup = context.industryLookup
        industries = try (parameters.textList("industries") ?? []).enumerated().map { i, text in
            guard let entry = lookup.entry(text, in: context.industries) else {
                throw ModuleError(module: Self.descriptor.id, keyPath: "industries[\(i)]", message: lookup.unknownMessage(text))
            }
            return entry
        }
    }

    /// The milestone for `year`: the given one, else the plan's required path
    /// X_B · m^((t−B)/(T−B)) (`PlanPath.requiredAmount(in:)`).
    func milestone(_ year: Int, _ o: EngineOutputs) -> Double {
        if let m = milestones[year] { return m }
        guard o.baseYearTotal > 0 else { return o.targetAmount }
        return o.plan.requiredAmount(in: year)
    }

    public func analyze(_ o: EngineOutputs, into results: inout ResultSet) throws {
        let q = Int((probability * 100).rounded())
        var table = ResultTable(
            id: "target-tracker.milestones", title: LocalizedText(zh: "阶段目标跟踪", en: "Milestone tracker"),
            rowHeader: LocalizedText(zh: "年份", en: "Year"),
            columns: [
                ResultColumn(LocalizedText(zh: "阶段目标", en: "Milestone"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "到位额预测", en: "Forecast"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "达标概率", en: "P(≥ milestone)"), unit: "%", decimals: 1),
                ResultColumn(LocalizedText(zh: "中位数缺口", en: "Gap at P50"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "\(q)%把握可保障额", en: "Reached with \(q)% probability"), unit: "亿元", decimals: 1),
            ],
            notes: [
                LocalizedText(
                    zh: "未给定的阶段目标取等速增长路径：基期 × 倍数^((t−基期)/(目标年−基期))。缺口为正表示中位数低于目标。",
                    en: "Milestones not given follow the constant-growth path base × m^((t−B)/(T−B)). A positive gap means the median falls short."),
                LocalizedText(zh: "\(o.draws) 次模拟。", en: "\(o.draws) Monte Carlo draws."),
            ])
        for (y, year) in o.years.enumerated() {
            let target = milestone(year, o)
            let summary = o.investmentInPlace.summary(year: y)
            table.rows.append(
                ResultRow(LocalizedText(String(year)), [
                    .number(target), .quantiles(summary),
                    .number(100 * o.investmentInPlace.fraction(year: y) { $0 >= target }),
                    .number(target - summary.p50),
                    .number(o.investmentInPlace.quantile(1 - probability, year: y)),
                ]))
        }
        results.add(table)
        if !industries.isEmpty, let last = o.years.indices.last { results.add(industryTable(o, last)) }
    }

    func industryTable(_ o: EngineOutputs, _ y: Int) -> ResultTable {
        var table = ResultTable(
            id: "target-tracker.industries",
            title: LocalizedText(zh: "重点产业（\(o.years[y])年）", en: "Selected industries (\(o.years[y]))"),
            rowHeader: LocalizedText(zh: "产业", en: "Industry"),
            columns: [
                ResultColumn(LocalizedText(zh: "到位额", en: "Investment in place"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "占总额", en: "Share of total"), unit: "%", decimals: 1),
            ],
            notes: [LocalizedText(
                zh: "各源的到位额按其产业结构分摊，重大项目计入其产业（每次模拟）。",
                en: "Each source's amount split by its industry shares, major projects to their industry (per draw).")])
        for entry in industries {
            guard let series = o.byIndustry[entry.id] else { continue }
            let share = series.divided(by: o.investmentInPlace)
            var pct = share.summary(year: y)
            pct = QuantileSummary(mean: 100 * pct.mean, p10: 100 * pct.p10, p50: 100 * pct.p50, p90: 100 * pct.p90)
            table.rows.append(ResultRow(entry.name, [.quantiles(series.summary(year: y)), .quantiles(pct)]))
        }
        return table
    }
}
