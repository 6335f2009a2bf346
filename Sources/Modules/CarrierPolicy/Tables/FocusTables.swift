import ModuleInputs
import ScenarioKit

/// The tables of `investment-focus`.
enum FocusTables {
    static func focus(_ g: FocusGrouping, intensity: Double, outputs o: EngineOutputs, context: ModuleContext) -> ResultTable {
        var after = context.industries
        FocusShares.apply(g, intensity: intensity, to: &after)
        let before = FocusShares.shares(context.industries), shares = FocusShares.shares(after)
        let last = o.years.count - 1
        var table = ResultTable(
            id: "investment-focus.focus",
            title: LocalizedText(zh: "聚焦“\(g.name)”：产业线索份额", en: "Focus on \"\(g.name)\": industry lead shares"),
            rowHeader: LocalizedText(zh: "产业", en: "Industry"),
            columns: [
                ResultColumn(LocalizedText(zh: "组", en: "Group")),
                ResultColumn(LocalizedText(zh: "聚焦权重", en: "Focus weight"), decimals: 3),
                ResultColumn(LocalizedText(zh: "线索份额（情景）", en: "Lead share (scenario)"), unit: "%", decimals: 2),
                ResultColumn(LocalizedText(zh: "线索份额（聚焦）", en: "Lead share (focus)"), unit: "%", decimals: 2),
                ResultColumn(LocalizedText(zh: "到位额（\(o.years.last ?? 0)）", en: "In place (\(o.years.last ?? 0))"), unit: "亿元", decimals: 1),
            ],
            notes: [
                LocalizedText(
                    zh: "聚焦权重 = 产业所属组的比例 ÷ 最大比例（不在任何组为 0）；线索权重 × (1 + \(intensity) × 聚焦权重)，份额重新归一，总努力不变。到位额为聚焦后的预测（含重大项目）。",
                    en: "Focus weight = the ratio of the industry's group ÷ the largest ratio (0 outside the groups); lead weight × (1 + \(intensity) × focus weight), shares renormalised, the same total effort. In place: the forecast with the focus (major projects included)."),
                LocalizedText(
                    zh: "focus-groups.csv 状态：\(g.statuses.joined(separator: ", "))——“4-2-1”的含义未公布，默认读法为假设。",
                    en: "focus-groups.csv status: \(g.statuses.joined(separator: ", ")) — the meaning of \"4-2-1\" is not published; the default reading is an assumption."),
            ])
        for (k, entry) in context.industries.enumerated() {
            let group = g.groups.first { $0.industries.contains(entry.id) }?.label ?? "—"
            var cells: [ResultCell] = [
                .text(LocalizedText(group)), .number(g.weight(of: entry.id)), .number(100 * before[k]), .number(100 * shares[k]),
            ]
            if last >= 0, let series = o.byIndustry[entry.id] { cells.append(.quantiles(series.summary(year: last))) } else { cells.append(.empty) }
            table.rows.append(ResultRow(entry.name, cells))
        }
        return table
    }

    static func supportColumns() -> [ResultColumn] {
        [
            ResultColumn(LocalizedText(zh: "包保责任人", en: "Responsible")),
            ResultColumn(LocalizedText(zh: "投资额", en: "Amount"), unit: "亿元", decimals: 1),
            ResultColumn(LocalizedText(zh: "落地概率（无包保）", en: "P(land) without"), unit: "%", decimals: 1),
            ResultColumn(LocalizedText(zh: "落地概率（包保）", en: "P(land) with"), unit: "%", decimals: 1),
            ResultColumn(LocalizedText(zh: "落地年（无）", en: "Year without")),
            ResultColumn(LocalizedText(zh: "落地年（包保）", en: "Year with")),
            ResultColumn(LocalizedText(zh: "期望额（无）", en: "Expected without"), unit: "亿元", decimals: 1),
            ResultColumn(LocalizedText(zh: "期望额（包保）", en: "Expected with"), unit: "亿元", decimals: 1),
        ]
    }

    static func supportCells(_ s: ProjectSupport, baseYear: Int) -> [ResultCell] {
        let w = s.supported(baseYear: baseYear), p = s.project
        return [
            s.responsible.isEmpty ? .empty : .text(LocalizedText(s.responsible)), .number(p.amount), .number(100 * p.probability),
            .number(100 * w.probability), .text(LocalizedText(String(p.year))), .text(LocalizedText(String(w.year))),
            .number(p.probability * p.amount), .number(w.probability * w.amount),
        ]
    }

    static let rule = LocalizedText(
        zh: "包保规则：落地概率 p' = p + (1 − p)·e（去除比例 e 的不落地风险），落地年提前 k 年（不早于第一预测年）；e、k 为假设参数。对总额与达标概率的影响见“无包保”情景变体。",
        en: "包保 rule: P(land) p' = p + (1 − p)·e (a share e of the risk of not landing removed), landing k years earlier (not before the first forecast year); e and k are assumptions. The effect on the total and on P(target met): the \"without 包保\" variant.")

    static func support(_ supports: [ProjectSupport], baseYear: Int) -> ResultTable {
        var table = ResultTable(
            id: "investment-focus.support", title: LocalizedText(zh: "重大项目包保：有无包保对比", en: "Major-project support (包保): with vs without"),
            rowHeader: LocalizedText(zh: "项目", en: "Project"), columns: supportColumns(), notes: [rule])
        for s in supports { table.rows.append(ResultRow(LocalizedText(s.project.name), supportCells(s, baseYear: baseYear))) }
        return table
    }

    static func supportRanking(_ supports: [ProjectSupport], baseYear: Int) -> ResultTable {
        let total = supports.reduce(0) { $0 + $1.dependentAmount(baseYear: baseYear) }
        var table = ResultTable(
            id: "investment-focus.support-ranking",
            title: LocalizedText(zh: "最依赖包保的重大项目", en: "Major projects that depend most on support (包保)"),
            rowHeader: LocalizedText(zh: "项目", en: "Project"),
            columns: [
                ResultColumn(LocalizedText(zh: "排名", en: "Rank")),
                ResultColumn(LocalizedText(zh: "概率提高", en: "Probability gain"), unit: "pp", decimals: 1),
                ResultColumn(LocalizedText(zh: "依赖包保的期望额", en: "Expected amount resting on 包保"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "占全部", en: "Share of all"), unit: "%", decimals: 1),
                ResultColumn(LocalizedText(zh: "包保责任人", en: "Responsible")),
            ],
            notes: [LocalizedText(
                zh: "依赖包保的期望额 = (p' − p) × 投资额，从大到小排列。", en: "Expected amount resting on 包保 = (p' − p) × amount, largest first.")])
        let ranked = supports.enumerated().sorted {
            let a = $0.element.dependentAmount(baseYear: baseYear), b = $1.element.dependentAmount(baseYear: baseYear)
            return a != b ? a > b : $0.offset < $1.offset
        }
        for (rank, item) in ranked.enumerated() {
            let s = item.element, d = s.dependentAmount(baseYear: baseYear)
            table.rows.append(ResultRow(LocalizedText(s.project.name), [
                .text(LocalizedText(String(rank + 1))), .number(100 * (s.supported(baseYear: baseYear).probability - s.project.probability)),
                .number(d), .number(total > 0 ? 100 * d / total : 0), s.responsible.isEmpty ? .empty : .text(LocalizedText(s.responsible)),
            ]))
        }
        return table
    }
}
