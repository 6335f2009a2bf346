import Foundation
import InputOutput
import ScenarioKit

/// `industry-chain.national-vs-regional`: what a chain (and each project) brings to China and
/// what stays in the region, side by side. A chain's output multiplier is Σₖ wₖ·mₖ over its
/// sectors (the chain weights); the regional one uses the regionalised table (r_ij =
/// a_ij·min(1, LQ_ij)); retained = regional / national.
enum RegionalTable {
    static func table(
        chains: IndustryChainSet, national: IOTechnology, regional: IOTechnology, regionalization: Regionalization,
        nationalProjects: [ProjectImpact], regionalProjects: [ProjectImpact]
    ) -> ResultTable {
        var table = ResultTable(
            id: "industry-chain.national-vs-regional",
            title: LocalizedText(zh: "全国与区域读数对照（\(regionalization.method)）", en: "National and regional readings (\(regionalization.method))"),
            rowHeader: LocalizedText(zh: "产业链 / 项目", en: "chain / project"),
            columns: [
                ResultColumn(LocalizedText(zh: "全国", en: "national"), decimals: 3),
                ResultColumn(LocalizedText(zh: "区域", en: "regional"), decimals: 3),
                ResultColumn(LocalizedText(zh: "留在区域", en: "retained in region"), unit: "%", decimals: 1),
            ])
        let mn = national.analysis.outputMultipliers, mr = regional.analysis.outputMultipliers
        for chain in chains.chains {
            let a = zip(chain.weights, mn).reduce(0) { $0 + $1.0 * $1.1 }
            let b = zip(chain.weights, mr).reduce(0) { $0 + $1.0 * $1.1 }
            table.rows.append(ResultRow(
                LocalizedText(zh: "\(chain.name.zh) · 产出乘数", en: "\(chain.name.en) · output multiplier"),
                [.number(a), .number(b), .number(a > 0 ? 100 * b / a : 0)]))
        }
        for (p, q) in zip(nationalProjects, regionalProjects) {
            let a = p.construction.first ?? 0, b = q.construction.first ?? 0
            table.rows.append(ResultRow(
                LocalizedText(zh: "\(p.name.zh) · 建设期产出（亿元）", en: "\(p.name.en) · construction output (亿元)"),
                [.number(a), .number(b), .number(a > 0 ? 100 * b / a : 0)]))
            if let oa = p.operation?.first, let ob = q.operation?.first {
                table.rows.append(ResultRow(
                    LocalizedText(zh: "\(p.name.zh) · 投产后年产出（亿元/年）", en: "\(p.name.en) · output per year in operation (亿元/yr)"),
                    [.number(oa), .number(ob), .number(oa > 0 ? 100 * ob / oa : 0)]))
            }
        }
        table.notes = [
            LocalizedText(
                zh: "区域系数 r_ij = a_ij·min(1, LQ_ij)，λ* = \(String(format: "%.4f", regionalization.sizeFactor))；全国读数假设所有投入都在中国境内生产，区域读数只计在区域内购买的投入。区域读数的好坏取决于区域部门权重（regional-weights.csv，默认值多为假设），可用统计年鉴分部门数据替换。",
                en: "Regional coefficients r_ij = a_ij·min(1, LQ_ij), λ* = \(String(format: "%.4f", regionalization.sizeFactor)); the national reading assumes every input is produced in China, the regional one counts only inputs bought in the region. The regional reading is as good as the regional sector weights (regional-weights.csv; mostly assumptions by default): replace them with the statistical yearbook's sector figures."),
        ]
        return table
    }
}
