import ScenarioKit

/// The parameter schema of the industry-chain module (`binhai modules describe industry-chain`).
enum IndustryChainSchema {
    static let id = "industry-chain"

    static let bridge = ParameterSpec(
        name: "bridge", type: .text, defaultValue: .text("fu201"),
        help: LocalizedText(
            zh: "投资→最终需求的桥接矩阵：fu201 = 用投入产出表固定资本形成列 FU201 的产品构成（各产业相同）；或数据集文件夹中的 CSV 文件名（行为部门代码，列为产业 id，每列之和为 1）",
            en: "bridge from investment to final demand: fu201 = the product composition of the IO table's gross fixed capital formation column FU201 (same for every industry); or the name of a CSV file in the dataset folder (rows sector codes, columns industry ids, each column sums to 1)"))

    static let households = ParameterSpec(
        name: "households", type: .text, defaultValue: .text("none"),
        help: LocalizedText(
            zh: "II 型乘数（居民内生）：none，或 收入行:消费列，如 VA001:TC（劳动者报酬 → 居民消费）",
            en: "Type II (households endogenous): none, or INCOME_ROW:CONSUMPTION_COLUMN, e.g. VA001:TC (compensation of employees → household consumption)"))

    static let employmentRow = ParameterSpec(
        name: "employment_row", type: .text, defaultValue: .text("auto"),
        help: LocalizedText(
            zh: "就业卫星账户在 F 表中的行名：auto = 若有名为 EMPLOYMENT 或 JOBS 的行则使用；none = 不报告就业；或给出行名",
            en: "F row holding employment: auto = use a row named EMPLOYMENT or JOBS if the table has one; none = no employment; or the row label"))

    static let employmentUnit = ParameterSpec(
        name: "employment_unit", type: .text, defaultValue: .text("persons"),
        help: LocalizedText(zh: "就业行的单位（仅用于表头），如 persons 或 万人", en: "unit of the employment row (for headers only), e.g. persons or 10k persons"))

    static let topN = ParameterSpec(
        name: "top_n", type: .integer, unit: "sectors", defaultValue: .integer(10), minimum: 1, maximum: 1000,
        help: LocalizedText(zh: "招商目标部门排名及分部门影响表显示的部门数", en: "number of sectors shown in the target ranking and the impact-by-sector table"))

    static let chains = ParameterSpec(
        name: "chains", type: .textList, defaultValue: .textList([]),
        help: LocalizedText(
            zh: "分析的产业链（产业 id 或中文名）；空 = 对照表中的全部产业（默认 1+3+4）",
            en: "chains to analyse (industry ids or names); empty = every industry of the concordance (the 1+3+4 by default)"))

    static let projects = ParameterSpec(
        name: "projects", type: .numberMap, unit: "亿元", defaultValue: .numberMap([:]), minimum: 0, maximum: 1e6,
        help: LocalizedText(
            zh: "单个项目对比：产业 → 投资额（亿元），每项视为一个独立项目，如 {intelligent_tech: 100, new_energy: 100}",
            en: "single-project comparison: industry → investment (亿元); each entry is one separate project, e.g. {intelligent_tech: 100, new_energy: 100}"))

    static let outputPerInvestment = ParameterSpec(
        name: "output_per_investment", type: .number, unit: "亿元/yr per 亿元", defaultValue: .number(1), minimum: 0, maximum: 100,
        help: LocalizedText(
            zh: "项目投产后每亿元投资的年产出（亿元/年，假设值，默认 1:1），用于项目对比的运营期影响",
            en: "annual output per 亿元 invested once a project is in production (亿元 a year; an assumption, default 1:1), for the operation-phase impact of the project comparison"))

    static let ioUnitsPerYi = ParameterSpec(
        name: "io_units_per_yi", type: .number, unit: "table units per 亿元", defaultValue: .number(10_000), minimum: 1e-12, maximum: 1e12,
        help: LocalizedText(
            zh: "投入产出表货币单位与亿元之比：10000 = 表以万元计（国家统计局表）；1 = 表以亿元计",
            en: "IO-table money units per 亿元: 10000 when the table is in 万元 (NBS tables); 1 when it is in 亿元"))

    static let regionalize = ParameterSpec(
        name: "regionalize", type: .text, defaultValue: .text("none"),
        help: LocalizedText(
            zh: "区域读数：none（全国表），或 slq、cilq、flq、flq:δ、aflq（区位商法，用数据集的 regional-weights.csv 与 regional-total.csv；FLQ 的 δ 默认 0.3，文献范围 0.1–0.4）；给出时另加全国与区域乘数对照表",
            en: "the regional reading: none (the national table), or slq, cilq, flq, flq:δ, aflq (location quotients on the dataset's regional-weights.csv and regional-total.csv; FLQ δ default 0.3, literature 0.1–0.4); when given, a table puts national and regional multipliers side by side"))

    static let focus = ParameterSpec(
        name: "focus", type: .text, defaultValue: .text("none"),
        help: LocalizedText(
            zh: "招商聚焦分组（数据集 focus-groups.csv 中的名称，如 4-2-1）：给出时，部门的聚焦权重（按对照表映射的产业组比例）作为目标排名的又一项；none = 不用",
            en: "focus grouping (a name in the dataset's focus-groups.csv, e.g. 4-2-1): when given, each sector's focus weight (its industries' group ratios through the concordance) is one more component of the target ranking; none = not used"))

    static let parameters = [
        bridge, households, employmentRow, employmentUnit, topN, chains, projects, outputPerInvestment, ioUnitsPerYi,
        regionalize, focus,
    ]

    static let descriptor = ModuleDescriptor(
        id: id, version: "1.0.0",
        title: LocalizedText(zh: "产业链招商", en: "Industry-chain investment attraction"),
        summary: LocalizedText(
            zh: "用投入产出表（里昂惕夫模型）把预测的招商到位额转化为逐年的总产出、增加值、进口和就业影响（含 P10/P50/P90），分析 1+3+4 产业链的关联、关键部门与假设抽取，并给出强链/补链/延链的目标部门排名。",
            en: "Turns the forecast investment in place into year-by-year output, value-added, import and employment impacts with the Leontief model (P10/P50/P90 over the draws), analyses linkages, key sectors and hypothetical extraction of the 1+3+4 chains, and ranks sectors to target (strengthen / fill / extend the chains)."),
        parameters: parameters)
}
