import InputOutput
import ScenarioKit

/// Tables of the chain analysis: one row per chain, and the links of every chain.
enum ChainTables {
    /// Members sorted by their extraction loss (backward + forward), largest first.
    static func membersByLoss(_ p: ChainProfile) -> [(member: ChainMember, loss: ChainExtraction)] {
        zip(p.chain.members, p.memberExtraction)
            .map { (member: $0.0, loss: $0.1) }
            .sorted { $0.loss.backwardLoss + $0.loss.forwardLoss > $1.loss.backwardLoss + $1.loss.forwardLoss }
    }

    /// The `count` largest entries of `values` among sectors outside the chain.
    static func topOutside(_ p: ChainProfile, _ values: [Double], count: Int) -> [Int] {
        values.indices.filter { !p.chain.contains($0) && values[$0] > 0 }
            .sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
            .prefix(count).map { $0 }
    }

    static func summary(_ analysis: ChainAnalysis, technology t: IOTechnology) -> ResultTable {
        let toYi = 1 / t.unitsPerYi
        var columns = [
            ResultColumn(LocalizedText(zh: "部门", en: "sectors")),
            ResultColumn(LocalizedText(zh: "全国产出", en: "national output"), unit: "亿元"),
        ]
        columns += t.indicators.map { i in
            ResultColumn(
                LocalizedText(zh: i.header.zh + "乘数", en: i.header.en + " multiplier"),
                unit: i.kind == .employment ? "\(i.unit) per 亿元" : "per unit")
        }
        columns += [
            ResultColumn(LocalizedText(zh: "后向关联 BL", en: "backward linkage BL")),
            ResultColumn(LocalizedText(zh: "前向关联 FL", en: "forward linkage FL")),
            ResultColumn(LocalizedText(zh: "部门类型", en: "class")),
            ResultColumn(LocalizedText(zh: "后向抽取损失", en: "backward extraction loss"), unit: "亿元"),
            ResultColumn(LocalizedText(zh: "后向抽取损失占比", en: "backward loss share"), unit: "share"),
            ResultColumn(LocalizedText(zh: "前向抽取损失", en: "forward extraction loss"), unit: "亿元"),
            ResultColumn(LocalizedText(zh: "前向抽取损失占比", en: "forward loss share"), unit: "share"),
            ResultColumn(LocalizedText(zh: "强链：缺失损失最大的环节", en: "strengthen: links whose loss hurts most")),
            ResultColumn(LocalizedText(zh: "补链：最大的上游需求", en: "fill: largest upstream needs")),
            ResultColumn(LocalizedText(zh: "延链：最大的下游用户", en: "extend: largest downstream buyers")),
        ]
        let total = analysis.totalOutput
        let rows = analysis.profiles.map { p -> ResultRow in
            let sectors = TableText.list(p.chain.members.map { TableText.sector(t.sectors[$0.sector]) })
            var cells: [ResultCell] = [.text(sectors), .number(p.chain.output * toYi)]
            for (r, indicator) in t.indicators.enumerated() {
                // Employment per 亿元 of final demand; money multipliers are dimensionless.
                cells.append(.number(indicator.kind == .employment ? p.multipliers[r] * t.unitsPerYi : p.multipliers[r]))
            }
            let strong = membersByLoss(p).prefix(2).map { TableText.sector(t.sectors[$0.member.sector]) }
            let fill = topOutside(p, p.requirements, count: 2).map { TableText.sector(t.sectors[$0]) }
            let extend = topOutside(p, p.chain.sales, count: 2).map { TableText.sector(t.sectors[$0]) }
            cells += [
                .number(p.backwardLinkage), .number(p.forwardLinkage), .text(TableText.keySector(p.keySector)),
                .number(p.extraction.backwardLoss * toYi), .number(total > 0 ? p.extraction.backwardLoss / total : 0),
                .number(p.extraction.forwardLoss * toYi), .number(total > 0 ? p.extraction.forwardLoss / total : 0),
                .text(TableText.list(strong)), .text(TableText.list(fill)), .text(TableText.list(extend)),
            ]
            return ResultRow(p.chain.name, cells)
        }
        return ResultTable(
            id: "industry-chain.chains",
            title: LocalizedText(zh: "1+3+4 产业链：乘数、关联、关键部门与假设抽取", en: "1+3+4 chains: multipliers, linkages, key sectors and hypothetical extraction"),
            rowHeader: LocalizedText(zh: "产业链", en: "chain"), columns: columns, rows: rows,
            notes: [
                LocalizedText(
                    zh: "产业链 k 由对照表中的部门及份额 cⱼₖ 组成；部门权重 wⱼₖ = cⱼₖ·xⱼ / Σ cⱼₖ·xⱼ（部门产出 × 份额）。链乘数、BL、FL 为 wₖ 加权平均；BL = 列和(L)/均值（Rasmussen），FL = Ghosh 行和/均值；二者均 > 1 为关键部门。",
                    en: "Chain k is the concordance's sectors with shares cⱼₖ; sector weights wⱼₖ = cⱼₖ·xⱼ / Σ cⱼₖ·xⱼ (output × share). Chain multipliers, BL and FL are wₖ-weighted means; BL = column sums of L / mean (Rasmussen), FL = Ghosh row sums / mean; both > 1 is a key sector."),
                LocalizedText(
                    zh: "假设抽取：链上所有部门按其份额同时抽取。后向 = 不再向其他部门采购（Ā = A − A·E_S·D·E_Sᵀ，y 不变）；前向 = 不再向其他部门供货（Ghosh 供给模型）。损失为全国总产出的减少，闭式解（Woodbury），已与逐一重解核对。",
                    en: "Hypothetical extraction: all of the chain's sectors at once, by their shares. Backward = the chain stops buying from other sectors (Ā = A − A·E_S·D·E_Sᵀ, y fixed); forward = it stops selling to them (Ghosh supply model). Loss = fall of national total output; closed forms (Woodbury), checked against re-solves."),
                LocalizedText(
                    zh: "强链：单独抽取损失最大的链内环节；补链：链外部门中单位链最终需求的直接+间接投入需求 ((L − I)·wₖ)ᵢ 最大者；延链：链外部门中购买该链中间产品最多者。全国表，非滨海本地表。",
                    en: "Strengthen: the chain's links whose single extraction costs most; fill: sectors outside the chain with the largest direct + indirect input requirement ((L − I)·wₖ)ᵢ per unit of chain final demand; extend: sectors outside the chain that buy most of its intermediate products. National table, not a Binhai table."),
            ])
    }

