import ScenarioKit

/// The parameter schema of the beijing-transfer module (`binhai modules describe beijing-transfer`).
///
/// ScenarioKit parameters are flat (numbers, texts, lists, number maps), so a tier is not one
/// nested block: each tier attribute is a map keyed by tier id (`candidates: {central_soe: 150}`),
/// and the text attributes are lists of `tier=value` entries (`industry: [zgc_tech=intelligent_tech]`).
/// A variant changes one tier with e.g. `modules.beijing-transfer.p_contact.central_soe: 0.5`.
enum BeijingTransferSchema {
    static let id = "beijing-transfer"

    static let assumptionZh = "假设值（无公开数据）"
    static let assumptionEn = "ASSUMPTION (no published figure)"
    static let calibrationZh = "默认层级按 2022–2024 年公开的北京重大项目规模校准（2022 年 62 个/620.8 亿元，2023 年 95 个/641.2 亿元，2024 年 111 个/759.7 亿元）：期望每年约 96 个落地、约 655 亿元投资"
    static let calibrationEn = "the default tiers are a calibration to the published 2022–2024 Beijing major-project figures (62 projects / 620.8 亿元 in 2022, 95 / 641.2 in 2023, 111 / 759.7 in 2024): about 96 expected relocations and 655 亿元 a year"

    static let tiers = ParameterSpec(
        name: "tiers", type: .textList, defaultValue: .textList(DefaultTier.ids),
        help: LocalizedText(
            zh: "疏解承接层级 id（顺序即报表顺序）。默认：central_soe 央企二三级企业及功能性机构，zgc_tech 中关村关联科技企业，market 其他市场化迁入企业（北京项目中的重大项目）。每个层级的各项参数写在以层级 id 为键的映射中；映射只列出部分层级时，其余默认层级保留默认值，新增层级须在每个必填映射中给值",
            en: "relocation tier ids (in table order). Default: central_soe (central-SOE tier-2/3 subsidiaries and functional institutions), zgc_tech (Zhongguancun-linked technology firms), market (other market-driven firms). Each tier's values are given in maps keyed by tier id; a map that lists only some tiers changes only those (the default tiers keep their defaults), and a new tier needs a value in every required map"))

    static let names = ParameterSpec(
        name: "names", type: .textList,
        defaultValue: .textList(DefaultTier.all.map { "\($0.id)=\($0.zh)|\($0.en)" }),
        help: LocalizedText(
            zh: "层级名称，每项写作 “id=中文名|English name”；未列出的层级以 id 为名",
            en: "tier names, each written \"id=中文名|English name\"; a tier not listed is named by its id"))

    static func countSpec(_ state: RelocationState) -> ParameterSpec {
        let (zh, en): (String, String)
        switch state {
        case .candidate:
            (zh, en) = ("预测首年年初候选池中的企业/机构数（尚未接触）", "firms/institutions in the candidate pool (not yet contacted) at the start of the first forecast year")
        case .contacted:
            (zh, en) = ("预测首年年初已接触（敲门）的数目", "units already contacted (敲门) at the start of the first forecast year")
        case .negotiating:
            (zh, en) = ("预测首年年初洽谈中的数目", "units in negotiation at the start of the first forecast year")
        case .signed:
            (zh, en) = ("预测首年年初已签约未落地的数目", "units signed but not yet relocated at the start of the first forecast year")
        }
        return ParameterSpec(
            name: state.countKey, type: .numberMap, unit: "firms", defaultValue: .numberMap(DefaultTier.map { $0.initial[state.rawValue] }),
            minimum: 0, maximum: 1e7,
            help: LocalizedText(
                zh: "层级 → \(zh)。\(assumptionZh)；默认取每年新增候选的稳态存量 n·N[候选, ·]（取整），使落地流量从首年起大致平稳",
                en: "tier → \(en). \(assumptionEn); the default is the steady-state stock n·N[candidate, ·] of the yearly inflow n (rounded), so that the flow is about level from the first year"))
    }

