import ForecastEngine
import Reports

extension ForecastBriefing {
    /// The three splits of the Monte Carlo mean: by source, by industry (1+3+4) and by carrier.
    public func splitTables() -> [Table] {
        [
            splitTable(result.bySource, title: label("招商引资到位额按来源", "Investment in place by source")),
            splitTable(result.byIndustry, title: label("招商引资到位额按产业", "Investment in place by industry")),
            splitTable(result.byCarrier, title: label("招商引资到位额按载体", "Investment in place by carrier")),
        ].compactMap { $0 }
    }

    /// One split: a row per segment with its mean (亿元) in the target year — or in every year when
    /// `splitsForAllYears` — and its share of the target-year sum, then a total row.
    /// Nil when the series is empty.
    func splitTable(_ series: [SegmentSeries], title: String) -> Table? {
        guard !series.isEmpty, !result.years.isEmpty else { return nil }
        let last = result.years.count - 1
        let shown = splitsForAllYears ? Array(result.years.indices) : [last]
        let unit = label("(亿元)", " (亿元)")
        var columns: [Table.Column] = [.init(label("名称", "name"))]
        for y in shown {
            let header = splitsForAllYears ? "\(result.years[y])" : label("\(targetYear)年均值", "\(targetYear) mean")
            columns.append(.init(header + unit, alignment: .right))
        }
        columns.append(.init(label("\(targetYear)年占比", "\(targetYear) share"), alignment: .right))
        var table = Table(
            title: title
                + (splitsForAllYears ? "" : label("（\(targetYear)年）", " (\(targetYear))")),
            columns: columns)
        let totals = shown.map { y in series.reduce(0) { $0 + value($1, y) } }
        let targetTotal = series.reduce(0) { $0 + value($1, last) }
        for s in series {
            let share = targetTotal > 0 ? value(s, last) / targetTotal : .nan
            table.append([name(s.name)] + shown.map { ForecastFormat.amount(value(s, $0)) } + [ForecastFormat.percent(share)])
        }
        table.append([label("合计", "total")] + totals.map(ForecastFormat.amount) + [ForecastFormat.percent(targetTotal > 0 ? 1 : .nan)])
        table.notes = [label(
            "蒙特卡洛均值，含重大攻坚项目（按其概率）；产业与载体划分按线索份额分摊。",
            "Monte Carlo means including major projects (at their probability); industry and carrier splits allocate by lead shares.")]
        return table
    }

    /// The value of `series` in year index `y` (0 when missing).
    func value(_ series: SegmentSeries, _ y: Int) -> Double {
        y < series.values.count ? series.values[y] : 0
    }
}
