import ForecastEngine
import Reports

extension ForecastBriefing {
    /// One variant against the baseline year by year: P50 and mean of both with their difference
    /// (alternative − baseline, 亿元) and P(total ≥ target amount) of both.
    public func variantTable(_ v: VariantComparison) -> Table {
        let unit = label("(亿元)", " (亿元)")
        var table = Table(
            title: label("方案比较：\(v.name)（与基准相比）", "Variant \(v.name) against the baseline"),
            columns: [
                .init(label("年份", "year")),
                .init(label("基准 P50", "base P50") + unit, alignment: .right),
                .init(label("方案 P50", "alt. P50") + unit, alignment: .right),
                .init(label("P50 差值", "ΔP50") + unit, alignment: .right),
                .init(label("基准均值", "base mean") + unit, alignment: .right),
                .init(label("方案均值", "alt. mean") + unit, alignment: .right),
                .init(label("均值差值", "Δmean") + unit, alignment: .right),
                .init(label("基准 P(≥目标)", "base P(≥ target)"), alignment: .right),
                .init(label("方案 P(≥目标)", "alt. P(≥ target)"), alignment: .right),
            ])
        for y in v.years {
            table.append([
                "\(y.year)", ForecastFormat.amount(y.baselineP50), ForecastFormat.amount(y.alternativeP50),
                ForecastFormat.signedAmount(y.differenceP50), ForecastFormat.amount(y.baselineMean),
                ForecastFormat.amount(y.alternativeMean), ForecastFormat.signedAmount(y.differenceMean),
                ForecastFormat.percent(y.baselineProbabilityAtLeastTarget),
                ForecastFormat.percent(y.alternativeProbabilityAtLeastTarget),
            ])
        }
        let T = v.alternative.plan.targetYear
        table.notes = [
            label(
                "差值 = 方案 − 基准；两者使用相同随机种子（共同随机数），差值主要反映参数变化。P(≥目标) = 当年到位额不低于目标值的概率。",
                "base = baseline, alt. = this variant, Δ = alt. − base; both use the same seed (common random numbers), so differences reflect the parameter change. P(≥ target) = P(that year's total ≥ the target amount)."),
            label(
                "\(T)年达标概率：基准 \(ForecastFormat.percent(v.baseline.probabilityTargetMet))，方案 \(ForecastFormat.percent(v.alternative.probabilityTargetMet))（\(ForecastFormat.percentagePoints(v.probabilityTargetMetChange, language))）；方案中位数年均增速 \(ForecastFormat.cagr(v.alternative.medianCAGR))。",
                "P(target met in \(T)): baseline \(ForecastFormat.percent(v.baseline.probabilityTargetMet)), variant \(ForecastFormat.percent(v.alternative.probabilityTargetMet)) (\(ForecastFormat.percentagePoints(v.probabilityTargetMetChange, language))); variant median CAGR \(ForecastFormat.cagr(v.alternative.medianCAGR))."),
        ]
        return table
    }
}