    static let newCandidates = ParameterSpec(
        name: "new_candidates", type: .numberMap, unit: "firms/yr", defaultValue: .numberMap(DefaultTier.map(\.newCandidates)),
        minimum: 0, maximum: 1e7,
        help: LocalizedText(
            zh: "层级 → 第二个预测年起每年年初新进入候选池的数目（首年的新增已含在 candidates 中）；未列出的新增层级为 0。\(assumptionZh)；\(calibrationZh)",
            en: "tier → units joining the candidate pool at the start of each forecast year after the first (the first year's are part of candidates); 0 for a new tier not listed. \(assumptionEn); \(calibrationEn)"))

    static func advanceSpec(_ state: RelocationState) -> ParameterSpec {
        let (zh, en): (String, String)
        switch state {
        case .candidate:
            (zh, en) = ("候选 → 已接触（敲门）的年概率（参考工作队规模下；实际用 p′ = 1 − (1 − p)^(work_teams/reference_work_teams)）",
                        "yearly probability candidate → contacted (敲门) at the reference work-team effort; the model uses p′ = 1 − (1 − p)^(work_teams/reference_work_teams)")
        case .contacted: (zh, en) = ("已接触 → 洽谈的年概率", "yearly probability contacted → negotiating")
        case .negotiating: (zh, en) = ("洽谈 → 签约的年概率", "yearly probability negotiating → signed")
        case .signed: (zh, en) = ("签约 → 落地（迁入）的年概率", "yearly probability signed → relocated")
        }
        let calibration = state == .candidate
            ? (zh: "；\(calibrationZh)", en: "; \(calibrationEn)") : (zh: "；与 new_candidates 一同校准", en: "; calibrated together with new_candidates")
        return ParameterSpec(
            name: state.advanceKey, type: .numberMap, unit: "share/yr", defaultValue: .numberMap(DefaultTier.map { $0.advance[state.rawValue] }),
            minimum: 0, maximum: 1,
            help: LocalizedText(
                zh: "层级 → \(zh)；与同一状态的退出概率之和须 ≤ 1，余下为留在原状态。\(assumptionZh)\(calibration.zh)",
                en: "tier → \(en); with the same state's withdrawal probability it must sum to ≤ 1, the rest stays another year. \(assumptionEn)\(calibration.en)"))
    }

    static func withdrawSpec(_ state: RelocationState) -> ParameterSpec {
        let (zh, en): (String, String)
        switch state {
        case .candidate: (zh, en) = ("候选", "candidate")
        case .contacted: (zh, en) = ("已接触", "contacted")
        case .negotiating: (zh, en) = ("洽谈", "negotiating")
        case .signed: (zh, en) = ("已签约", "signed")
        }
        return ParameterSpec(
            name: state.withdrawKey, type: .numberMap, unit: "share/yr", defaultValue: .numberMap(DefaultTier.map { $0.withdraw[state.rawValue] }),
            minimum: 0, maximum: 1,
            help: LocalizedText(
                zh: "层级 → 处于“\(zh)”状态者当年退出（不再迁入）的年概率。\(assumptionZh)",
                en: "tier → yearly probability that a unit in state \(en) withdraws (will not relocate). \(assumptionEn)"))
    }

    static let investment = ParameterSpec(
        name: "investment_yi", type: .numberMap, unit: "亿元", defaultValue: .numberMap(DefaultTier.map(\.investmentYi)),
        minimum: 0, maximum: 1e5,
        help: LocalizedText(
            zh: "层级 → 每个落地项目的投资额（亿元；若 source 为外资来源，引擎按亿美元读取）。默认：央企 6.1（2021 年一季度央企二三级企业 28 个项目 171 亿元，公开数据）；中关村 3.0、市场化 12.0 为假设值，按 2022–2024 年重大项目规模校准",
            en: "tier → investment per relocated project (亿元; the engine reads 亿美元 if source is a foreign source). Defaults: central_soe 6.1 (2021 Q1: 28 central-SOE tier-2/3 projects, 171 亿元, published); zgc_tech 3.0 and market 12.0 are ASSUMPTIONS calibrated to the 2022–2024 major-project figures"))

