import InputOutput
import ScenarioKit

/// The ranked list of sectors to target, with every component of the score shown.
enum TargetTable {
    static func table(
        _ targets: [SectorTarget], catalogue: IndustryCatalogue, technology t: IOTechnology, topN: Int, focus: String? = nil
    ) -> ResultTable {
        let hasGap = targets.first?.localGap != nil
        var columns = [
            ResultColumn(LocalizedText(zh: "排名", en: "rank")),
            ResultColumn(LocalizedText(zh: "策略", en: "role")),
            ResultColumn(LocalizedText(zh: "理由", en: "reasons")),
            ResultColumn(LocalizedText(zh: "综合得分", en: "score"), unit: "0–1"),
            ResultColumn(LocalizedText(zh: "产出乘数", en: "output multiplier"), unit: "per unit"),
            ResultColumn(LocalizedText(zh: "增加值乘数", en: "value-added multiplier"), unit: "per unit"),
            ResultColumn(LocalizedText(zh: "后向关联 BL", en: "backward linkage BL")),
            ResultColumn(LocalizedText(zh: "前向关联 FL", en: "forward linkage FL")),
            ResultColumn(LocalizedText(zh: "抽取损失占比", en: "extraction loss share"), unit: "share"),
            ResultColumn(LocalizedText(zh: "产业链关联度", en: "chain relevance"), unit: "share"),
            ResultColumn(LocalizedText(zh: "全国产出占比", en: "national output share"), unit: "share"),
        ]
        if hasGap {
            columns += [
                ResultColumn(LocalizedText(zh: "滨海结构权重", en: "Binhai mix weight"), unit: "share"),
                ResultColumn(LocalizedText(zh: "本地缺口（代理）", en: "local gap (proxy)"), unit: "share points"),
            ]
        }
        let rows = targets.prefix(topN).enumerated().map { k, target -> ResultRow in
            var cells: [ResultCell] = [
                .text(LocalizedText(String(k + 1))), .text(target.role.label), .text(reasons(target, catalogue: catalogue)),
                .number(target.score), .number(target.outputMultiplier),
                target.valueAddedMultiplier.map { .number($0) } ?? .empty,
                .number(target.backwardLinkage), .number(target.forwardLinkage),
                .number(target.extractionShare), .number(target.chainRelevance), .number(target.nationalShare),
            ]
            if hasGap {
                cells += [target.localWeight.map { .number($0) } ?? .empty, target.localGap.map { .number($0) } ?? .empty]
            }
            return ResultRow(TableText.sector(t.sectors[target.sector]), cells)
        }
        return ResultTable(
            id: "industry-chain.targets",
            title: LocalizedText(zh: "招商目标部门排名（强链/补链/延链）", en: "Sectors to target (strengthen / fill / extend the chains)"),
            rowHeader: LocalizedText(zh: "部门", en: "sector"), columns: columns, rows: Array(rows),
            notes: [
                LocalizedText(
                    zh: "综合得分 = 各项百分位排名（0 最低，1 最高）的平均：后向关联、前向关联、抽取损失占比（后向与前向损失均值 / 全国总产出）、产业链关联度（上游需求占比与下游销售占比的均值）\(hasGap ? "、本地缺口" : "")\(focus.map { "、聚焦权重（\($0) 分组：部门所属产业组比例 ÷ 最大比例，按对照表加权）" } ?? "")。透明的排序合成，不是最优化结果。",
                    en: "Score = mean of the percentile ranks (0 lowest, 1 highest) of: backward linkage, forward linkage, extraction-loss share (mean of backward and forward loss / national total output), chain relevance (mean of the chains' upstream-requirement share and downstream-sales share)\(hasGap ? ", local gap" : "")\(focus.map { ", focus weight (grouping \($0): the group ratio of the sector's industries over the largest, weighted by the concordance)" } ?? ""). A transparent rank composite, not an optimisation."),
                LocalizedText(
                    zh: "策略：链内部门若滨海权重 ≥ 全国（LQ ≥ 1）为强链，否则为补链；链外部门若主要为链供货为补链，主要购买链产品为延链。",
                    en: "Role: a chain sector is 'strengthen' when Binhai's weight is at least the national one (LQ ≥ 1), else 'fill'; a sector outside the chains is 'fill' when it mainly supplies them, 'extend' when it mainly buys from them."),
                LocalizedText(
                    zh: "本地缺口（代理指标）= 全国产出占比 nⱼ − 滨海结构权重 bⱼ；bⱼ 把情景的产业结构（数据集 industries.csv 的投资占比）按全国产出分摊到部门，“其他”分摊到各部门未归入产业链的部分。滨海没有公布的分部门产出，故为代理；同一产业内部的分摊沿用全国结构。",
                    en: "Local gap (a proxy) = national output share nⱼ − Binhai mix weight bⱼ, where bⱼ spreads the scenario's industry mix (the dataset's industries.csv investment shares) over sectors like national output, and 'other' over the part of every sector outside the chains. Binhai publishes no sector breakdown of output, hence a proxy; within one industry the split follows the national structure."),
            ])
    }

    static func reasons(_ t: SectorTarget, catalogue: IndustryCatalogue) -> LocalizedText {
        var zh: [String] = [], en: [String] = []
        switch t.keySector {
        case .key: zh.append("关键部门（BL、FL 均 > 1）"); en.append("key sector (BL, FL > 1)")
        case .backward: zh.append("后向拉动强（BL > 1）"); en.append("strong backward pull (BL > 1)")
        case .forward: zh.append("前向推动强（FL > 1）"); en.append("strong forward push (FL > 1)")
        case .weak: break
        }
        func names(_ ids: [String]) -> (String, String) {
            let n = ids.map { catalogue.name(of: $0) }
            return (n.map(\.zh).joined(separator: "、"), n.map(\.en).joined(separator: ", "))
        }
        if !t.memberOf.isEmpty { let n = names(t.memberOf); zh.append("属于\(n.0)链"); en.append("in the \(n.1) chain") }
        if !t.supplies.isEmpty && t.upstreamShare >= t.downstreamShare {
            let n = names(t.supplies); zh.append("为\(n.0)链供货"); en.append("supplies \(n.1)")
        }
        if !t.buysFrom.isEmpty && t.downstreamShare > t.upstreamShare {
            let n = names(t.buysFrom); zh.append("购买\(n.0)链产品"); en.append("buys from \(n.1)")
        }
        if let gap = t.localGap {
            if gap > 0 { zh.append("滨海结构中权重低于全国"); en.append("under-weighted in Binhai's mix") }
            else if gap < 0 { zh.append("滨海结构中权重高于全国"); en.append("over-weighted in Binhai's mix") }
        }
        return LocalizedText(zh: zh.joined(separator: "；"), en: en.joined(separator: "; "))
    }
}
