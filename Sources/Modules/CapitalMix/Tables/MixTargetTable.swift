import ScenarioKit

/// `capital-mix.mix-vs-target`: the leverage summary — mobilised capital by class, the achieved
/// mix against the target, the mix at priorities and the categories' ranges.
enum MixTargetTable {
    static func table(_ a: FundAllocation.Result, settings s: CapitalMixSettings) -> ResultTable {
        let F = a.total
        let mobilised = a.mobilised.reduce(0, +)
        let columns = [
            ResultColumn(LocalizedText(zh: "带动社会资本", en: "social capital mobilised"), unit: TableText.yi),
            ResultColumn(LocalizedText(zh: "实现构成", en: "achieved share"), unit: TableText.shareUnit, decimals: 3),
            ResultColumn(LocalizedText(zh: "目标构成", en: "target share"), unit: TableText.shareUnit, decimals: 3),
            ResultColumn(LocalizedText(zh: "按优先级分配时的构成", en: "share at priorities"), unit: TableText.shareUnit, decimals: 3),
            ResultColumn(LocalizedText(zh: "各类别最低", en: "category minimum"), unit: TableText.shareUnit, decimals: 3),
            ResultColumn(LocalizedText(zh: "各类别最高", en: "category maximum"), unit: TableText.shareUnit, decimals: 3),
            ResultColumn(LocalizedText(zh: "含基金（计为国资）的构成", en: "share incl. fund money (as state)"), unit: TableText.shareUnit, decimals: 3),
        ]
        var rows: [ResultRow] = OwnershipClass.allCases.map { k in
            let withFund = F + mobilised > 0 ? (a.mobilisedByClass[k] + (k == .state ? F : 0)) / (F + mobilised) : .nan
            return ResultRow(TableText.ownership(k), [
                .number(a.mobilisedByClass[k]), TableText.number(a.achievedMix[k]), a.targets[k].map { .number($0) } ?? .empty,
                TableText.number(a.mixAtPriorities[k]), a.ranges[k].map { .number($0.lowerBound) } ?? .empty,
                a.ranges[k].map { .number($0.upperBound) } ?? .empty, TableText.number(withFund),
            ])
        }
        rows.append(ResultRow(TableText.total, [
            .number(mobilised), TableText.number(mobilised > 0 ? 1 : .nan), .empty, TableText.number(mobilised > 0 ? 1 : .nan), .empty, .empty,
            TableText.number(F + mobilised > 0 ? 1 : .nan),
        ]))
        let leverage = F > 0 ? mobilised / F : Double.nan
        let notes = [
            LocalizedText(
                zh: "引导基金 F = \(TableText.format(F)) 亿元，带动社会资本 \(TableText.format(mobilised)) 亿元，基金支持的总投资 \(TableText.format(F + mobilised)) 亿元，综合杠杆 \(TableText.format(leverage, decimals: 3))（海河产业基金已实现 ≈ 2.81，2017 年方案宣称 25 倍）。",
                en: "Guidance fund F = \(TableText.format(F)) 亿元, social capital mobilised \(TableText.format(mobilised)) 亿元, fund-backed investment \(TableText.format(F + mobilised)) 亿元, overall leverage \(TableText.format(leverage, decimals: 3)) (海河产业基金 realised ≈ 2.81; the 2017 plan announced 25×)."),
            LocalizedText(
                zh: "构成指带动的社会资本（不含基金本身）；目标：\(AllocationTable.targetText(a.targets).zh)。单一类别的目标须在各类别该比重的最低–最高之间（非负分配是各类别构成的凸组合）。“按优先级分配时的构成”= 不设目标、f = p·F 时的构成。最后一列把基金本身计为国资。",
                en: "Shares are of the social capital mobilised (not the fund money itself); target: \(AllocationTable.targetText(a.targets).en). A single-class target must lie between the categories' minimum and maximum share (a non-negative allocation mixes the categories convexly). 'Share at priorities' = the mix with no target, f = p·F. The last column counts the fund money as state capital."),
        ]
        return ResultTable(
            id: "capital-mix.mix-vs-target",
            title: LocalizedText(zh: "杠杆汇总：带动资本构成（实现 vs 目标）", en: "Leverage summary: mix of the capital mobilised, achieved vs target"),
            rowHeader: LocalizedText(zh: "资本类别", en: "ownership"), columns: columns, rows: rows, notes: notes)
    }
}