    static let registeredCapital = ParameterSpec(
        name: "registered_capital_yi", type: .numberMap, unit: "亿元", defaultValue: .numberMap(DefaultTier.map(\.registeredCapitalYi)),
        minimum: 0, maximum: 1e5,
        help: LocalizedText(
            zh: "层级 → 每个落地企业/机构的注册资本（亿元，仅报告，不进入引擎）；未列出的新增层级为 0。默认：央企 5.8（2022 年新增央企机构 123 家、注册资本 715.7 亿元，公开数据）；其余为假设值",
            en: "tier → registered capital per relocated firm/institution (亿元; reported only, not fed to the engine); 0 for a new tier not listed. Defaults: central_soe 5.8 (2022: 123 new central-SOE institutions, 715.7 亿元 registered capital, published); the others are ASSUMPTIONS"))

    static let investmentLag = ParameterSpec(
        name: "investment_lag", type: .numberMap, unit: "years", defaultValue: .numberMap([:]), minimum: 0, maximum: 50,
        help: LocalizedText(
            zh: "层级 → 落地后几年开始投资（整数年；0 = 落地当年，未列出为 0）；之后由引擎的到位进度表分年到位。超出预测期的投资不计入",
            en: "tier → whole years from relocation to the start of investment (0 = the relocation year, the default for tiers not listed); the engine's disbursement schedule then spreads it. Investment starting after the last forecast year is left out"))

    static let industry = ParameterSpec(
        name: "industry", type: .textList,
        defaultValue: .textList(DefaultTier.all.map { "\($0.id)=\($0.industry)" }),
        help: LocalizedText(
            zh: "每个层级的产业，每项写作 “层级=产业 id 或名称”，如 zgc_tech=intelligent_tech。默认产业归属为假设",
            en: "industry of each tier, each written \"tier=industry id or name\", e.g. zgc_tech=intelligent_tech. The default assignment is an ASSUMPTION"))

    static let carrier = ParameterSpec(
        name: "carrier", type: .textList,
        defaultValue: .textList(DefaultTier.all.map { "\($0.id)=\($0.carrier)" }),
        help: LocalizedText(
            zh: "每个层级落地的载体，每项写作 “层级=载体 id 或名称”。默认全部为开发区（假设）",
            en: "carrier of each tier, each written \"tier=carrier id or name\". Default: development zones for all (an ASSUMPTION)"))

    static let workTeams = ParameterSpec(
        name: "work_teams", type: .number, unit: "teams", defaultValue: .number(12), minimum: 0, maximum: 10_000,
        help: LocalizedText(
            zh: "招商小分队数。接触概率 p′ = 1 − (1 − p)^(work_teams/reference_work_teams)：每支参考规模的力量相当于一次独立的接触机会；候选中未被接触者的退出率不变，w′ = w·(1 − p′)/(1 − p)。默认 12 为假设值",
            en: "number of work teams (招商小分队). Contact probability p′ = 1 − (1 − p)^(work_teams/reference_work_teams): each reference-sized effort is one independent chance of contact; candidates not contacted keep their withdrawal rate, w′ = w·(1 − p′)/(1 − p). Default 12 is an ASSUMPTION"))

    static let referenceWorkTeams = ParameterSpec(
        name: "reference_work_teams", type: .number, unit: "teams", defaultValue: .number(12), minimum: 0.001, maximum: 10_000,
        help: LocalizedText(
            zh: "p_contact 所对应的工作队数（work_teams 等于它时接触概率不变）",
            en: "work teams that p_contact refers to (work_teams equal to it leaves the contact probabilities unchanged)"))

    static let feedEngine = ParameterSpec(
        name: "feed_engine", type: .boolean, defaultValue: .boolean(true),
        help: LocalizedText(
            zh: "是否把期望落地投资作为重大项目加入引擎（每层级每年一项，金额 = 期望落地数 × 单项投资，概率 1）。这些层级代表在校准基线已含的北京项目之外，由疏解承接工作新增的迁入",
            en: "add the EXPECTED relocation investment to the engine as major projects (one per tier and year, amount = expected relocations × investment_yi, probability 1). The tiers model the programme's relocations on top of the Beijing leads already in the calibrated baseline"))

