import ScenarioKit

/// Side-by-side single projects (e.g. 100 亿元 in 智能科技 vs 100 亿元 in 新能源).
enum ProjectTable {
    static func table(_ projects: [ProjectImpact], technology t: IOTechnology, outputPerInvestment rho: Double) -> ResultTable {
        let typeII = t.households != nil
        var columns = [
            ResultColumn(LocalizedText(zh: "投资额", en: "investment"), unit: "亿元"),
            ResultColumn(LocalizedText(zh: "项目年产出", en: "project's annual output"), unit: "亿元/yr"),
        ]
        columns += t.indicators.map { TableText.column($0) }
        if typeII { columns += t.indicators.map { TableText.column($0, suffix: ("（II 型）", " (Type II)")) } }
        var rows: [ResultRow] = []
        for p in projects {
            let construction = LocalizedText(zh: "\(p.name.zh) · 建设期（一次性）", en: "\(p.name.en) · construction (one-off)")
            var cells: [ResultCell] = [.number(p.amount), .empty] + p.construction.map { .number($0) }
            if typeII { cells += (p.constructionTypeII ?? []).map { .number($0) } }
            rows.append(ResultRow(construction, cells))
            let operation = LocalizedText(zh: "\(p.name.zh) · 运营期（每年）", en: "\(p.name.en) · operation (per year)")
            if let op = p.operation {
                var cells: [ResultCell] = [.number(p.amount), .number(p.annualOutput)] + op.map { .number($0) }
                if typeII { cells += (p.operationTypeII ?? []).map { .number($0) } }
                rows.append(ResultRow(operation, cells))
            } else {
                rows.append(ResultRow(operation, [.number(p.amount), .empty] + [ResultCell](repeating: .empty, count: columns.count - 2)))
            }
        }
        return ResultTable(
            id: "industry-chain.projects",
            title: LocalizedText(zh: "单个项目的产业链带动对比", en: "What one project brings: comparison by industry"),
            rowHeader: LocalizedText(zh: "项目 · 阶段", en: "project · phase"), columns: columns, rows: rows,
            notes: [
                LocalizedText(
                    zh: "建设期：投资购买投资品，Δy = 投资额 × 桥接列（fu201 时各产业相同，故同额项目建设期带动相同）。运营期：项目年产出 = 投资额 × \(rho)（output_per_investment，假设值）作为该产业链产品的最终需求，按链内部门产出权重 wₖ 分摊；Δx = L·Δy，含项目自身产出。",
                    en: "Construction: the investment buys investment goods, Δy = amount × bridge column (with fu201 the same for every industry, so projects of equal size have equal construction impacts). Operation: the project's annual output = amount × \(rho) (output_per_investment, an assumption) as final demand for the chain's products, spread by the chain's output weights wₖ; Δx = L·Δy includes the project's own output."),
                LocalizedText(
                    zh: "确定性计算（不经过蒙特卡洛）；无产业链部门的产业（如“其他”）不报告运营期。",
                    en: "Deterministic (no Monte Carlo); industries without chain sectors (e.g. other) have no operation phase."),
            ])
    }
}
