import ScenarioKit

/// The parameter schema of the capital-mix module (`binhai modules describe capital-mix`).
///
/// ScenarioKit parameters are flat (numbers, texts, lists, maps of numbers), so records such as
/// "a source's {state, foreign, private} shares" are written as one number map per ownership
/// class keyed by source id (`ownership_state: {beijing: 0.6}`), and the fund categories'
/// attributes as one map per attribute keyed by category id, or as a CSV file (`categories`).
enum CapitalMixSchema {
    static let id = "capital-mix"

    // MARK: Published figures and documented assumptions behind the defaults

    /// 2016 Jan–Jul share of private firms in Tianjin's domestic capital (BINHAI-FACTS, conf. M).
    static let tianjinPrivateShare2016 = 0.78
    /// Assumed state share of Beijing-source investment (central-SOE relocations; no published split).
    static let beijingStateShare = 0.6
    /// 海河产业基金 2025 report: 2083 亿元 of investment in 343 landed projects for 742.4 亿元
    /// committed in 81 parent funds (haihefund.cn / enorth.com.cn, conf. H/M).
    static let realisedLeverage = 2083.0 / 742.4
    /// Assumed guidance-fund money per forecast year (亿元).
    static let fundPerYear = 20.0

    /// Default ownership of each known source: (state, foreign, private).
    static let sourceDefaults: [String: OwnershipShares] = [
        "beijing": OwnershipShares(state: beijingStateShare, foreign: 0, private: 0.4),
        "other_domestic": OwnershipShares(state: 0.22, foreign: 0, private: tianjinPrivateShare2016),
        "foreign": OwnershipShares(state: 0, foreign: 1, private: 0),
    ]

    /// Default ownership of the social capital a category attracts: domestic capital with the 2016
    /// Tianjin private share (the same for every category: no split by industry is published).
    static let categoryDefaultOwnership = OwnershipShares(state: 0.22, foreign: 0, private: tianjinPrivateShare2016)

    static func sourceDefault(_ k: OwnershipClass) -> ParameterValue {
        .numberMap(sourceDefaults.mapValues { $0[k] })
    }

    // MARK: Ownership of the engine's investment by source

    static let ownershipState = ParameterSpec(
        name: "ownership_state", type: .numberMap, unit: "share", defaultValue: sourceDefault(.state), minimum: 0, maximum: 1,
        help: LocalizedText(
            zh: "来源 id → 该来源到位额中国资的比重。与 ownership_foreign、ownership_private 三者之和须为 1（逐来源，误差 1e-9）；只写需要改的来源，其余沿用默认。默认：beijing 0.6（假设：央企疏解项目以国资为主，无公开比例；2021 年一季度仅央企二三级企业就占北京项目投资约 171/641 ≈ 27 %）；other_domestic 0.22（= 1 − 0.78，0.78 为 2016 年 1–7 月天津内资中民营企业占比，新闻转引，置信度 M）；foreign 0。",
            en: "source id → share of state capital in that source's investment in place. With ownership_foreign and ownership_private the three must sum to 1 per source (within 1e-9); list only the sources you change, the others keep their defaults. Defaults: beijing 0.6 (ASSUMPTION: central-SOE relocations make it state-heavy; no split is published — in 2021 Q1 central-SOE tier-2/3 firms alone were about 171/641 ≈ 27 % of Beijing-project investment); other_domestic 0.22 (= 1 − 0.78, the PUBLISHED 2016 Jan–Jul private share of Tianjin's domestic capital, news page quoting officials, confidence M); foreign 0."))

    static let ownershipForeign = ParameterSpec(
        name: "ownership_foreign", type: .numberMap, unit: "share", defaultValue: sourceDefault(.foreign), minimum: 0, maximum: 1,
        help: LocalizedText(
            zh: "来源 id → 该来源到位额中外资的比重。默认：foreign 1（实际利用外资按定义全部为外资），beijing 0，other_domestic 0。",
            en: "source id → share of foreign capital in that source's investment in place. Defaults: foreign 1 (实际利用外资 is foreign by definition), beijing 0, other_domestic 0."))

    static let ownershipPrivate = ParameterSpec(
        name: "ownership_private", type: .numberMap, unit: "share", defaultValue: sourceDefault(.private), minimum: 0, maximum: 1,
        help: LocalizedText(
            zh: "来源 id → 该来源到位额中民资的比重。默认：other_domestic 0.78（2016 年天津内资民营企业占比，置信度 M，用作滨海默认值）；beijing 0.4（假设，= 1 − 0.6）；foreign 0。",
            en: "source id → share of private capital in that source's investment in place. Defaults: other_domestic 0.78 (PUBLISHED 2016 Tianjin private share of domestic capital, confidence M, used as Binhai's default); beijing 0.4 (ASSUMPTION, = 1 − 0.6); foreign 0."))