    static func links(_ analysis: ChainAnalysis, technology t: IOTechnology, perChain: Int) -> ResultTable {
        let toYi = 1 / t.unitsPerYi
        let columns = [
            ResultColumn(LocalizedText(zh: "产业链", en: "chain")),
            ResultColumn(LocalizedText(zh: "环节", en: "link")),
            ResultColumn(LocalizedText(zh: "链内份额 cⱼₖ", en: "share in chain cⱼₖ"), unit: "share"),
            ResultColumn(LocalizedText(zh: "链产出权重 wⱼₖ", en: "chain output weight wⱼₖ"), unit: "share"),
            ResultColumn(LocalizedText(zh: "单位链需求的投入需求", en: "input requirement per unit of chain demand"), unit: "per unit"),
            ResultColumn(LocalizedText(zh: "链中间产品销售占比", en: "share of the chain's intermediate sales"), unit: "share"),
            ResultColumn(LocalizedText(zh: "单独抽取损失（后向）", en: "extraction loss alone (backward)"), unit: "亿元"),
            ResultColumn(LocalizedText(zh: "单独抽取损失（前向）", en: "extraction loss alone (forward)"), unit: "亿元"),
        ]
        var rows: [ResultRow] = []
        let member = LocalizedText(zh: "链内环节（强链）", en: "member (strengthen)")
        let supplier = LocalizedText(zh: "上游供应（补链）", en: "supplier (fill)")
        let buyer = LocalizedText(zh: "下游用户（延链）", en: "buyer (extend)")
        for p in analysis.profiles {
            let salesTotal = p.chain.sales.reduce(0, +)
            func row(_ j: Int, _ role: LocalizedText, _ loss: ChainExtraction?) -> ResultRow {
                let label = LocalizedText(zh: "\(p.chain.name.zh) · \(TableText.sector(t.sectors[j]).zh)", en: "\(p.chain.name.en) · \(TableText.sector(t.sectors[j]).en)")
                return ResultRow(label, [
                    .text(p.chain.name), .text(role), .number(p.chain.share(of: j)), .number(p.chain.weights[j]),
                    .number(p.requirements[j]), .number(salesTotal > 0 ? p.chain.sales[j] / salesTotal : 0),
                    loss.map { .number($0.backwardLoss * toYi) } ?? .empty,
                    loss.map { .number($0.forwardLoss * toYi) } ?? .empty,
                ])
            }
            for m in membersByLoss(p) { rows.append(row(m.member.sector, member, m.loss)) }
            for j in topOutside(p, p.requirements, count: perChain) { rows.append(row(j, supplier, nil)) }
            for j in topOutside(p, p.chain.sales, count: perChain) { rows.append(row(j, buyer, nil)) }
        }
        return ResultTable(
            id: "industry-chain.chain-links",
            title: LocalizedText(zh: "产业链环节：哪些缺失环节损失最大（强链/补链/延链）", en: "Chain links: which missing links hurt most (strengthen / fill / extend)"),
            rowHeader: LocalizedText(zh: "链 · 部门", en: "chain · sector"), columns: columns, rows: rows,
            notes: [LocalizedText(
                zh: "链内环节按单独抽取（该部门的链内份额）损失排序；上游供应、下游用户各列链外前 \(perChain) 个部门。投入需求 = ((L − I)·wₖ)ᵢ，即每单位链最终需求对部门 i 的直接+间接需求（亿元/亿元）。",
                en: "Members sorted by the loss of extracting that link alone (by its share in the chain); the top \(perChain) suppliers and buyers outside the chain follow. Input requirement = ((L − I)·wₖ)ᵢ, sector i's direct + indirect output per unit of final demand for the chain (亿元 per 亿元).")])
    }
}
