import ForecastEngine
import Foundation
import ScenarioFiles
import ScenarioKit
import Vocabulary
import Yams

/// One form field of the what-if editor: a scenario key (the same path `binhai run --set` and
/// `variants:` take) with its current value, bounds, unit and help in both languages.
public struct LeverField: Sendable, Equatable {
    public enum Kind: String, Sendable { case number, integer, boolean, choice, yaml }
    /// The scenario key path (the form field's name).
    public var name: String
    public var label: LocalizedText
    public var help: LocalizedText
    public var unit: String?
    public var kind: Kind
    /// The current value as text (numbers shortest, lists and maps in YAML flow style).
    public var value: String
    public var minimum: Double?
    public var maximum: Double?
    public var choices: [String] = []
}

/// A titled group of fields (the plan, effort by year, sources, major projects, one per module).
public struct LeverGroup: Sendable {
    public var id: String
    public var title: LocalizedText
    public var fields: [LeverField]
}

/// The what-if editor's levers, generated from what already describes them: the engine keys the
/// scenario format reads (plan, draws, effort by year, lead rates per source, arrival volatility,
/// major projects) and each used module's typed parameter schema (`ParameterSpec`: type, bounds,
/// unit, zh/en help) — so a module loaded with `--plugin` gets its form for free.
public enum LeverForm {
    /// The groups of fields for the baseline of `spec`, values as they stand.
    public static func groups(for spec: ScenarioSpec) -> [LeverGroup] {
        let p = spec.baseline.parameters
        var groups: [LeverGroup] = []
        groups.append(LeverGroup(id: "plan", title: .init(zh: "计划与模拟", en: "Plan and simulation"), fields: [
            LeverField(
                name: "plan.multiplier", label: .init(zh: "倍增倍数", en: "Plan multiplier"),
                help: .init(zh: "目标 = 基年到位额 × 倍数", en: "target = base-year investment in place × multiplier"),
                unit: "×", kind: .number, value: format(p.plan.multiplier), minimum: 0.01, maximum: 100),
            LeverField(
                name: "plan.target_year", label: .init(zh: "目标年", en: "Target year"),
                help: .init(zh: "计划的最后一年", en: "the plan's last year"), unit: nil, kind: .integer,
                value: "\(p.plan.targetYear)", minimum: Double(p.plan.baseYear + 1), maximum: 2100),
            LeverField(
                name: "engine.draws", label: .init(zh: "模拟次数", en: "Monte Carlo draws"),
                help: .init(zh: "越多越准，越慢", en: "more is more precise and slower"), unit: nil, kind: .integer,
                value: "\(p.draws)", minimum: 1, maximum: nil),
            LeverField(
                name: "engine.seed", label: .init(zh: "随机种子", en: "Seed"),
                help: .init(zh: "相同种子给出相同结果", en: "the same seed gives the same numbers"), unit: nil, kind: .integer,
                value: "\(p.seed)", minimum: 0, maximum: nil),
            LeverField(
                name: "engine.arrival_volatility", label: .init(zh: "线索到达波动", en: "Arrival volatility"),
                help: .init(zh: "每年线索数的随机波动（对数标准差）", en: "year-to-year noise of lead arrivals (log standard deviation)"),
                unit: nil, kind: .number, value: format(p.arrivalVolatility), minimum: 0, maximum: 1),
        ]))
        var effort: [LeverField] = []
        if p.plan.targetYear > p.plan.baseYear {
            for year in (p.plan.baseYear + 1)...p.plan.targetYear {
                effort.append(LeverField(
                    name: "engine.effort.\(year)", label: .init(zh: "\(year)年", en: "\(year)"),
                    help: .init(zh: "招商力度倍数（乘以新线索数）；已有实际数的年份不受影响", en: "effort multiplier on new leads; years with actual figures are not affected"),
                    unit: "×", kind: .number, value: format(p.effort.value(in: year)), minimum: 0, maximum: 100))
            }
        }
        groups.append(LeverGroup(id: "effort", title: .init(zh: "招商力度（按年）", en: "Effort by year"), fields: effort))
        groups.append(LeverGroup(id: "sources", title: .init(zh: "各来源线索率", en: "Lead rates by source"), fields: p.sources.map { s in
            LeverField(
                name: "engine.sources.\(s.id).lead_rate", label: s.name,
                help: .init(zh: "新线索率相对校准值的倍数（0.7 = 少 30%）", en: "new-lead rate relative to the calibrated one (0.7 = 30 % fewer)"),
                unit: "×", kind: .number, value: format(s.leadRateMultiplier), minimum: 0, maximum: 1000)
        }))
        if !p.majorProjects.isEmpty {
            var fields: [LeverField] = []
            for m in p.majorProjects {
                let name = LocalizedText(zh: m.name, en: m.name)
                fields.append(LeverField(
                    name: "engine.major_projects.\(m.name).\(landsKey)", label: .init(zh: m.name + " · 纳入", en: m.name + " · on"),
                    help: .init(zh: "取消勾选 = 项目落空（概率设为 0）", en: "unticked = the project falls through (probability 0)"),
                    unit: nil, kind: .boolean, value: m.probability > 0 ? "true" : "false"))
                fields.append(LeverField(
                    name: "engine.major_projects.\(m.name).probability", label: name,
                    help: .init(zh: "落地概率（0 = 项目落空）", en: "probability it lands (0 = it falls through)"),
                    unit: nil, kind: .number, value: format(m.probability), minimum: 0, maximum: 1))
                fields.append(LeverField(
                    name: "engine.major_projects.\(m.name).year", label: .init(zh: m.name + " · 年份", en: m.name + " · year"),
                    help: .init(zh: "预计落地年份", en: "expected year of landing"), unit: nil, kind: .integer,
                    value: "\(m.expectedYear)", minimum: Double(p.plan.baseYear + 1), maximum: Double(p.plan.targetYear)))
            }
            groups.append(LeverGroup(id: "majors", title: .init(zh: "重大项目", en: "Major projects"), fields: fields))
        }
        var seen: Set<String> = []
        for use in spec.baseline.modules where seen.insert(use.id).inserted {
            let fields = use.descriptor.parameters.map { ps in
                moduleField(ps, value: use.values.value(ps), prefix: "modules.\(use.id).")
            }
            groups.append(LeverGroup(id: "module-\(use.id)", title: use.descriptor.title, fields: fields))
        }
        return groups
    }

