import ScenarioKit

/// Parameters of `carrier-mechanisms` (docs/MODULES.md). Pairs of carriers are written
/// `FROM>TO` (ids or names), e.g. `streets_towns>development_zones`.
enum CarrierMechanismsSchema {
    static let parameters: [ParameterSpec] = [
        ParameterSpec(
            name: "towns", type: .boolean, defaultValue: .boolean(true),
            help: LocalizedText(
                zh: "报告一镇一产业：按数据集 towns.csv 为各街镇确定主导产业并分配街镇到位额",
                en: "report 一镇一产业: lead industries of the streets/towns of the dataset's towns.csv and their shares of the street/town investment")),
        ParameterSpec(
            name: "town_carrier", type: .text, defaultValue: .text("streets_towns"),
            help: LocalizedText(zh: "街镇所属的载体 id", en: "carrier id whose investment the towns share")),
        ParameterSpec(
            name: "distinct_leads", type: .boolean, defaultValue: .boolean(true),
            help: LocalizedText(
                zh: "主导产业错位：每个产业至多主导 ⌈街镇数/产业数⌉ 个街镇（精确指派）",
                en: "distinct leads: no industry leads more than ⌈towns / industries⌉ towns (exact assignment)")),
        ParameterSpec(
            name: "lead_bonus", type: .number, unit: "share", defaultValue: .number(0.5), minimum: 0, maximum: 10,
            help: LocalizedText(
                zh: "主导产业的吸引力加成（假设）：该街镇在其主导产业中的权重 ×(1+加成)",
                en: "pull of a town's lead industry (assumption): its weight in that industry × (1 + bonus)")),
        ParameterSpec(
            name: "second_bonus", type: .number, unit: "share", defaultValue: .number(0.2), minimum: 0, maximum: 10,
            help: LocalizedText(zh: "第二产业的吸引力加成（假设）", en: "pull of a town's second industry (assumption)")),
        ParameterSpec(
            name: "referrals", type: .numberMap, unit: "share", defaultValue: .numberMap([:]), minimum: 0, maximum: 1,
            help: LocalizedText(
                zh: "飞地招商：来源载体>承接载体 → 转介的项目比例 φ",
                en: "飞地 referrals: ORIGIN>DESTINATION → share φ of the origin's projects referred")),
        ParameterSpec(
            name: "referral_counted_share", type: .numberMap, unit: "share", defaultValue: .numberMap([:]), minimum: 0,
            maximum: 1,
            help: LocalizedText(
                zh: "分享期内计入来源载体的统计比例 σ（未列出：0.5，假设）",
                en: "share σ of the referred investment counted to the origin while sharing (not listed: 0.5, assumption)")),
        ParameterSpec(
            name: "referral_years", type: .numberMap, unit: "years", defaultValue: .numberMap([:]), minimum: 0, maximum: 50,
            help: LocalizedText(
                zh: "统计分享年限 L（自开始年起；未列出：3，假设）", en: "years L of sharing from the start (not listed: 3, assumption)")),
        ParameterSpec(
            name: "referral_recovered", type: .numberMap, unit: "share", defaultValue: .numberMap([:]), minimum: 0, maximum: 10,
            help: LocalizedText(
                zh: "转介挽留的新增投资 κ（否则流失的项目；未列出：0）",
                en: "extra investment κ kept in the area by the referral (projects otherwise lost; not listed: 0)")),
        ParameterSpec(
            name: "referral_start", type: .integer, unit: "year", defaultValue: .integer(0), minimum: 0, maximum: 2200,
            help: LocalizedText(zh: "飞地机制开始年（0：第一预测年）", en: "first year of the referrals (0: the first forecast year)")),
        ParameterSpec(
            name: "mentoring", type: .numberMap, unit: "×", defaultValue: .numberMap([:]), minimum: 0.1, maximum: 10,
            help: LocalizedText(
                zh: "招商帮带：帮扶载体>受帮载体 → 受帮载体落地前各阶段推进率的倍数",
                en: "招商帮带: MENTOR>MENTEE → factor on the mentee's stage-advance rates before landing")),
        ParameterSpec(
            name: "mentoring_cost", type: .numberMap, unit: "share", defaultValue: .numberMap([:]), minimum: 0, maximum: 1,
            help: LocalizedText(
                zh: "帮扶载体因抽调工作专班损失的到位额比例（未列出：0）",
                en: "share of the mentor's investment in place lost to the work teams it lends (not listed: 0)")),
        ParameterSpec(
            name: "mentoring_start", type: .integer, unit: "year", defaultValue: .integer(0), minimum: 0, maximum: 2200,
            help: LocalizedText(zh: "帮带开始年（0：第一预测年）", en: "first year of mentoring (0: the first forecast year)")),
    ]

    static let descriptor = ModuleDescriptor(
        id: "carrier-mechanisms", version: "1.0.0",
        title: LocalizedText(zh: "载体机制：一镇一产业、飞地招商、招商帮带", en: "Carrier mechanisms"),
        summary: LocalizedText(
            zh: "按区位商与承载能力为各街镇确定主导产业并分配街镇到位额（逐年 P10/P50/P90）；飞地项目在载体间转介并分享统计，报告转介前后各载体的落地额与计入额；帮带提高受帮载体的阶段推进率，报告对受帮载体与总额的影响。",
            en: "Lead industries of the streets/towns by location quotient × capacity and each town's share of the street/town investment (P10/P50/P90 by year); 飞地 referrals between carriers with shared statistics, located and counted investment by carrier before and after; mentoring raising a mentee's stage-advance rates, with its effect on the mentee and the total."),
        parameters: parameters)
}
