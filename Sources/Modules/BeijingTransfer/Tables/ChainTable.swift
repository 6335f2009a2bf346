import ScenarioKit

/// `beijing-transfer.chain`: per tier and current state, the absorbing chain's answers.
enum ChainTable {
    static func table(_ tiers: [TierForecast], settings: BeijingTransferSettings) -> ResultTable {
        let reloc = RelocationOutcome.relocated.rawValue, wd = RelocationOutcome.withdrawn.rawValue
        var table = ResultTable(
            id: "beijing-transfer.chain",
            title: LocalizedText(zh: "疏解承接链：落地概率与所需年数", en: "Relocation chain: probabilities and expected years"),
            rowHeader: LocalizedText(zh: "层级 · 当前状态", en: "Tier · current state"),
            columns: [
                ResultColumn(LocalizedText(zh: "最终落地概率", en: "P(relocate)"), unit: "%", decimals: 1),
                ResultColumn(LocalizedText(zh: "最终退出概率", en: "P(withdraw)"), unit: "%", decimals: 1),
                ResultColumn(LocalizedText(zh: "至落地或退出的期望年数", en: "Expected years to relocation or withdrawal"), unit: "years", decimals: 2),
                ResultColumn(LocalizedText(zh: "其标准差", en: "Its standard deviation"), unit: "years", decimals: 2),
                ResultColumn(LocalizedText(zh: "落地所需期望年数（以落地为条件）", en: "Expected years to relocation, given relocation"), unit: "years", decimals: 2),
                ResultColumn(LocalizedText(zh: "每年接触概率（含工作队效应）", en: "Yearly contact probability (with work teams)"), unit: "%", decimals: 1),
            ])
        for tier in tiers {
            let c = tier.chain
            let conditional = c.conditionalExpectedSteps(absorbedIn: reloc)
            let variance = c.stepVariance
            for s in RelocationState.allCases {
                let i = s.rawValue
                table.rows.append(
                    ResultRow(TableText.join(tier.settings.name, TableText.state(s)), [
                        .number(100 * c.absorption[i, reloc]), .number(100 * c.absorption[i, wd]),
                        .number(c.expectedSteps[i]), TableText.number(variance[i].squareRoot()),
                        TableText.number(conditional[i]),
                        s == .candidate ? .number(100 * tier.probabilities.advance[0]) : .empty,
                    ]))
            }
        }
        let k = settings.workTeams / settings.referenceWorkTeams
        table.notes = [
            LocalizedText(
                zh: "每年一步的吸收马尔可夫链：候选 → 已接触 → 洽谈 → 签约 → 落地，各状态均可退出。基本矩阵 N = (I − Q)⁻¹；期望年数 t = N·1（落地或退出当年计为一年）；吸收概率 B = N·R；以落地为条件的期望年数 (N·B落地)ᵢ / Bᵢ,落地（条件链，Kemeny–Snell）；年数方差 (2N − I)t − t²。",
                en: "Absorbing Markov chain with one step a year: candidate → contacted → negotiating → signed → relocated, with withdrawal from every state. Fundamental matrix N = (I − Q)⁻¹; expected years t = N·1 (the year of relocation or withdrawal counts as one); absorption probabilities B = N·R; expected years given relocation (N·B_reloc)ᵢ / Bᵢ,reloc (the conditioned chain, Kemeny–Snell); variance of the years (2N − I)t − t²."),
            LocalizedText(
                zh: "工作队效应：接触概率 p′ = 1 − (1 − p)^(\(fmt(settings.workTeams))/\(fmt(settings.referenceWorkTeams)))，即 k = \(fmt(k))；未被接触的候选退出率不变，w′ = w·(1 − p′)/(1 − p)。",
                en: "Work teams: contact probability p′ = 1 − (1 − p)^(\(fmt(settings.workTeams))/\(fmt(settings.referenceWorkTeams))), i.e. k = \(fmt(k)); candidates not contacted keep their withdrawal rate, w′ = w·(1 − p′)/(1 − p)."),
            TableText.assumptions,
        ]
        return table
    }
}
