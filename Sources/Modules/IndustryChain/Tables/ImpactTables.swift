import InputOutput
import ScenarioKit

/// Tables of the forecast investment's impact: by year (Type I, Type II) and by sector.
enum ImpactTables {
    static func byYear(
        _ impact: ImpactDraws, years: [Int], technology t: IOTechnology, bridge: InvestmentBridge, typeII: Bool
    ) -> ResultTable {
        let values = typeII ? (impact.typeII ?? impact.typeI) : impact.typeI
        let d = impact.draws
        var columns = [ResultColumn(LocalizedText(zh: "招商到位额", en: "investment in place"), unit: "亿元")]
        columns += t.indicators.map { TableText.column($0) }
        var rows: [ResultRow] = []
        for (y, year) in years.enumerated() {
            var cells = [ResultCell.quantiles(QuantileSummary(of: Array(impact.investment[(y * d)..<((y + 1) * d)])))]
            for v in values { cells.append(.quantiles(QuantileSummary(of: Array(v[(y * d)..<((y + 1) * d)])))) }
            rows.append(ResultRow(LocalizedText(String(year)), cells))
        }
        if let first = years.first, let last = years.last {
            func cumulative(_ v: [Double]) -> QuantileSummary {
                QuantileSummary(of: (0..<d).map { draw in (0..<years.count).reduce(0) { $0 + v[$1 * d + draw] } })
            }
            rows.append(ResultRow(
                LocalizedText(zh: "\(first)–\(last) 合计", en: "\(first)–\(last) total"),
                [.quantiles(cumulative(impact.investment))] + values.map { .quantiles(cumulative($0)) }))
        }
        var notes = [
            LocalizedText(
                zh: "Δy = 桥接矩阵 × 招商到位额（亿元 × \(Int(t.unitsPerYi)) → 表单位），Δx = L·Δy，L = (I − A)⁻¹；I − A 只做一次 LU 分解，所有抽样 × 年份作为同一次求解的右端项。",
                en: "Δy = bridge × investment in place (亿元 × \(Int(t.unitsPerYi)) → table units), Δx = L·Δy with L = (I − A)⁻¹; I − A is factored once (LU) and all draws × years are right-hand sides of one solve."),
            LocalizedText(
                zh: "各列为均值及 P10/P50/P90（逐次抽样计算后取分位数；合计行先对每次抽样逐年求和）。增加值 = \(t.indicators.first { $0.kind == .valueAdded }?.rows.joined(separator: "+") ?? "—")；进口 = 诱发的进口中间投入。",
                en: "Each column: mean and P10/P50/P90 over the draws (impacts computed per draw, then summarised; the total row sums the years within each draw first). Value added = \(t.indicators.first { $0.kind == .valueAdded }?.rows.joined(separator: "+") ?? "—"); imports = induced imported intermediates."),
            LocalizedText(
                zh: "桥接：\(bridge.source)\(bridge.isCommon ? "（各产业共用，利用线性：Δx = (L·b)·到位额，与逐产业求解结果相同）" : "（逐产业）")。非竞争型表的 Y 只含国产品，故假定投资全部购买国产投资品（本地拉动的上限）；到位额按当年形成最终需求处理。",
                en: "Bridge: \(bridge.source)\(bridge.isCommon ? " (common to all industries; linearity used: Δx = (L·b)·investment, identical to the per-industry solve)" : " (per industry)"). Y of a non-competitive table holds domestic products only, so all investment is assumed to buy domestic investment goods (an upper bound); investment in place is taken as final demand in the year it is in place."),
        ]
        if typeII, let h = t.households {
            notes.append(LocalizedText(
                zh: "II 型：居民内生（收入行 \(h.closure.incomeRow)，消费列 \(h.closure.consumptionColumn)），Δx̄ = Δx + u·(hr·Δx)/s，u = L·hc，s = \(h.schurComplement)。",
                en: "Type II: households endogenous (income row \(h.closure.incomeRow), consumption column \(h.closure.consumptionColumn)), Δx̄ = Δx + u·(hr·Δx)/s with u = L·hc, s = \(h.schurComplement)."))
        }
        if !t.indicators.contains(where: { $0.kind == .employment }) {
            notes.append(LocalizedText(zh: "投入产出表无就业行（EMPLOYMENT/JOBS），不报告就业影响。", en: "The IO table has no employment row (EMPLOYMENT/JOBS): no employment impact is reported."))
        }
        return ResultTable(
            id: typeII ? "industry-chain.impact-by-year-type-ii" : "industry-chain.impact-by-year",
            title: typeII
                ? LocalizedText(zh: "招商投资的产业链带动（II 型，含居民消费引致），逐年", en: "Impact of investment attracted, Type II (households endogenous), by year")
                : LocalizedText(zh: "招商投资的产业链带动（I 型），逐年", en: "Impact of investment attracted (Type I), by year"),
            rowHeader: LocalizedText(zh: "年份", en: "year"), columns: columns, rows: rows, notes: notes)
    }

    /// Cumulative Type I output change by sector (top `topN` by mean, the rest in one row).
    static func bySector(_ impact: ImpactDraws, years: [Int], technology t: IOTechnology, topN: Int) -> ResultTable {
        let n = t.sectors.count
        let d = impact.draws
        let m = impact.sectorOutput
        let means = (0..<n).map { j in d > 0 ? (0..<d).reduce(0) { $0 + m[j, $1] } / Double(d) : 0 }
        let totalMean = means.reduce(0, +)
        let order = (0..<n).sorted { means[$0] != means[$1] ? means[$0] > means[$1] : $0 < $1 }
        let shown = Array(order.prefix(topN))
        var rows: [ResultRow] = shown.map { j in
            ResultRow(TableText.sector(t.sectors[j]), [
                .quantiles(QuantileSummary(of: (0..<d).map { m[j, $0] })),
                .number(totalMean != 0 ? means[j] / totalMean : 0),
            ])
        }
        let rest = order.dropFirst(topN)
        if !rest.isEmpty {
            let restMean = rest.reduce(0) { $0 + means[$1] }
            rows.append(ResultRow(LocalizedText(zh: "其他 \(rest.count) 个部门", en: "\(rest.count) other sectors"), [
                .quantiles(QuantileSummary(of: (0..<d).map { draw in rest.reduce(0) { $0 + m[$1, draw] } })),
                .number(totalMean != 0 ? restMean / totalMean : 0),
            ]))
        }
        let span = years.first.map { "\($0)–\(years.last ?? $0)" } ?? ""
        return ResultTable(
            id: "industry-chain.impact-by-sector",
            title: LocalizedText(zh: "招商投资带动的总产出（\(span) 累计），分部门", en: "Output induced by investment attracted (\(span) cumulative), by sector"),
            rowHeader: LocalizedText(zh: "部门", en: "sector"),
            columns: [
                ResultColumn(LocalizedText(zh: "累计总产出", en: "cumulative gross output"), unit: "亿元"),
                ResultColumn(LocalizedText(zh: "占比（均值）", en: "share (mean)"), unit: "share"),
            ],
            rows: rows,
            notes: [LocalizedText(
                zh: "Δxⱼ 按抽样逐年求和后取均值与 P10/P50/P90；按均值排序，显示前 \(topN) 个部门。",
                en: "Δxⱼ summed over the years within each draw, then mean and P10/P50/P90; sorted by the mean, top \(topN) sectors shown.")])
    }
}
