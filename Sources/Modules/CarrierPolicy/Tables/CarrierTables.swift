import ScenarioKit

/// The tables of `carrier-mechanisms`.
enum CarrierTables {
    static func name(_ id: String, _ entries: [CatalogueEntry]) -> LocalizedText {
        entries.first { $0.id == id }?.name ?? LocalizedText(id)
    }

    static func percent(_ q: QuantileSummary) -> QuantileSummary {
        QuantileSummary(mean: 100 * q.mean, p10: 100 * q.p10, p50: 100 * q.p50, p90: 100 * q.p90)
    }

    /// Per-draw sum over the forecast years (亿元).
    static func cumulative(_ t: DrawTable) -> [Double] {
        (0..<t.draws).map { d in (0..<t.years).reduce(0) { $0 + t.value(year: $1, draw: d) } }
    }

    static func cumulative(_ values: [Double], years: Int, draws: Int) -> [Double] {
        (0..<draws).map { d in (0..<years).reduce(0) { $0 + values[$1 * draws + d] } }
    }

    // MARK: 一镇一产业

    static func townLeads(_ e: TownEconomy, context: ModuleContext) -> ResultTable {
        let statuses = e.catalogue.statuses.joined(separator: ", ")
        var table = ResultTable(
            id: "carrier-mechanisms.town-leads", title: LocalizedText(zh: "一镇一产业：街镇主导产业", en: "Street/town economy (一镇一产业): lead industries"),
            rowHeader: LocalizedText(zh: "街镇", en: "Street/town"),
            columns: [
                ResultColumn(LocalizedText(zh: "承载能力", en: "Capacity"), decimals: 1),
                ResultColumn(LocalizedText(zh: "主导产业", en: "Lead industry")),
                ResultColumn(LocalizedText(zh: "区位商", en: "LQ"), decimals: 2),
                ResultColumn(LocalizedText(zh: "得分", en: "Score"), decimals: 1),
                ResultColumn(LocalizedText(zh: "第二产业", en: "Second industry")),
                ResultColumn(LocalizedText(zh: "区位商 ", en: "LQ "), decimals: 2),
            ],
            notes: [
                LocalizedText(
                    zh: "区位商 LQ = 街镇内该产业权重占比 ÷ 全部街镇中该产业占比；得分 = LQ × 承载能力；主导产业为使总得分最大的指派（每个产业至多主导 ⌈街镇数/产业数⌉ 个街镇，精确求解），第二产业为其余产业中得分最高者。",
                    en: "LQ = the industry's share of the town's mix ÷ its share of all towns' mix; score = LQ × capacity; lead industries are the assignment with the largest total score (no industry leading more than ⌈towns / industries⌉ towns, solved exactly), the second is the town's best score among the others."),
                LocalizedText(
                    zh: "towns.csv 状态：\(statuses)（示例数据为假设，请换成本区实际街镇）。",
                    en: "towns.csv status: \(statuses) (the shipped list is illustrative: replace it with the area's own streets and towns)."),
            ])
        for (t, town) in e.catalogue.towns.enumerated() {
            let lead = e.leads[t]
            var cells: [ResultCell] = [
                .number(town.capacity), .text(name(e.catalogue.industries[lead.industry], context.industries)),
                .number(lead.locationQuotient), .number(lead.score),
            ]
            if let s = e.seconds[t] {
                cells += [.text(name(e.catalogue.industries[s.industry], context.industries)), .number(s.locationQuotient)]
            } else {
                cells += [.empty, .empty]
            }
            table.rows.append(ResultRow(town.name, cells))
        }
        return table
    }

