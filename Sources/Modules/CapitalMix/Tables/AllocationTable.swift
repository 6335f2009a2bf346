import ScenarioKit

/// `capital-mix.fund-allocation`: the fund over the categories, with what each mobilises.
enum AllocationTable {
    static func table(_ a: FundAllocation.Result, settings s: CapitalMixSettings) -> ResultTable {
        let F = a.total
        let columns = [
            ResultColumn(LocalizedText(zh: "优先级占比", en: "priority share"), unit: TableText.shareUnit, decimals: 3),
            ResultColumn(LocalizedText(zh: "期望额", en: "desired"), unit: TableText.yi),
            ResultColumn(LocalizedText(zh: "基金分配", en: "fund money"), unit: TableText.yi),
            ResultColumn(LocalizedText(zh: "分配占比", en: "fund share"), unit: TableText.shareUnit, decimals: 3),
            ResultColumn(LocalizedText(zh: "偏离", en: "deviation"), unit: TableText.yi),
            ResultColumn(LocalizedText(zh: "杠杆", en: "leverage"), unit: "亿元/亿元", decimals: 2),
            ResultColumn(LocalizedText(zh: "带动社会资本", en: "social capital mobilised"), unit: TableText.yi),
            ResultColumn(LocalizedText(zh: "基金支持的总投资", en: "fund-backed investment"), unit: TableText.yi),
        ] + OwnershipClass.allCases.map {
            ResultColumn(LocalizedText(zh: "其中\(TableText.ownership($0).zh)", en: "of which \(TableText.ownership($0).en)"), unit: TableText.yi)
        } + [ResultColumn(LocalizedText(zh: "约束", en: "bound"))]

        var rows: [ResultRow] = []
        for (c, cat) in s.categories.enumerated() {
            let f = a.amounts[c], desired = a.priorityShares[c] * F
            var bound = LocalizedText("—")
            if a.atBound[c] {
                bound = cat.minimum > 0
                    ? LocalizedText(zh: "最低额 \(TableText.format(cat.minimum)) 亿元", en: "at minimum \(TableText.format(cat.minimum)) 亿元")
                    : LocalizedText(zh: "非负（为 0）", en: "at 0 (non-negative)")
            }
            var cells: [ResultCell] = [
                .number(a.priorityShares[c]), .number(desired), .number(f), TableText.number(F > 0 ? f / F : .nan),
                .number(f - desired), .number(cat.leverage), .number(a.mobilised[c]), .number(f + a.mobilised[c]),
            ]
            cells += OwnershipClass.allCases.map { .number(a.mobilised[c] * cat.ownership[$0]) }
            cells.append(.text(bound))
            rows.append(ResultRow(LocalizedText(zh: "\(cat.name.zh)（\(cat.id)）", en: "\(cat.name.en) (\(cat.id))"), cells))
        }
        let mobilised = a.mobilised.reduce(0, +)
        var totalCells: [ResultCell] = [
            .number(1), .number(F), .number(a.amounts.reduce(0, +)), TableText.number(F > 0 ? 1 : .nan),
            .number(a.amounts.reduce(0, +) - F), TableText.number(F > 0 ? mobilised / F : .nan), .number(mobilised),
            .number(F + mobilised),
        ]
        totalCells += OwnershipClass.allCases.map { .number(a.mobilisedByClass[$0]) }
        totalCells.append(.empty)
        rows.append(ResultRow(TableText.total, totalCells))

        var notes = [
            LocalizedText(
                zh: "分配 f_c：在 Σ f_c = F 与目标构成 Σ_c f_c·k_c·(σ_{c,k} − τ_k) = 0（每个给定目标的类别 k）约束下，最小化 Σ_c (f_c − p_c·F)²（p_c = 优先级占比，k_c = 杠杆，σ_{c,k} = 该类所带动资本中 k 类的比重）；等式约束最小二乘用 LAPACK dgglse 求解，若有类别需非负或有最低额而解越界，则以 NNLS 求可行初值、再围绕 dgglse 做有效集迭代（结果满足 KKT 条件）。本次：\(a.method == .equalityConstrained ? "dgglse 解已满足所有下限" : "有效集（\(a.solution.iterations) 次 dgglse 子问题）")。",
                en: "Allocation f_c: minimise Σ_c (f_c − p_c·F)² subject to Σ f_c = F and the target mix Σ_c f_c·k_c·(σ_{c,k} − τ_k) = 0 for each targeted class k (p_c = priority share, k_c = leverage, σ_{c,k} = share of class k in the capital category c attracts); equality-constrained least squares by LAPACK dgglse; when a non-negative or minimum bound is crossed, a feasible start by NNLS and an active-set loop around dgglse (the result meets the KKT conditions). This run: \(a.method == .equalityConstrained ? "the dgglse solution meets every bound" : "active set (\(a.solution.iterations) dgglse subproblems)")."),
            LocalizedText(
                zh: "F = \(TableText.format(F)) 亿元（\(TableText.span(s.fundYears)) 各年基金之和）；带动社会资本 = k_c·f_c；基金支持的总投资 = (1 + k_c)·f_c；目标构成：\(targetText(a.targets).zh)。",
                en: "F = \(TableText.format(F)) 亿元 (the fund of \(TableText.span(s.fundYears)) summed); social capital mobilised = k_c·f_c; fund-backed investment = (1 + k_c)·f_c; target mix: \(targetText(a.targets).en)."),
        ]
        let crossed = s.categories.indices.filter { c in s.categories[c].allocationInput.lowerBound.map { a.withoutBounds[c] < $0 - 1e-9 * Swift.max(1, F) } ?? false }
        if !crossed.isEmpty {
            let list = crossed.map { c in (s.categories[c], a.withoutBounds[c]) }
            notes.append(LocalizedText(
                zh: "不设下限时的解会使以下类别低于下限：" + list.map { "\($0.0.name.zh) \(TableText.format($0.1, decimals: 2)) 亿元" }.joined(separator: "、") + "。",
                en: "Without the bounds the solution would put these categories below their bound: " + list.map { "\($0.0.name.en) \(TableText.format($0.1, decimals: 2)) 亿元" }.joined(separator: ", ") + "."))
        }
        switch s.categorySource {
        case .industries:
            notes.append(LocalizedText(
                zh: "类别：“21 大类”未公开，默认按情景产业各设一类：优先级 = 产业的投资占比、“其他”为 0（假设：基金投向 1+3+4），杠杆 = \(TableText.format(s.leverage, decimals: 3))（默认为海河产业基金已实现的 2083/742.4；2017 年方案宣称 25 倍），所带动资本构成为国资 0.22 / 民资 0.78（2016 年天津内资构成，各类相同，为假设）。可用 categories 指定自己的 CSV。",
                en: "Categories: the '21 categories' are not published; by default one per scenario industry with priority = its investment share and 0 for 'other' (ASSUMPTION: the fund backs the 1+3+4), leverage \(TableText.format(s.leverage, decimals: 3)) (default: 海河产业基金's realised 2083/742.4; the 2017 plan announced 25×), attracted capital state 0.22 / private 0.78 (the 2016 Tianjin domestic mix, the same for every category — an assumption). Supply your own with a categories CSV."))
        case let .file(name):
            notes.append(LocalizedText(zh: "类别来自 \(name)。", en: "Categories from \(name)."))
        }
        return ResultTable(
            id: "capital-mix.fund-allocation",
            title: LocalizedText(zh: "引导基金分配（按类别，\(TableText.span(s.fundYears)) 合计）", en: "Guidance-fund allocation by category (\(TableText.span(s.fundYears)) total)"),
            rowHeader: LocalizedText(zh: "类别", en: "category"), columns: columns, rows: rows, notes: notes)
    }

    static func targetText(_ targets: [OwnershipClass: Double]) -> LocalizedText {
        guard !targets.isEmpty else { return LocalizedText(zh: "未设", en: "none") }
        let sorted = targets.sorted { $0.key < $1.key }
        return LocalizedText(
            zh: sorted.map { "\(TableText.ownership($0.key).zh) \(TableText.format($0.value))" }.joined(separator: "、"),
            en: sorted.map { "\($0.key.rawValue) \(TableText.format($0.value))" }.joined(separator: ", "))
    }
}
