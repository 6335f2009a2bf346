import Foundation
import ModuleInputs
import ScenarioKit

/// `investment-focus` (招商聚焦与包保): the "4-2-1" focus on the industries' lead shares
/// (`FocusShares`, grouping from the dataset's focus-groups.csv) and 重大项目包保 on the
/// scenario's major projects (`ProjectSupport`). Prepare phase: both change the engine's
/// inputs; analyze phase: the focus table and the with/without-包保 tables.
///
/// "Focus on 4-2-1" and "without 包保" are variants a planner switches: `focus_intensity` and
/// `support` (see scenarios/carrier-mechanisms.yaml).
public struct InvestmentFocusModule: ScenarioModule {
    public static let descriptor = ModuleDescriptor(
        id: "investment-focus", version: "1.0.0",
        title: LocalizedText(zh: "招商聚焦与重大项目包保", en: "Investment focus and major-project support"),
        summary: LocalizedText(
            zh: "按“4-2-1”等命名产业分组的比例提高相应产业的线索份额（聚焦强度可调，0 为不聚焦）；重大项目包保：有包保责任人的项目落地概率提高（去除一定比例的不落地风险）并可提前落地，报告有无包保的对比及最依赖包保的项目。",
            en: "Raises the lead shares of the industries of a named grouping such as \"4-2-1\" by their group ratios (intensity adjustable, 0 = no focus); 重大项目包保: projects with a responsible official land with a higher probability (a share of the risk of not landing removed) and possibly earlier; reports with vs without 包保 and the projects that depend on it most."),
        parameters: [
            ParameterSpec(
                name: "grouping", type: .text, defaultValue: .text("4-2-1"),
                help: LocalizedText(zh: "聚焦分组（数据集 focus-groups.csv 中的名称）", en: "focus grouping (a name in the dataset's focus-groups.csv)")),
            ParameterSpec(
                name: "focus_intensity", type: .number, defaultValue: .number(0), minimum: 0, maximum: 10,
                help: LocalizedText(
                    zh: "聚焦强度 a：产业线索权重 × (1 + a × 组比例/最大比例)；0 = 不聚焦",
                    en: "focus intensity a: an industry's lead weight × (1 + a × its group ratio / the largest); 0 = no focus")),
            ParameterSpec(
                name: "support", type: .boolean, defaultValue: .boolean(true),
                help: LocalizedText(zh: "是否实行重大项目包保", en: "apply 重大项目包保")),
            ParameterSpec(
                name: "supported_projects", type: .textList, defaultValue: .textList([]),
                help: LocalizedText(zh: "实行包保的重大项目名称（空 = 情景的全部重大项目）", en: "names of the major projects under 包保 (empty = all of the scenario's)")),
            ParameterSpec(
                name: "responsible", type: .textList, defaultValue: .textList([]),
                help: LocalizedText(zh: "包保责任人/单位：“项目名=责任人”", en: "responsible official or unit: \"PROJECT=OFFICIAL\"")),
            ParameterSpec(
                name: "drop_out_reduction", type: .number, unit: "share", defaultValue: .number(0.3), minimum: 0, maximum: 1,
                help: LocalizedText(
                    zh: "包保去除的不落地风险比例 e（假设）：p' = p + (1 − p)·e",
                    en: "share e of the risk of not landing that 包保 removes (assumption): p' = p + (1 − p)·e")),
            ParameterSpec(
                name: "years_earlier", type: .integer, unit: "years", defaultValue: .integer(0), minimum: 0, maximum: 10,
                help: LocalizedText(zh: "包保使落地提前的年数（不早于第一预测年）", en: "years by which 包保 brings the landing forward (not before the first forecast year)")),
            ParameterSpec(
                name: "project_drop_out_reduction", type: .numberMap, unit: "share", defaultValue: .numberMap([:]), minimum: 0,
                maximum: 1,
                help: LocalizedText(zh: "按项目的 e（项目名 → e）", en: "e by project (name → e)")),
            ParameterSpec(
                name: "project_years_earlier", type: .numberMap, unit: "years", defaultValue: .numberMap([:]), minimum: 0,
                maximum: 10,
                help: LocalizedText(zh: "按项目的提前年数（项目名 → 年）", en: "years earlier by project (name → years)")),
        ])
    static var id: String { descriptor.id }

