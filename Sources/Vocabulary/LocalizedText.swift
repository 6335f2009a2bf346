/// Text in Chinese and English (labels, titles, help). Module authors give both.
public struct LocalizedText: Sendable, Equatable, Hashable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The same text in both languages (codes, numbers, names without translation).
    public init(_ both: String) { self.init(zh: both, en: both) }
}
