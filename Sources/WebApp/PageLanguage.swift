import Briefings
import Vocabulary

/// The page's language (`?lang=zh|en`, Chinese by default), with the few words every page uses.
struct PageLanguage: Sendable {
    let language: Language

    /// The language a request asks for: `lang=en` is English, anything else Chinese.
    init(_ code: String?) { language = code?.lowercased() == "en" ? .en : .zh }

    var code: String { language == .en ? "en" : "zh" }
    var other: String { language == .en ? "zh" : "en" }

    func t(_ zh: String, _ en: String) -> String { language.pick(zh, en) }

    func name(_ text: LocalizedText) -> String {
        let picked = language.pick(text.zh, text.en)
        return picked.isEmpty ? language.pick(text.en, text.zh) : picked
    }

    /// The variables of the page frame (`LayoutTemplate`); `toggleQuery` is the query without
    /// `lang`, so the toggle keeps the page (e.g. `scenario=doubling-2020-2025`).
    func frame(title: String, path: String, toggleQuery: String = "") -> [String: Any] {
        let query = toggleQuery.isEmpty ? "lang=\(other)" : "\(toggleQuery)&lang=\(other)"
        return [
            "lang": code, "htmlLang": language == .en ? "en" : "zh-CN", "pageTitle": title,
            "appTitle": t("滨海新区招商引资规划", "Investment attraction planning, Binhai New Area"),
            "toggleHref": "\(path)?\(query)", "toggleLang": other, "toggleLabel": language == .en ? "中文" : "English",
            "footer": t(
                "BinhaiSim · 数字来自与命令行相同的运行时；页面上的图表与简报中的相同。",
                "BinhaiSim · numbers from the same runtime as the command line; the charts are the briefing's own."),
        ]
    }
}