    static func townShares(_ e: TownEconomy, draws: [DrawTable], carrier: DrawTable, outputs o: EngineOutputs) -> ResultTable {
        let last = o.years.count - 1
        var table = ResultTable(
            id: "carrier-mechanisms.town-shares",
            title: LocalizedText(zh: "一镇一产业：各街镇吸引的街镇到位额", en: "Street/town economy: each town's share of the street/town investment"),
            rowHeader: LocalizedText(zh: "街镇", en: "Street/town"),
            columns: [
                ResultColumn(LocalizedText(zh: "占街镇额（\(o.years.last ?? 0)）", en: "Share (\(o.years.last ?? 0))"), unit: "%", decimals: 1),
                ResultColumn(LocalizedText(zh: "到位额（\(o.years.first ?? 0)）", en: "In place (\(o.years.first ?? 0))"), unit: "亿元", decimals: 2),
                ResultColumn(LocalizedText(zh: "到位额（\(o.years.last ?? 0)）", en: "In place (\(o.years.last ?? 0))"), unit: "亿元", decimals: 2),
                ResultColumn(LocalizedText(zh: "累计（\(o.years.first ?? 0)–\(o.years.last ?? 0)）", en: "Cumulative (\(o.years.first ?? 0)–\(o.years.last ?? 0))"), unit: "亿元", decimals: 1),
            ],
            notes: [
                LocalizedText(
                    zh: "每次模拟：街镇 t 的到位额 = 街镇载体到位额 × Σ_i（产业 i 占总额）× α_{t,i}，α_{t,i} ∝ 承载能力 × 现有权重 × 主导（1+加成）/第二（1+加成）；各街镇之和等于街镇载体到位额。\(o.draws) 次模拟。",
                    en: "Per draw: town t = street/town carrier × Σ_i (industry i's share of the total) × α_{t,i}, α_{t,i} ∝ capacity × current weight × (1 + bonus) for its lead/second industry; the towns add up to the carrier in every draw. \(o.draws) draws."),
            ])
        guard last >= 0 else { return table }
        for (t, town) in e.catalogue.towns.enumerated() {
            let share = draws[t].divided(by: carrier)
            table.rows.append(ResultRow(town.name, [
                .quantiles(percent(share.summary(year: last))), .quantiles(draws[t].summary(year: 0)),
                .quantiles(draws[t].summary(year: last)), .quantiles(QuantileSummary(of: cumulative(draws[t]))),
            ]))
        }
        return table
    }

    static func townYears(_ e: TownEconomy, draws: [DrawTable], outputs o: EngineOutputs) -> ResultTable {
        var table = ResultTable(
            id: "carrier-mechanisms.town-years", title: LocalizedText(zh: "一镇一产业：各街镇逐年到位额", en: "Street/town economy: investment in place by town and year"),
            rowHeader: LocalizedText(zh: "年份", en: "Year"),
            columns: e.catalogue.towns.map { ResultColumn($0.name, unit: "亿元", decimals: 2) },
            notes: [LocalizedText(zh: "P50（P10–P90），\(o.draws) 次模拟。", en: "P50 (P10–P90), \(o.draws) draws.")])
        for (y, year) in o.years.enumerated() {
            table.rows.append(ResultRow(LocalizedText(String(year)), draws.map { .quantiles($0.summary(year: y)) }))
        }
        return table
    }

    // MARK: 飞地招商

    static func referrals(_ referrals: [Referral], outputs o: EngineOutputs, context: ModuleContext) -> ResultTable {
        let (located, counted) = Referral.apply(referrals, carriers: o.byCarrier, years: o.years)
        let Y = o.years.count, N = o.draws, last = Y - 1
        let involved = context.carriers.map(\.id).filter { id in referrals.contains { $0.origin == id || $0.destination == id } }
        let span = "\(o.years.first ?? 0)–\(o.years.last ?? 0)"
        var table = ResultTable(
            id: "carrier-mechanisms.referrals", title: LocalizedText(zh: "飞地招商：转介前后各载体的到位额", en: "Referrals (飞地): investment by carrier before and after"),
            rowHeader: LocalizedText(zh: "载体", en: "Carrier"),
            columns: [
                ResultColumn(LocalizedText(zh: "转介前（累计 \(span)）", en: "Before (cumulative \(span))"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "落地额（转介后）", en: "Located after"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "计入额（转介后）", en: "Counted after"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "计入额变化", en: "Counted change"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "计入额（\(o.years.last ?? 0)，转介后）", en: "Counted after (\(o.years.last ?? 0))"), unit: "亿元", decimals: 2),
            ],
            notes: [
                LocalizedText(
                    zh: "每年：转介额 = φ × 来源载体到位额，落到承接载体（另加挽留的 κ 倍）；分享期（开始年起 L 年）内转介额的 σ 计入来源载体，其余计入承接载体，期满全部计入承接载体。“转介前”为预测的载体结构。",
                    en: "Each year: referred = φ × the origin's investment, located at the destination (plus κ × that kept in the area); during the sharing years (L from the start) a share σ of it is counted to the origin, the rest to the destination, afterwards all to the destination. \"Before\" is the forecast's carrier split."),
                LocalizedText(
                    zh: referrals.map { "\($0.origin)>\($0.destination)：φ=\($0.share)，σ=\($0.originCountedShare)，L=\($0.sharingYears) 年，κ=\($0.recovered)，自 \($0.startYear) 年" }.joined(separator: "；"),
                    en: referrals.map { "\($0.origin)>\($0.destination): φ = \($0.share), σ = \($0.originCountedShare), L = \($0.sharingYears) years, κ = \($0.recovered), from \($0.startYear)" }.joined(separator: "; ")),
            ])
        guard Y > 0 else { return table }
        for id in involved {
            guard let before = o.byCarrier[id], let loc = located[id], let cnt = counted[id] else { continue }
            let b = cumulative(before), l = cumulative(loc, years: Y, draws: N), c = cumulative(cnt, years: Y, draws: N)
            table.rows.append(ResultRow(name(id, context.carriers), [
                .quantiles(QuantileSummary(of: b)), .quantiles(QuantileSummary(of: l)), .quantiles(QuantileSummary(of: c)),
                .quantiles(QuantileSummary(of: zip(c, b).map { $0 - $1 })),
                .quantiles(QuantileSummary(of: Array(cnt[(last * N)..<((last + 1) * N)]))),
            ]))
        }
        return table
    }

