import Foundation
import ScenarioKit

/// `beijing-transfer.progress`: cumulative investment against the target.
enum ProgressTable {
    /// Per forecast year from `progress_from`: the cumulative investment in place of `source`
    /// (per draw: achieved_before_yi + Σ of the source's DrawTable over the years so far; mean
    /// and P10/P50/P90 over the draws), the module's expected cumulative planned investment, and,
    /// when a target is given, the target, P(cumulative ≥ target) and the gap: on the planned
    /// investment (`target_measure: planned`, default) P = 1 − Φ((target − planned)/SD) with the
    /// exact SD of the relocation counts (normal approximation), gap = target − planned; on the
    /// investment in place (`in_place`) P over the draws and gap = target − P50.
    /// - Throws: `ModuleError` at `source` when the outputs have no series for the source, or at
    ///   `progress_from` when the outputs do not cover that year.
    static func table(
        _ outputs: EngineOutputs, tiers: [TierForecast], years: [Int], settings: BeijingTransferSettings
    ) throws(ModuleError) -> ResultTable {
        let module = BeijingTransferSchema.id
        guard let series = outputs.bySource[settings.source] else {
            throw ModuleError(
                module: module, keyPath: "source",
                message: "the forecast has no investment series for source \(settings.source); it has: \(outputs.bySource.keys.sorted().joined(separator: ", "))")
        }
        guard let start = outputs.years.firstIndex(of: settings.progressFrom) else {
            throw ModuleError(module: module, keyPath: "progress_from", message: "the forecast does not cover \(settings.progressFrom)")
        }
        let target = settings.targetCumulativeYi
        var columns = [
            ResultColumn(LocalizedText(zh: "累计到位额（引擎，\(settings.source)）", en: "Cumulative investment in place (engine, \(settings.source))"), unit: "亿元", decimals: 1),
            ResultColumn(LocalizedText(zh: "本模块累计期望计划投资", en: "Planned investment, cumulative (this module)"), unit: "亿元", decimals: 1),
            ResultColumn(LocalizedText(zh: "其标准差", en: "Its SD"), unit: "亿元", decimals: 1),
        ]
        if target != nil {
            let measure = settings.targetOnPlanned
                ? LocalizedText(zh: "按计划投资", en: "on planned investment") : LocalizedText(zh: "按到位额", en: "on investment in place")
            columns += [
                ResultColumn(LocalizedText(zh: "累计目标", en: "Cumulative target"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "达标概率（\(measure.zh)）", en: "P(≥ target) \(measure.en)"), unit: "%", decimals: 1),
                ResultColumn(
                    LocalizedText(
                        zh: settings.targetOnPlanned ? "缺口（目标 − 计划投资）" : "缺口（目标 − 到位额 P50）",
                        en: settings.targetOnPlanned ? "Gap (target − planned)" : "Gap (target − P50 in place)"),
                    unit: "亿元", decimals: 1),
            ]
        }
        var table = ResultTable(
            id: "beijing-transfer.progress",
            title: LocalizedText(zh: "北京项目累计投资进度", en: "Progress of cumulative Beijing investment"),
            rowHeader: LocalizedText(zh: "年份", en: "Year"), columns: columns)

        var cumulative = [Double](repeating: settings.achievedBeforeYi, count: outputs.draws)
        var planned = settings.achievedBeforeYi
        var headline: LocalizedText?
        for y in start..<outputs.years.count {
            let year = outputs.years[y]
            for (d, v) in series.draws(year: y).enumerated() { cumulative[d] += v }
            var plannedVariance = 0.0
            if let k = years.firstIndex(of: year), let k0 = years.firstIndex(of: settings.progressFrom) {
                planned += tiers.reduce(0) { $0 + $1.investmentStarting[k] }
                plannedVariance = tiers.reduce(0) { $0 + $1.investmentVariance(years: k0, through: k) }
            }
            let summary = QuantileSummary(of: cumulative)
            var cells: [ResultCell] = [.quantiles(summary), .number(planned), .number(plannedVariance.squareRoot())]
            if let target {
                let plannedSD = plannedVariance.squareRoot()
                let share: Double
                let gap: Double
                if settings.targetOnPlanned {
                    // Normal approximation of the planned sum (independent units and tiers).
                    share = plannedSD > 0
                        ? 0.5 * erfc((target - planned) / (plannedSD * 2.0.squareRoot())) : (planned >= target ? 1 : 0)
                    gap = target - planned
                } else {
                    share = outputs.draws > 0 ? Double(cumulative.count { $0 >= target }) / Double(outputs.draws) : .nan
                    gap = target - summary.p50
                }
                cells += [.number(target), TableText.number(100 * share), .number(gap)]
                if year == settings.targetYear {
                    headline = settings.targetOnPlanned
                        ? LocalizedText(
                            zh: "\(year) 年累计计划投资达到 \(fmt(target)) 亿元的概率：\(String(format1: 100 * share))%（期望 \(String(format1: planned)) 亿元，标准差 \(String(format1: plannedSD)) 亿元，正态近似）。",
                            en: "Probability that the cumulative planned investment reaches \(fmt(target)) 亿元 by \(year): \(String(format1: 100 * share)) % (expected \(String(format1: planned)) 亿元, SD \(String(format1: plannedSD)) 亿元, normal approximation).")
                        : LocalizedText(
                            zh: "\(year) 年累计到位额达到 \(fmt(target)) 亿元的概率：\(String(format1: 100 * share))%（\(outputs.draws) 次模拟）。",
                            en: "Probability that the cumulative investment in place reaches \(fmt(target)) 亿元 by \(year): \(String(format1: 100 * share)) % (\(outputs.draws) draws).")
                }
            }
            table.rows.append(ResultRow(LocalizedText(String(year)), cells))
        }
        table.notes = [
            LocalizedText(
                zh: "累计自 \(settings.progressFrom) 年起，另加此前已完成的 \(fmt(settings.achievedBeforeYi)) 亿元。引擎列为来源 \(settings.source) 的全部到位额（校准基线的北京项目\(settings.feedEngine ? "加上本模块输入的迁入项目" : "；本模块未输入引擎（feed_engine: false）")），逐次模拟累加后取均值与 P10/P50/P90。",
                en: "Cumulated from \(settings.progressFrom), plus \(fmt(settings.achievedBeforeYi)) 亿元 achieved before. The engine column is all investment in place of source \(settings.source) (the calibrated baseline's Beijing projects\(settings.feedEngine ? " plus this module's relocations" : "; this module did not feed the engine (feed_engine: false)")), summed per draw, then mean and P10/P50/P90."),
            LocalizedText(
                zh: "本模块计划投资 = 已完成额 + Σ 期望落地数 × 单项投资；标准差来自落地数的精确方差（各单位相互独立，层级间独立），不含单项投资额本身的不确定性。",
                en: "This module's planned investment = achieved before + Σ expected relocations × investment per relocation; its SD comes from the exact variance of the relocation counts (independent units and tiers), not from uncertainty in the amount per relocation."),
            LocalizedText(
                zh: "公开目标（如 2027 年北京重大项目累计投资 3500 亿元以上）按项目计划投资统计，引擎列为到位额（含基线中的全部北京项目），口径更宽；target_measure: planned（默认）按计划投资比较，in_place 按到位额比较。",
                en: "Published targets (e.g. more than 3500 亿元 of cumulative Beijing major-project investment by 2027) count planned project investment; the engine column counts investment in place (all Beijing projects of the baseline too), a wider measure. target_measure: planned (default) compares the target with the planned investment, in_place with the investment in place."),
        ]
        if let headline { table.notes.insert(headline, at: 0) }
        return table
    }
}

extension String {
    /// One decimal, e.g. 81.4.
    init(format1 v: Double) {
        guard v.isFinite else { self = "—"; return }
        let r = (v * 10).rounded() / 10
        self = r == r.rounded() ? "\(Int(r)).0" : "\(r)"
    }
}
