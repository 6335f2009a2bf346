import ScenarioKit

/// `capital-mix.ownership-by-year`: the forecast investment in place by ownership class.
enum OwnershipTable {
    static func table(_ split: OwnershipSplit, years: [Int], settings: CapitalMixSettings) -> ResultTable {
        let classes = OwnershipClass.allCases
        var columns = classes.map { ResultColumn(TableText.ownership($0), unit: TableText.yi) }
        columns.append(ResultColumn(TableText.total, unit: TableText.yi))
        columns += classes.map {
            ResultColumn(LocalizedText(zh: "\(TableText.ownership($0).zh)占比", en: "\(TableText.ownership($0).en) share"), unit: TableText.shareUnit, decimals: 3)
        }
        var rows: [ResultRow] = []
        for (y, year) in years.enumerated() {
            var cells = classes.map { ResultCell.quantiles(split.byClass[$0.index].summary(year: y)) }
            cells.append(.quantiles(split.total.summary(year: y)))
            cells += classes.map { ResultCell.quantiles(QuantileSummary(of: split.shares($0, year: y))) }
            rows.append(ResultRow(LocalizedText(String(year)), cells))
        }
        if years.count > 1 {
            let totals = split.horizonSum(nil)
            var cells = classes.map { ResultCell.quantiles(QuantileSummary(of: split.horizonSum($0))) }
            cells.append(.quantiles(QuantileSummary(of: totals)))
            cells += classes.map { k in
                ResultCell.quantiles(QuantileSummary(of: zip(split.horizonSum(k), totals).map { $1 == 0 ? 0 : $0 / $1 }))
            }
            let span = TableText.span(years)
            rows.append(ResultRow(LocalizedText(zh: "\(span) 合计", en: "\(span) total"), cells))
        }
        let used = zip(settings.sources, settings.sourceOwnership).map { entry, s in
            LocalizedText(zh: "\(entry.name.zh)（\(entry.id)）：\(TableText.shares(s).zh)", en: "\(entry.name.en) (\(entry.id)): \(TableText.shares(s).en)")
        }
        let notes = [
            LocalizedText(
                zh: "X_k = Σ_s σ_{s,k}·I_s：每次抽样、每年，各来源（北京/其他内资/外资）的到位额 I_s 乘以该来源中各类资本的比重 σ_{s,k}，再相加；三类之和等于各来源之和。",
                en: "X_k = Σ_s σ_{s,k}·I_s: per draw and year, each source's investment in place I_s (Beijing / other domestic / foreign) times the share σ_{s,k} of class k in that source, summed; the three classes add up to the sum of the sources."),
            LocalizedText(
                zh: "各列为均值及 P10/P50/P90：先逐次抽样计算，再取分位数（不是均值的分位数）；占比亦逐次抽样计算（X_k / 合计），故三类占比的均值之和为 1，分位数之和不必为 1。合计行先对每次抽样逐年求和。",
                en: "Each column: mean and P10/P50/P90 over the draws, computed per draw and then summarised (not quantiles of means); shares are per draw too (X_k / total), so the mean shares sum to 1 while their quantiles need not. The total row sums the years within each draw first."),
            LocalizedText(
                zh: "所用构成：" + used.map(\.zh).joined(separator: "；") + "。默认值中 other_domestic 的民资 0.78 为公开数字（2016 年 1–7 月天津内资中民营企业占比，新闻转引，置信度 M），beijing 的国资 0.6 为假设（央企疏解以国资为主），foreign 全部为外资（定义）。",
                en: "Shares used: " + used.map(\.en).joined(separator: "; ") + ". Of the defaults, other_domestic's private 0.78 is PUBLISHED (Tianjin 2016 Jan–Jul private share of domestic capital, news page quoting officials, confidence M); beijing's state 0.6 is an ASSUMPTION (central-SOE relocations make it state-heavy); foreign is all foreign by definition."),
        ]
        return ResultTable(
            id: "capital-mix.ownership-by-year",
            title: LocalizedText(zh: "招商到位额的资本构成（国资/外资/民资），逐年", en: "Investment in place by ownership (state / foreign / private), by year"),
            rowHeader: LocalizedText(zh: "年份", en: "year"), columns: columns, rows: rows, notes: notes)
    }
}
