import ScenarioKit

/// `beijing-transfer.relocations`: per forecast year, each tier and the total.
enum RelocationTable {
    static func table(_ tiers: [TierForecast], years: [Int]) -> ResultTable {
        var table = ResultTable(
            id: "beijing-transfer.relocations",
            title: LocalizedText(zh: "逐年期望落地数与投资", en: "Expected relocations and investment by year"),
            rowHeader: LocalizedText(zh: "年份 · 层级", en: "Year · tier"),
            columns: [
                ResultColumn(LocalizedText(zh: "期望落地数", en: "Expected relocations"), unit: "firms", decimals: 1),
                ResultColumn(LocalizedText(zh: "落地数标准差", en: "SD of relocations"), unit: "firms", decimals: 1),
                ResultColumn(LocalizedText(zh: "累计期望落地数", en: "Cumulative relocations"), unit: "firms", decimals: 1),
                ResultColumn(LocalizedText(zh: "累计落地数标准差", en: "SD of cumulative relocations"), unit: "firms", decimals: 1),
                ResultColumn(LocalizedText(zh: "当年开始的投资", en: "Investment starting"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "累计投资", en: "Cumulative investment"), unit: "亿元", decimals: 1),
                ResultColumn(LocalizedText(zh: "落地企业注册资本", en: "Registered capital of relocations"), unit: "亿元", decimals: 1),
            ])
        var cumulativeInvestment = [Double](repeating: 0, count: tiers.count)
        for (y, year) in years.enumerated() {
            var total = [Double](repeating: 0, count: 7)
            for (k, tier) in tiers.enumerated() {
                let p = tier.projection
                cumulativeInvestment[k] += tier.investmentStarting[y]
                let cells = [
                    p.relocations[y], p.relocationVariance[y], p.cumulativeRelocations[y], p.cumulativeVariance[y],
                    tier.investmentStarting[y], cumulativeInvestment[k], tier.registeredCapital[y],
                ]
                for c in 0..<7 { total[c] += cells[c] }  // variances add: tiers are independent
                table.rows.append(
                    ResultRow(
                        TableText.join(LocalizedText(String(year)), tier.settings.name),
                        [.number(cells[0]), .number(cells[1].squareRoot()), .number(cells[2]), .number(cells[3].squareRoot()),
                         .number(cells[4]), .number(cells[5]), .number(cells[6])]))
            }
            table.rows.append(
                ResultRow(
                    TableText.join(LocalizedText(String(year)), LocalizedText(zh: "合计", en: "total")),
                    [.number(total[0]), .number(total[1].squareRoot()), .number(total[2]), .number(total[3].squareRoot()),
                     .number(total[4]), .number(total[5]), .number(total[6])]))
        }
        table.notes = [
            LocalizedText(
                zh: "π₁ = 预测首年年初各状态数；每年落地 = Σᵢ πᵢ·R[i, 落地]；π_{y+1} = π_y·Q + 当年年初新增候选。标准差：每个单位的落地年份是一个类别变量，单位相互独立时当年落地数是独立伯努利变量之和，方差 Σ p(1 − p)（p = 该单位当年落地的概率，由 Qᵏ·R 得出）；合计行假设层级间独立。",
                en: "π₁ = units in each state at the start of the first forecast year; relocations in a year = Σᵢ πᵢ·R[i, relocated]; π_{y+1} = π_y·Q + the new candidates joining at the start of the year. Standard deviation: each unit's relocation year is a categorical variable, so with independent units the yearly count is a sum of independent Bernoulli variables, variance Σ p(1 − p) (p = that unit's probability of relocating in the year, from Qᵏ·R); the total rows assume independent tiers."),
            LocalizedText(
                zh: "投资 = 期望落地数 × 单项投资，从落地后 investment_lag 年开始（引擎再按到位进度分年到位）；这是输入引擎的计划投资，不是到位额。",
                en: "Investment = expected relocations × investment per relocation, starting investment_lag years after relocation (the engine then spreads it with its disbursement schedule); this is the planned investment fed to the engine, not investment in place."),
            TableText.assumptions,
        ]
        return table
    }
}