    // MARK: 招商帮带

    static func mentoring(_ pairs: [Mentoring], pipeline: PipelineOutline, outputs o: EngineOutputs, context: ModuleContext) throws -> ResultTable {
        var table = ResultTable(
            id: "carrier-mechanisms.mentoring", title: LocalizedText(zh: "招商帮带：对受帮载体与总额的影响", en: "Mentoring (招商帮带): effect on the mentee and the total"),
            rowHeader: LocalizedText(zh: "帮带 / 年份", en: "Pair / year"),
            columns: [
                ResultColumn(LocalizedText(zh: "推进率提高后的落地比", en: "Landing ratio r"), decimals: 3),
                ResultColumn(LocalizedText(zh: "到位额比 ρ", en: "In-place ratio ρ"), decimals: 3),
                ResultColumn(LocalizedText(zh: "受帮载体（无帮带）", en: "Mentee without"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "受帮载体（帮带）", en: "Mentee with"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "帮扶载体损失", en: "Mentor's cost"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "总额变化", en: "Change of the total"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "总额（帮带）", en: "Total with"), unit: "亿元", decimals: 1),
            ],
            notes: [
                LocalizedText(
                    zh: "受帮载体落地前各阶段推进率 × 倍数（推进 + 退出 ≤ 1），以稳态管道（每年一条线索）计算逐年落地比 r_t，按拨付进度得到位额比 ρ_t = Σ_j w_j r_{t−j}；帮带额 = ρ_t × 无帮带额（每次模拟）。引擎对所有载体使用同一管道，故这是推导的效应，不是逐项目模拟。",
                    en: "The mentee's advance rates before landing × the factor (advance + drop-out ≤ 1); a steady pipeline fed one lead a year gives the landing ratio r_t, the disbursement schedule the in-place ratio ρ_t = Σ_j w_j r_{t−j}; mentee with = ρ_t × mentee without (per draw). The engine runs one pipeline for all carriers, so this is a derived effect, not a project-by-project simulation."),
                LocalizedText(zh: "P50（P10–P90），\(o.draws) 次模拟。", en: "P50 (P10–P90), \(o.draws) draws."),
            ])
        let N = o.draws
        for m in pairs {
            guard let mentee = o.byCarrier[m.mentee], let mentor = o.byCarrier[m.mentor] else {
                throw ModuleError(module: "carrier-mechanisms", keyPath: "mentoring", message: "the forecast has no carrier split for \(m.mentor)>\(m.mentee)")
            }
            let r = Mentoring.landingRatios(pipeline: pipeline, factor: m.factor, startYear: m.startYear, years: o.years)
            let rho = Mentoring.inPlaceRatios(landing: r, disbursement: pipeline.disbursement)
            for (y, year) in o.years.enumerated() {
                let costOn = year >= m.startYear
                var with = [Double](), cost = [Double](), change = [Double](), total = [Double]()
                for d in 0..<N {
                    let a = mentee.value(year: y, draw: d), b = mentor.value(year: y, draw: d)
                    let c = costOn ? m.mentorCost * b : 0
                    with.append(rho[y] * a)
                    cost.append(c)
                    change.append((rho[y] - 1) * a - c)
                    total.append(o.investmentInPlace.value(year: y, draw: d) + (rho[y] - 1) * a - c)
                }
                table.rows.append(ResultRow(
                    LocalizedText(zh: "\(name(m.mentor, context.carriers).zh)→\(name(m.mentee, context.carriers).zh) \(year)", en: "\(name(m.mentor, context.carriers).en) → \(name(m.mentee, context.carriers).en) \(year)"),
                    [
                        .number(r[y]), .number(rho[y]), .quantiles(mentee.summary(year: y)), .quantiles(QuantileSummary(of: with)),
                        .quantiles(QuantileSummary(of: cost)), .quantiles(QuantileSummary(of: change)), .quantiles(QuantileSummary(of: total)),
                    ]))
            }
        }
        return table
    }
}
