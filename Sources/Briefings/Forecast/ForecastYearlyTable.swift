import ForecastEngine
import Reports

extension ForecastBriefing {
    /// Per forecast year: mean, P10, P50, P90, closed-form expectation, domestic and foreign means,
    /// the required path base × (1 + g*)^(t−B) and P(total ≥ target amount) — all in 亿元 except the
    /// probability.
    public func yearlyTable() -> Table {
        let unit = label("(亿元)", " (亿元)")
        var table = Table(
            title: label("招商引资到位额逐年预测", "Investment in place by year"),
            columns: [
                .init(label("年份", "year")),
                .init(label("均值", "mean") + unit, alignment: .right),
                .init("P10" + unit, alignment: .right),
                .init("P50" + unit, alignment: .right),
                .init("P90" + unit, alignment: .right),
                .init(label("解析期望", "expected") + unit, alignment: .right),
                .init(label("内资均值", "domestic") + unit, alignment: .right),
                .init(label("外资均值", "foreign") + unit, alignment: .right),
                .init(label("倍增路径", "required path") + unit, alignment: .right),
                .init(label("P(≥目标)", "P(≥ target)"), alignment: .right),
            ])
        for y in result.yearly {
            let d = y.investmentInPlace
            table.append([
                "\(y.year)", ForecastFormat.amount(d.mean), ForecastFormat.amount(d.p10), ForecastFormat.amount(d.p50),
                ForecastFormat.amount(d.p90), ForecastFormat.amount(y.expectedInvestmentInPlace),
                ForecastFormat.amount(y.domestic.mean), ForecastFormat.amount(y.foreign.mean),
                ForecastFormat.amount(requiredPath(in: y.year)), ForecastFormat.percent(y.probabilityAtLeastTarget),
            ])
        }
        let target = ForecastFormat.amount(result.targetAmount)
        table.notes = [
            label(
                "倍增路径 = 基年到位额 × (1 + g*)^(年份 − \(baseYear))，即按需要的年均增速匀速增长时各年应达到的数额；内资、外资为均值；P(≥目标) = 当年到位额不低于 \(target) 亿元的概率。",
                "Required path = base-year total × (1 + g*)^(year − \(baseYear)), the amount each year on constant required growth; domestic and foreign are means; P(≥ target) = P(that year's total ≥ \(target) 亿元)."),
        ]
        return table
    }
}
