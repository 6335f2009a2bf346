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
        let threshold = NumberFormatting.fixed(result.countingThreshold, decimals: 1)
        let e = result.expected
        let base = zip(result.stages, e.baseYearStageEntries).map { "\(name($0.name)) \(ForecastFormat.count($1))" }
            .joined(separator: label("，", ", "))
        table.notes = [
            label(
                "只统计到位额不低于 \(threshold) 亿元的项目（重大攻坚项目不计入）；均值为每年进入该阶段的项目数。",
                "Counts only projects of at least \(threshold) 亿元 in place (major projects excluded); mean = projects entering the stage per year."),
            label(
                "基年（\(baseYear)）模型：各种规模的落地项目 \(NumberFormatting.grouped(e.baseYearLandings, decimals: 0)) 个；计数项目进入各阶段：\(base)。",
                "Base year (\(baseYear)) in the model: \(NumberFormatting.grouped(e.baseYearLandings, decimals: 0)) landed projects of all sizes; counted projects entering each stage: \(base)."),
        ]
        return table
    }
}
