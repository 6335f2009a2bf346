import Foundation
import Reports
import ScenarioKit

/// `binhai modules list` / `describe`: the catalogue and one module's parameter schema as tables
/// and JSON.
public struct ModuleCatalogueBriefing: Sendable {
    public let descriptors: [ModuleDescriptor]
    public let language: Language

    public init(descriptors: [ModuleDescriptor], language: Language = .zh) {
        self.descriptors = descriptors
        self.language = language
    }

    func pick(_ t: LocalizedText) -> String { language.pick(t.zh, t.en) }

    /// One row per module: id, version, title.
    public func listTable() -> Table {
        var t = Table(
            title: language.pick("可用的情景模块", "Available scenario modules"),
            columns: [.init("id"), .init(language.pick("版本", "version")), .init(language.pick("名称", "title"))])
        for d in descriptors { t.append([d.id, d.version, pick(d.title)]) }
        t.notes = [language.pick(
            "在情景文件的 modules: 中用 `- use: ID` 引用；`binhai modules describe ID` 查看参数。",
            "Use one in a scenario file with `modules: [- use: ID]`; `binhai modules describe ID` shows its parameters.")]
        return t
    }

    /// The parameter table of `d`: name, type, unit, default (or "required"), bounds or allowed
    /// values, help.
    public func parameterTable(_ d: ModuleDescriptor) -> Table {
        var t = Table(
            title: "\(d.id) \(d.version) — \(pick(d.title))",
            columns: [
                .init(language.pick("参数", "parameter")), .init(language.pick("类型", "type")),
                .init(language.pick("单位", "unit")), .init(language.pick("默认值", "default")),
                .init(language.pick("范围/可选值", "bounds / allowed")), .init(language.pick("说明", "help")),
            ])
        for p in d.parameters {
            var range = pick(p.boundsDescription)
            if let allowed = p.allowedValues {
                range += (range.isEmpty ? "" : "; ") + (p.type == .numberMap ? language.pick("键：", "keys: ") : "")
                    + allowed.joined(separator: ", ")
            }
            t.append([
                p.name, p.type.rawValue, p.unit ?? "",
                p.defaultValue.map(Self.text) ?? language.pick("（必填）", "(required)"), range, pick(p.help),
            ])
        }
        t.notes = [pick(d.summary)]
        if d.parameters.isEmpty { t.notes.append(language.pick("此模块没有参数。", "This module takes no parameters.")) }
        return t
    }

    /// A parameter value as a scenario file would write it: `2.5`, `[0.3, 0.4]`, `{a: 1}`, `""`.
    public static func text(_ v: ParameterValue) -> String {
        func n(_ d: Double) -> String { d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d) }
        switch v {
        case let .number(d): return n(d)
        case let .integer(i): return String(i)
        case let .text(s): return s.isEmpty ? "\"\"" : s
        case let .boolean(b): return b ? "true" : "false"
        case let .numberList(l): return "[" + l.map(n).joined(separator: ", ") + "]"
        case let .textList(l): return "[" + l.joined(separator: ", ") + "]"
        case let .numberMap(m): return "{" + m.sorted { $0.key < $1.key }.map { "\($0.key): \(n($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// JSON of the descriptors (the list) or of one descriptor: ids, versions, titles and
    /// summaries in both languages, parameters with `type`, `unit`, `required`, `default`,
    /// `minimum`, `maximum`, `allowed_values`, `help`.
    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
