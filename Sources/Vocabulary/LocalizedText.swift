/// Text in Chinese and English (labels, titles, help). Module authors give both.
public struct LocalizedText: Sendable, Equatable, Hashable, Codable {
    /// The Chinese text (简体中文).
    public var zh: String
    /// The English text.
    public var en: String

    /// Text given in both languages.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The same text in both languages (codes, numbers, names without translation).
    public init(_ both: String) { self.init(zh: both, en: both) }
}
