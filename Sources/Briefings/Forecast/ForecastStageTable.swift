import ForecastEngine
import Reports

extension ForecastBriefing {
    /// 五个一百: one row per stage with its yearly target, then one column per year holding
    /// "mean entries / P(entries ≥ target)"; a last row gives P(every stage met) per year.
    /// Nil when the result has no stages.
    public func stageTable() -> Table? {
        guard !result.stages.isEmpty else { return nil }
        var columns: [Table.Column] = [.init(label("阶段", "stage")), .init(label("年目标（个）", "target / yr"), alignment: .right)]
        for year in result.years { columns.append(.init("\(year)", alignment: .right)) }
        var table = Table(
            title: label(
                "五个一百：各阶段年度项目数（均值 / 达标概率）", "五个一百 projects per stage and year (mean / P(target met))"),
            columns: columns)
        for s in result.stages {
            var row = [name(s.name), NumberFormatting.fixed(s.target, decimals: 0)]
            for y in result.years.indices {
                let mean = y < s.meanEntries.count ? ForecastFormat.count(s.meanEntries[y]) : "—"
                let p = y < s.probabilityTargetMet.count ? ForecastFormat.percent(s.probabilityTargetMet[y]) : "—"
                row.append(mean + " / " + p)
            }
            table.append(row)
        }
        table.append(
            [label("全部阶段达标", "all stages met"), ""]
                + result.years.indices.map { y in
                    y < result.probabilityAllStageTargetsMet.count
                        ? ForecastFormat.percent(result.probabilityAllStageTargetsMet[y]) : "—"
                })
        table.notes = [label(
            "只统计金额不低于计数门槛的项目（重大攻坚项目不计入）；均值为每年进入该阶段的项目数。",
            "Counts only projects at or above the counting threshold (major projects excluded); mean = projects entering the stage per year.")]
        return table
    }
}
