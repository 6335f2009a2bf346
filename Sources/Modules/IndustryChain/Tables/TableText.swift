import InputOutput
import ScenarioKit

/// Labels shared by the module's tables.
enum TableText {
    static func sector(_ s: Sector) -> LocalizedText {
        LocalizedText(zh: "\(s.code) \(s.nameZh ?? s.nameEn ?? "")", en: "\(s.code) \(s.nameEn ?? s.nameZh ?? "")")
    }

    static func keySector(_ c: KeySectorClass) -> LocalizedText {
        switch c {
        case .key: return LocalizedText(zh: "关键部门", en: "key sector")
        case .backward: return LocalizedText(zh: "后向关联型", en: "backward-oriented")
        case .forward: return LocalizedText(zh: "前向关联型", en: "forward-oriented")
        case .weak: return LocalizedText(zh: "一般", en: "weak")
        }
    }

    /// Names joined with 、 / , (an empty list gives "—").
    static func list(_ items: [LocalizedText]) -> LocalizedText {
        guard !items.isEmpty else { return LocalizedText("—") }
        return LocalizedText(zh: items.map(\.zh).joined(separator: "、"), en: items.map(\.en).joined(separator: ", "))
    }

    static func column(_ indicator: ImpactIndicator, suffix: (zh: String, en: String) = ("", "")) -> ResultColumn {
        ResultColumn(LocalizedText(zh: indicator.header.zh + suffix.zh, en: indicator.header.en + suffix.en), unit: indicator.unit)
    }
}
