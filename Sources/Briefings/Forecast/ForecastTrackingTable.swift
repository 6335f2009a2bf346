import ForecastEngine
import Reports

extension ForecastBriefing {
    /// Plan tracking (考核), when figures after the base year were published: per year whether it
    /// is an actual (with the figures used) or a forecast, the P50 and P10–P90 (for an actual, what
    /// its figures leave uncertain: a partial year, a growth rate without a level), the required
    /// path and P(on the path); the notes give P(target met | data so far), the growth still
    /// needed and from when a scenario's levers act. nil without actuals.
    public func trackingTable() -> Table? {
        let r = result
        guard let last = r.lastActualYear else { return nil }
        let unit = label("(亿元)", " (亿元)")
        var table = Table(
            title: label("计划执行跟踪（考核）：实际数与预测", "Plan tracking (考核): actuals and forecast"),
            columns: [
                .init(label("年份", "year")),
                .init(label("类型", "kind")),
                .init("P50" + unit, alignment: .right),
                .init("P10–P90" + unit, alignment: .right),
                .init(label("倍增路径", "required path") + unit, alignment: .right),
                .init(label("P(≥路径)", "P(on path)"), alignment: .right),
                .init(label("所用数据", "figures used")),
            ])
        for y in r.yearly {
            let d = y.investmentInPlace
            table.append([
                "\(y.year)", y.isActual ? label("实际（估计）", "actual (estimated)") : label("预测", "forecast"),
                ForecastFormat.amount(d.p50), ForecastFormat.amount(d.p10) + " – " + ForecastFormat.amount(d.p90),
                ForecastFormat.amount(requiredPath(in: y.year)), ForecastFormat.percent(y.probabilityOnRequiredPath),
                y.observations.map { Self.figureText($0, year: y.year) }.joined(separator: "; "),
            ])
        }
        let p = ForecastFormat.percent(r.probabilityTargetMet)
        var notes = [
            label(
                "\(targetYear)年达标概率 \(p) 以截至 \(last) 年的全部已公布数据为条件（实际数年份的区间是这些数据本身留下的不确定性，如只有一季度数或只有增速）。",
                "P(target met in \(targetYear)) = \(p), given every figure published up to \(last) (the range of an actual year is what its figures leave uncertain, e.g. only a Q1 figure or only a growth rate)."),
        ]
        if let g = r.growthStillNeeded, let f = r.forecast(for: last) {
            let years = targetYear - last
            notes.append(label(
                "按 \(last) 年估计中位数 \(ForecastFormat.amount(f.investmentInPlace.p50)) 亿元，余下 \(years) 年每年还需增长 \(ForecastFormat.cagr(g))（原计划 \(ForecastFormat.cagr(r.requiredCAGR))）。",
                "From the \(last) median estimate of \(ForecastFormat.amount(f.investmentInPlace.p50)) 亿元, the remaining \(years) years need \(ForecastFormat.cagr(g)) a year (the plan's \(ForecastFormat.cagr(r.requiredCAGR)))."))
        }
        notes.append(label(
            "实际数年份已成过去：方案的招商力度、线索倍数等只作用于 \(last + 1) 年起；“所需招商力度”即从 \(last + 1) 年起的力度。P(≥路径) = 当年到位额不低于倍增路径的概率。",
            "Years with actuals are past: a scenario's effort and lead multipliers act from \(last + 1) on, and \"effort needed\" is the effort from \(last + 1) on. P(on path) = P(that year's total ≥ the required path)."))
        table.notes = notes
        return table
    }

    /// "2021 domestic_in_place_q1 (published) + …" → the part after the year.
    static func figureText(_ label: String, year: Int) -> String {
        let prefix = "\(year) "
        return label.hasPrefix(prefix) ? String(label.dropFirst(prefix.count)) : label
    }

    /// The growth estimate in one note (nil for the comparison option `trend: total`).
    func growthEstimateNote() -> String? {
        guard let g = result.growthEstimate else { return nil }
        let n = g.observations.count
        return label(
            "增长估计：由 \(g.firstYear)–\(g.lastYear) 年的 \(n) 项已公布数据（水平、部分月份数、增速，见 docs/FORECAST-MODEL.md）估计，年均增速 \(ForecastFormat.cagr(g.meanGrowth))（P10–P90 \(ForecastFormat.cagr(g.growthP10))–\(ForecastFormat.cagr(g.growthP90))），年度冲击 σ = \(NumberFormatting.fixed(g.volatility, decimals: 3))（先验中位数 \(NumberFormatting.fixed(g.priorVolatility, decimals: 3))）；冲击持续（坏年份拉低以后各年），每次模拟抽取自己的增速与波动。",
            "Growth estimate: from \(n) published figures of \(g.firstYear)–\(g.lastYear) (levels, partial years, growth rates; docs/FORECAST-MODEL.md): mean growth \(ForecastFormat.cagr(g.meanGrowth)) a year (P10–P90 \(ForecastFormat.cagr(g.growthP10))–\(ForecastFormat.cagr(g.growthP90))), yearly shock σ = \(NumberFormatting.fixed(g.volatility, decimals: 3)) (prior median \(NumberFormatting.fixed(g.priorVolatility, decimals: 3))); shocks persist (a bad year lowers the later ones) and each draw takes its own growth and volatility.")
    }
}