    let context: ModuleContext
    let grouping: FocusGrouping?
    let intensity: Double
    let supports: [ProjectSupport]

    public init(parameters: ModuleParameters, context: ModuleContext) throws {
        self.context = context
        let id = Self.id
        intensity = parameters.number("focus_intensity") ?? 0
        let name = parameters.text("grouping") ?? "4-2-1"
        grouping = intensity > 0
            ? try FocusGrouping.read(
                name, folder: context.datasetFolder, industries: context.industryLookup, entries: context.industries, module: id,
                keyPath: "grouping")
            : nil
        guard parameters.boolean("support") ?? true else {
            supports = []
            return
        }
        let majors = context.majorProjects
        func project(_ text: String, _ keyPath: String) throws(ModuleError) -> MajorProjectInput {
            guard let p = majors.first(where: { $0.name == text }) else {
                let known = majors.map(\.name)
                throw ModuleError(
                    module: id, keyPath: keyPath,
                    message: "no major project '\(text)' in the scenario (it has: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
            }
            return p
        }
        let listed = parameters.textList("supported_projects") ?? []
        var chosen: [MajorProjectInput] = []
        for (i, text) in listed.enumerated() { chosen.append(try project(text, "supported_projects[\(i)]")) }
        if listed.isEmpty { chosen = majors }
        var responsible: [String: String] = [:]
        for (i, text) in (parameters.textList("responsible") ?? []).enumerated() {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ModuleError(module: id, keyPath: "responsible[\(i)]", message: "expected PROJECT=OFFICIAL, got \"\(text)\"")
            }
            let p = try project(parts[0], "responsible[\(i)]")
            guard chosen.contains(where: { $0.name == p.name }) else {
                throw ModuleError(module: id, keyPath: "responsible[\(i)]", message: "\(p.name) is not under 包保 (supported_projects)")
            }
            responsible[p.name] = parts[1]
        }
        let e = parameters.number("drop_out_reduction") ?? 0.3, k = parameters.integer("years_earlier") ?? 0
        let byProjectE = parameters.numberMap("project_drop_out_reduction") ?? [:]
        let byProjectK = parameters.numberMap("project_years_earlier") ?? [:]
        for key in byProjectE.keys.sorted() { _ = try project(key, "project_drop_out_reduction.\(key)") }
        for (key, v) in byProjectK.sorted(by: { $0.key < $1.key }) {
            _ = try project(key, "project_years_earlier.\(key)")
            guard v == v.rounded() else {
                throw ModuleError(module: id, keyPath: "project_years_earlier.\(key)", message: "expected a whole number of years, got \(v)")
            }
        }
        supports = chosen.map { p in
            ProjectSupport(
                project: p, responsible: responsible[p.name] ?? "", dropOutReduction: byProjectE[p.name] ?? e,
                yearsEarlier: byProjectK[p.name].map { Int($0) } ?? k)
        }
    }

    public func prepare(_ inputs: inout EngineInputs) throws {
        if let grouping { FocusShares.apply(grouping, intensity: intensity, to: &inputs.industries) }
        for s in supports {
            for k in inputs.majorProjects.indices where inputs.majorProjects[k].name == s.project.name {
                var current = s
                current.project = inputs.majorProjects[k]
                inputs.majorProjects[k] = current.supported(baseYear: inputs.baseYear)
            }
        }
    }

    public func analyze(_ o: EngineOutputs, into results: inout ResultSet) throws {
        if let grouping { results.add(FocusTables.focus(grouping, intensity: intensity, outputs: o, context: context)) }
        if !supports.isEmpty {
            results.add(FocusTables.support(supports, baseYear: context.baseYear))
            results.add(FocusTables.supportRanking(supports, baseYear: context.baseYear))
        }
    }
}
