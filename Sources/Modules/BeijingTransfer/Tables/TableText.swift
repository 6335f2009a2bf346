import ScenarioKit

/// Labels shared by the module's tables.
enum TableText {
    static func state(_ s: RelocationState) -> LocalizedText {
        switch s {
        case .candidate: return LocalizedText(zh: "候选", en: "candidate")
        case .contacted: return LocalizedText(zh: "已接触（敲门）", en: "contacted")
        case .negotiating: return LocalizedText(zh: "洽谈中", en: "negotiating")
        case .signed: return LocalizedText(zh: "已签约", en: "signed")
        }
    }

    /// "a · b" in both languages.
    static func join(_ a: LocalizedText, _ b: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "\(a.zh) · \(b.zh)", en: "\(a.en) · \(b.en)")
    }

    static func number(_ v: Double) -> ResultCell { v.isFinite ? .number(v) : .empty }

    static let assumptions = LocalizedText(
        zh: "转移概率、候选池规模、新增候选和工作队效应均为假设值（无公开数据）；默认层级按 2022–2024 年公开的北京重大项目数和投资额（62–111 个、620.8–759.7 亿元/年）校准。",
        en: "Transition probabilities, candidate pools, new candidates and the work-team effect are ASSUMPTIONS (nothing is published); the default tiers are calibrated to the published 2022–2024 Beijing major-project counts and investment (62–111 projects, 620.8–759.7 亿元 a year).")
}
