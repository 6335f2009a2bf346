import ScenarioKit

/// `capital-mix.fund-by-year`: the fund money of each year, what it mobilises, and its weight
/// against the forecast.
enum FundYearTable {
    static func table(_ a: FundAllocation.Result, settings s: CapitalMixSettings, outputs: EngineOutputs) -> ResultTable {
        let F = a.total
        let mobilised = a.mobilised.reduce(0, +)
        let leverage = F > 0 ? mobilised / F : Double.nan
        let columns = [
            ResultColumn(LocalizedText(zh: "引导基金", en: "fund money"), unit: TableText.yi),
            ResultColumn(LocalizedText(zh: "带动社会资本", en: "social capital mobilised"), unit: TableText.yi),
            ResultColumn(LocalizedText(zh: "基金支持的总投资", en: "fund-backed investment"), unit: TableText.yi),
            ResultColumn(LocalizedText(zh: "综合杠杆", en: "overall leverage"), unit: "亿元/亿元", decimals: 2),
        ] + OwnershipClass.allCases.map {
            ResultColumn(LocalizedText(zh: "带动\(TableText.ownership($0).zh)", en: "\(TableText.ownership($0).en) mobilised"), unit: TableText.yi)
        } + [ResultColumn(LocalizedText(zh: "带动资本 ÷ 预测到位额（均值）", en: "mobilised ÷ forecast investment in place (mean)"), unit: TableText.shareUnit, decimals: 3)]

        var means: [Int: Double] = [:]
        for (y, year) in outputs.years.enumerated() where outputs.draws > 0 {
            means[year] = outputs.investmentInPlace.summary(year: y).mean
        }
        func row(_ label: LocalizedText, fund: Double, forecast: Double?) -> ResultRow {
            let scale = F > 0 ? fund / F : 0
            var cells: [ResultCell] = [
                .number(fund), .number(mobilised * scale), .number((F + mobilised) * scale), TableText.number(leverage),
            ]
            cells += OwnershipClass.allCases.map { .number(a.mobilisedByClass[$0] * scale) }
            cells.append(forecast.map { TableText.number($0 > 0 ? mobilised * scale / $0 : .nan) } ?? .empty)
            return ResultRow(label, cells)
        }
        var rows = zip(s.fundYears, s.fundByYear).map { year, fund in row(LocalizedText(String(year)), fund: fund, forecast: means[year]) }
        if s.fundYears.count > 1 {
            let span = TableText.span(s.fundYears)
            let all = s.fundYears.allSatisfy { means[$0] != nil } ? s.fundYears.reduce(0) { $0 + means[$1]! } : nil
            rows.append(row(LocalizedText(zh: "\(span) 合计", en: "\(span) total"), fund: F, forecast: all))
        }
        let notes = [
            LocalizedText(
                zh: "每年的基金按整个预测期的分配比例 f_c / F 分到各类别，故带动资本的构成各年相同；带动社会资本 = Σ_c k_c·f_c × 当年基金 / F。",
                en: "Each year's fund is split over the categories in the horizon allocation's proportions f_c / F, so the mobilised mix is the same every year; social capital mobilised = Σ_c k_c·f_c × that year's fund / F."),
            LocalizedText(
                zh: "综合杠杆 = 带动社会资本 / 基金 = \(TableText.format(leverage, decimals: 3))。参照：海河产业基金已实现 2083/742.4 ≈ 2.81（2025 年报告，置信度 H/M），2017 年方案宣称 5000/200 = 25 倍（计划值）。",
                en: "Overall leverage = mobilised / fund = \(TableText.format(leverage, decimals: 3)). For reference: 海河产业基金 realised 2083/742.4 ≈ 2.81 (2025 report, confidence H/M); the 2017 plan announced 5000/200 = 25× (a plan figure)."),
            LocalizedText(
                zh: "最后一列把带动资本与引擎预测的当年招商到位额均值相比，表示预测中有多大份额可由基金撬动；基金支持的项目属于招商到位额的一部分，不应相加。",
                en: "The last column compares the mobilised capital with the engine's mean investment in place that year: how much of the forecast the fund would underpin. Fund-backed projects are part of investment in place, not added to it."),
        ]
        return ResultTable(
            id: "capital-mix.fund-by-year",
            title: LocalizedText(zh: "引导基金与杠杆，逐年", en: "Guidance fund and leverage, by year"),
            rowHeader: LocalizedText(zh: "年份", en: "year"), columns: columns, rows: rows, notes: notes)
    }
}