    static func moduleField(_ ps: ParameterSpec, value: ParameterValue?, prefix: String) -> LeverField {
        let kind: LeverField.Kind
        switch ps.type {
        case .number: kind = .number
        case .integer: kind = .integer
        case .boolean: kind = .boolean
        case .text: kind = ps.allowedValues == nil ? .yaml : .choice
        case .numberList, .textList, .numberMap: kind = .yaml
        }
        return LeverField(
            name: prefix + ps.name, label: .init(zh: ps.name, en: ps.name), help: ps.help, unit: ps.unit, kind: kind,
            value: value.map(format) ?? "", minimum: ps.minimum, maximum: ps.maximum, choices: ps.allowedValues ?? [])
    }

    /// The on/off field of a major project (not a scenario key: off sets its probability to 0).
    static let landsKey = "on"

    // MARK: Values as text

    /// A number in its shortest form (`1`, `0.7`, `20000`).
    public static func format(_ v: Double) -> String {
        if v.isFinite, v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// A module parameter's value as the form shows it (YAML flow style for lists and maps).
    static func format(_ v: ParameterValue) -> String {
        switch v {
        case let .number(x): return format(x)
        case let .integer(i): return "\(i)"
        case let .text(s): return s
        case let .boolean(b): return b ? "true" : "false"
        case let .numberList(xs): return "[" + xs.map(format).joined(separator: ", ") + "]"
        case let .textList(xs): return "[" + xs.joined(separator: ", ") + "]"
        case let .numberMap(m): return "{" + m.keys.sorted().map { "\($0): \(format(m[$0]!))" }.joined(separator: ", ") + "}"
        }
    }

    // MARK: Form to overrides

    /// The overrides for the fields whose submitted value differs from the current one (numbers
    /// compared as numbers). An unchecked checkbox is absent from a form: a boolean field counts
    /// as false when the form carries the field list (`present`).
    /// - Throws: `ScenarioFileError` at the field for a list or map that is not YAML.
    public static func overrides(_ form: [String: String], groups: [LeverGroup]) throws -> [ParameterOverride] {
        var out: [ParameterOverride] = []
        // On/off fields last, so "off" wins over a probability typed in the same submission.
        let all = groups.flatMap(\.fields)
        let ordered = all.filter { !$0.name.hasSuffix("." + landsKey) } + all.filter { $0.name.hasSuffix("." + landsKey) }
        for field in ordered {
            let origin = SourceLocation(file: "form field \(field.name)", line: 1, column: 1)
            var submitted: String
            if field.kind == .boolean {
                guard form["present." + field.name] != nil || form[field.name] != nil else { continue }
                submitted = form[field.name].map { $0 == "false" ? "false" : "true" } ?? "false"
            } else {
                guard let s = form[field.name] else { continue }
                submitted = s.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if submitted == field.value { continue }
            if let a = Double(submitted), let b = Double(field.value), a == b { continue }
            if submitted.isEmpty && field.kind != .yaml { submitted = field.value }
            if submitted == field.value { continue }
            let node: Node
            if field.kind == .yaml && (submitted.hasPrefix("[") || submitted.hasPrefix("{")) {
                do {
                    guard let n = try Yams.compose(yaml: submitted) else { throw YamlError.dataCouldNotBeDecoded(encoding: .utf8) }
                    node = n
                } catch {
                    throw ScenarioFileError(location: origin, keyPath: field.name, message: "expected a YAML list [a, b] or mapping {key: value}, got \"\(submitted)\"")
                }
            } else {
                node = Node(submitted)
            }
            if field.name.hasSuffix("." + landsKey) {
                // On/off of a major project: off is probability 0 (on again keeps the typed probability).
                if submitted == "false" {
                    let path = String(field.name.dropLast(landsKey.count)) + "probability"
                    out.removeAll { $0.path == path }
                    out.append(ParameterOverride(path: path, value: Node("0"), origin: origin))
                }
                continue
            }
            out.append(ParameterOverride(path: field.name, value: node, origin: origin))
        }
        return out
    }

    /// The indicators a figure can be entered for (history.csv's names): full-year amounts and
    /// growth rates, and year-to-date amounts for the periods whose seasonal share the dataset
    /// states (`estimation.seasonal_shares`; other periods cannot be used by the growth estimate).
    public static func actualIndicators(for spec: ScenarioSpec) -> [String] {
        let periods: [Int: String] = [
            2: "jan_feb", 3: "q1", 4: "jan_apr", 5: "jan_may", 6: "h1", 7: "jan_jul", 8: "jan_aug", 9: "q3", 10: "jan_oct", 11: "jan_nov",
        ]
        let months = spec.dataset.observationAssumptions.seasonalShares.keys.sorted()
        var out: [String] = []
        for currency in ["total", "domestic", "foreign"] {
            out.append("\(currency)_in_place")
            out += months.compactMap { periods[$0].map { "\(currency)_in_place_\($0)" } }
            out.append("\(currency)_growth")
        }
        return out
    }

    /// `text` with `overrides` applied and an `actuals:` row appended (when given), as YAML.
    /// Unchanged text comes back as it was (comments kept).
    public static func apply(_ overrides: [ParameterOverride], actual: [String: String]?, to text: String, file: String) throws -> String {
        guard !overrides.isEmpty || actual != nil else { return text }
        var root = try YAMLValue.parse(text, file: file).node
        for o in overrides { root = try o.apply(to: root) }
        if let actual, case var .mapping(map) = root {
            var row: [(Node, Node)] = []
            for key in ["year", "indicator", "value", "status", "note"] {
                if let v = actual[key], !v.isEmpty { row.append((Node(key), Node(v))) }
            }
            let item = Node.mapping(Node.Mapping(row, .implicit, .flow))
            var pairs = Array(map)
            if let i = pairs.firstIndex(where: { $0.key.scalar?.string == "actuals" }), case let .sequence(seq) = pairs[i].value {
                pairs[i].value = .sequence(Node.Sequence(Array(seq) + [item], seq.tag, seq.style, seq.mark))
            } else {
                pairs.append((Node("actuals"), .sequence(Node.Sequence([item]))))
            }
            map = Node.Mapping(pairs, map.tag, map.style, map.mark)
            root = .mapping(map)
        }
        return "# Made on the BinhaiSim web page (binhai serve); `binhai run` on this file gives the page's numbers.\n"
            + (try Yams.serialize(node: root, allowUnicode: true))
    }
}
