/// Language of labels and names in briefing outputs.
public enum Language: String, CaseIterable, Sendable {
    case zh, en

    /// Pick the text for this language.
    public func pick(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}

/// Output format of a briefing document.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, csv, markdown
}