    // MARK: The guidance fund

    static let fundPerYearSpec = ParameterSpec(
        name: "fund_per_year_yi", type: .number, unit: "亿元/yr", defaultValue: .number(fundPerYear), minimum: 0, maximum: 1e6,
        help: LocalizedText(
            zh: "每个预测年投入的引导基金（亿元）。默认 20（假设：滨海新区的基金规模未公开；作为量级参考，天津市海河产业基金 2017–2025 年共认缴 742.4 亿元）。",
            en: "guidance-fund money committed in each forecast year (亿元). Default 20 (ASSUMPTION: Binhai's fund size is not published; for scale, Tianjin's municipal 海河产业基金 committed 742.4 亿元 in 2017–2025)."))

    static let fundByYear = ParameterSpec(
        name: "fund_by_year_yi", type: .numberMap, unit: "亿元", defaultValue: .numberMap([:]), minimum: 0, maximum: 1e6,
        help: LocalizedText(
            zh: "年份 → 当年引导基金（亿元），覆盖所列年份的 fund_per_year_yi，如 {2021: 10, 2022: 30}。分配按整个预测期合计 F 求解，各年按其占 F 的比例分摊。",
            en: "year → guidance-fund money that year (亿元), replacing fund_per_year_yi for the years listed, e.g. {2021: 10, 2022: 30}. The allocation is solved for the horizon total F; each year gets its share of F."))

    static let leverage = ParameterSpec(
        name: "leverage", type: .number, unit: "亿元 per 亿元", defaultValue: .number(realisedLeverage), minimum: 0, maximum: 1000,
        help: LocalizedText(
            zh: "杠杆 k：每 1 亿元基金带动的社会资本（亿元），各类别默认值。默认 2083/742.4 ≈ 2.81（已实现：海河产业基金 2025 年报告 343 个落地项目投资 2083 亿元、认缴 742.4 亿元，置信度 H/M；该比值是项目总投资与基金之比，按“社会资本/基金”使用略有高估）。2017 年方案宣称的是 5000/200 = 25 倍（200 亿元财政资金撬动 5000 亿元基金规模），为计划值而非实现值。",
            en: "leverage k: 亿元 of social capital each 亿元 of fund money brings, the default for every category. Default 2083/742.4 ≈ 2.81 (REALISED: Tianjin's 海河产业基金 reported 343 landed projects with 2083 亿元 of investment for 742.4 亿元 committed, 2025, confidence H/M; that ratio is total project investment per fund yuan, so reading it as social capital per yuan slightly overstates). The 2017 plan announced 5000/200 = 25× (200 亿元 of public money to lever 5000 亿元 of fund size), a plan figure, not a realised one."))

    // MARK: Fund categories

    static let categories = ParameterSpec(
        name: "categories", type: .text, defaultValue: .text("industries"),
        help: LocalizedText(
            zh: "基金投向类别（“21 大类”未公开）：industries = 情景的每个产业一类（默认 1+3+4 与其他），优先级 = 产业在数据集中的投资占比、“其他”为 0（假设：基金投向 1+3+4），杠杆 = leverage，所带动资本的构成 = 国资 0.22/民资 0.78（2016 年天津内资构成，各类相同：无分产业公开数据）；或数据集文件夹中（或绝对路径）的 CSV 文件，列 id,name_zh,name_en,priority,leverage,support_rate,state,foreign,private,minimum_yi,nonnegative（id、priority 必填），用于填入自己的 21 类。",
            en: "fund categories (the '21 categories' are not published): industries = one category per scenario industry (the 1+3+4 and 其他 by default) with priority = the industry's investment share in the dataset and 0 for 'other' (ASSUMPTION: the fund backs the 1+3+4), leverage = `leverage`, attracted capital state 0.22 / private 0.78 (the 2016 Tianjin domestic mix, the same for every category: no split by industry is published); or a CSV file in the dataset folder (or an absolute path) with columns id,name_zh,name_en,priority,leverage,support_rate,state,foreign,private,minimum_yi,nonnegative (id and priority required), to supply your own 21."))

    static let priority = ParameterSpec(
        name: "priority", type: .numberMap, unit: "weight", defaultValue: .numberMap([:]), minimum: 0, maximum: 1e9,
        help: LocalizedText(
            zh: "类别 id（或名称）→ 期望分配的相对权重，覆盖默认；期望额 = 权重占比 × F。",
            en: "category id (or name) → relative weight of the desired allocation, overriding the default; desired amount = weight share × F."))