    static let source = ParameterSpec(
        name: "source", type: .text, defaultValue: .text("beijing"),
        help: LocalizedText(zh: "迁入项目所属的引擎资金来源 id", en: "engine source id the relocations belong to"))

    static let targetCumulative = ParameterSpec(
        name: "target_cumulative_yi", type: .number, unit: "亿元", defaultValue: .number(0), minimum: 0, maximum: 1e7,
        help: LocalizedText(
            zh: "累计投资目标（亿元；0 = 不设）。例如 2027 年目标：北京重大项目累计投资 3500 亿元以上（2023 年“八大工程”）",
            en: "cumulative investment target (亿元; 0 = none). E.g. the 2027 target: more than 3500 亿元 of cumulative Beijing major-project investment (2023 八大工程)"))

    static let targetMeasure = ParameterSpec(
        name: "target_measure", type: .text, defaultValue: .text("planned"), allowedValues: ["planned", "in_place"],
        help: LocalizedText(
            zh: "目标按哪种口径比较：planned = 本模块的累计计划项目投资（公开的北京重大项目投资目标即此口径；达标概率按落地数精确标准差的正态近似），in_place = 引擎中该来源的累计到位额（逐次模拟）",
            en: "what the target is compared with: planned = this module's cumulative planned project investment (the measure of published Beijing major-project targets; P(≥ target) from a normal approximation with the exact SD of the relocation counts), in_place = the engine's cumulative investment in place of the source (per draw)"))

    static let targetYear = ParameterSpec(
        name: "target_year", type: .integer, unit: "year", defaultValue: .integer(0), minimum: 0, maximum: 2200,
        help: LocalizedText(zh: "累计目标的年份（0 = 预测末年）", en: "year of the cumulative target (0 = the last forecast year)"))

    static let progressFrom = ParameterSpec(
        name: "progress_from", type: .integer, unit: "year", defaultValue: .integer(0), minimum: 0, maximum: 2200,
        help: LocalizedText(zh: "累计自哪一年起算（0 = 预测首年）", en: "first year counted in the cumulative sums (0 = the first forecast year)"))

    static let achievedBefore = ParameterSpec(
        name: "achieved_before_yi", type: .number, unit: "亿元", defaultValue: .number(0), minimum: 0, maximum: 1e7,
        help: LocalizedText(
            zh: "progress_from 之前已完成、计入累计目标的金额（亿元），加到每年的累计值上",
            en: "amount already achieved toward the cumulative target before progress_from (亿元), added to every cumulative value"))

    static let parameters: [ParameterSpec] =
        [tiers, names]
        + RelocationState.allCases.map(countSpec)
        + [newCandidates]
        + RelocationState.allCases.map(advanceSpec)
        + RelocationState.allCases.map(withdrawSpec)
        + [investment, registeredCapital, investmentLag, industry, carrier, workTeams, referenceWorkTeams, feedEngine, source,
           targetCumulative, targetMeasure, targetYear, progressFrom, achievedBefore]

    static let descriptor = ModuleDescriptor(
        id: id, version: "1.0.0",
        title: LocalizedText(zh: "北京非首都功能疏解承接", en: "Transfer of Beijing non-capital functions"),
        summary: LocalizedText(
            zh: "按层级用吸收马尔可夫链（候选 → 敲门接触 → 洽谈 → 签约 → 落地/退出）预测北京疏解项目的落地概率、所需年数和逐年期望落地数（含标准差）、投资与注册资本；招商小分队提高接触率；把期望落地投资作为重大项目加入预测，并报告累计投资对目标（如 2027 年 3500 亿元）的进度与达标概率。",
            en: "Per relocation tier, an absorbing Markov chain (candidate → contacted → negotiating → signed → relocated / withdrawn) gives the probability and expected years to relocate, expected relocations per year with their standard deviation, investment and registered capital; work teams raise contact rates; the expected relocation investment is fed to the forecast as major projects, and cumulative investment is tracked against a target (e.g. 3500 亿元 by 2027) with the probability of reaching it."),
        parameters: parameters)
}