    static let categoryLeverage = ParameterSpec(
        name: "category_leverage", type: .numberMap, unit: "亿元 per 亿元", defaultValue: .numberMap([:]), minimum: 0, maximum: 1000,
        help: LocalizedText(
            zh: "类别 → 杠杆 k（每亿元基金带动的社会资本），覆盖 leverage。",
            en: "category → leverage k (social capital per 亿元 of fund money), overriding `leverage`."))

    static let supportRate = ParameterSpec(
        name: "support_rate", type: .numberMap, unit: "share", defaultValue: .numberMap([:]), minimum: 0.001, maximum: 1,
        help: LocalizedText(
            zh: "类别 → 支持比例 s（基金出资占项目总投资的比重），换算杠杆 k = (1 − s)/s；同一类别不可同时给 category_leverage。",
            en: "category → support rate s (share of a project the fund finances), giving leverage k = (1 − s)/s; not together with category_leverage for the same category."))

    static let categoryState = ParameterSpec(
        name: "category_state", type: .numberMap, unit: "share", defaultValue: .numberMap([:]), minimum: 0, maximum: 1,
        help: LocalizedText(
            zh: "类别 → 所带动社会资本中国资的比重；与 category_foreign、category_private 之和须为 1。",
            en: "category → share of state capital in the social capital it attracts; with category_foreign and category_private it must sum to 1."))

    static let categoryForeign = ParameterSpec(
        name: "category_foreign", type: .numberMap, unit: "share", defaultValue: .numberMap([:]), minimum: 0, maximum: 1,
        help: LocalizedText(zh: "类别 → 所带动社会资本中外资的比重。", en: "category → share of foreign capital in the social capital it attracts."))

    static let categoryPrivate = ParameterSpec(
        name: "category_private", type: .numberMap, unit: "share", defaultValue: .numberMap([:]), minimum: 0, maximum: 1,
        help: LocalizedText(zh: "类别 → 所带动社会资本中民资的比重。", en: "category → share of private capital in the social capital it attracts."))

    static let minimum = ParameterSpec(
        name: "minimum_yi", type: .numberMap, unit: "亿元", defaultValue: .numberMap([:]), minimum: 0, maximum: 1e6,
        help: LocalizedText(
            zh: "类别 → 整个预测期的最低基金额（亿元），如对“1”智能科技的保底。",
            en: "category → minimum fund money over the horizon (亿元), e.g. a floor for the '1' (intelligent technology)."))

    static let mayBeNegative = ParameterSpec(
        name: "may_be_negative", type: .textList, defaultValue: .textList([]),
        help: LocalizedText(
            zh: "允许分配为负的类别（如表示从该类调出资金）；默认所有类别非负。",
            en: "categories whose allocation may go below zero (money moved out of them); by default every category is non-negative."))

    static let targetMix = ParameterSpec(
        name: "target_mix", type: .numberMap, unit: "share", defaultValue: .numberMap([:]), minimum: 0, maximum: 1,
        allowedValues: OwnershipClass.allCases.map(\.rawValue),
        help: LocalizedText(
            zh: "基金带动的社会资本的目标构成（国资/外资/民资比重），如 {private: 0.6}；给出的类别须可达（在各类别该比重的范围内），三者都给时和须为 1。默认不设目标（按优先级分配）。",
            en: "target ownership of the social capital the fund mobilises, e.g. {private: 0.6}; each must be reachable (within the categories' range of that share), and all three together must sum to 1. Default: no target (allocation by priority)."))

    static let parameters = [
        ownershipState, ownershipForeign, ownershipPrivate, fundPerYearSpec, fundByYear, leverage, categories, priority,
        categoryLeverage, supportRate, categoryState, categoryForeign, categoryPrivate, minimum, mayBeNegative, targetMix,
    ]

    static let descriptor = ModuleDescriptor(
        id: id, version: "1.0.0",
        title: LocalizedText(zh: "资本结构与引导基金", en: "Capital mix and guidance fund"),
        summary: LocalizedText(
            zh: "把预测的招商到位额按来源拆成国资/外资/民资（逐次抽样的 P10/P50/P90 与占比），并按优先级把引导基金分配到各投向类别：在总额与目标资本构成的等式约束下使偏离优先级最小（LAPACK dgglse 等式约束最小二乘，需要时非负），报告带动的社会资本与杠杆。",
            en: "Splits the forecast investment in place into state/foreign/private capital by source (P10/P50/P90 over the draws, and shares), and allocates the guidance fund over categories with least deviation from priorities subject to the total and a target ownership mix (equality-constrained least squares, LAPACK dgglse; non-negative where required), reporting the social capital mobilised and the leverage."),
        parameters: parameters)
}
