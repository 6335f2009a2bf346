/// The one way an entry of a catalogue (industries, carriers, sources, categories, …) is found
/// from what a user wrote: used by the scenario files' engine block, every built-in module and
/// module authors through ScenarioKit.
///
/// A text matches, after trimming white space at both ends, in this order:
/// 1. an id exactly (`new_energy`);
/// 2. a Chinese name exactly (`新能源`);
/// 3. an id or an English name ignoring case (`New Energy`, `NEW_ENERGY`).
///
/// The first entry that matches at the earliest rule wins, so an id always beats a name.
public struct CatalogueLookup: Sendable, Equatable {
    /// What the entries are, singular, for messages: "industry", "carrier", "source".
    public let what: String
    /// Entry ids in catalogue order; `index(of:)` returns an index into it.
    public let ids: [String]
    /// Entry names in Chinese and English, parallel to `ids` (possibly shorter).
    public let names: [LocalizedText]

    /// - Precondition-free: `names` shorter than `ids` leaves the rest without names.
    public init(what: String, ids: [String], names: [LocalizedText]) {
        self.what = what
        self.ids = ids
        self.names = names
    }

    /// The index of the entry `text` names, or nil.
    public func index(of text: String) -> Int? {
        let t = text.trimmingWhiteSpace()
        if let k = ids.firstIndex(of: t) { return k }
        if let k = names.firstIndex(where: { $0.zh == t }), k < ids.count { return k }
        let folded = t.lowercased()
        if let k = ids.firstIndex(where: { $0.lowercased() == folded }) { return k }
        if let k = names.firstIndex(where: { $0.en.lowercased() == folded }), k < ids.count { return k }
        return nil
    }

    /// The id of the entry `text` names, or nil.
    public func id(of text: String) -> String? { index(of: text).map { ids[$0] } }

    /// `unknown industry "x" (did you mean "y"?); expected one of: a, b, c (or their Chinese or English names)`.
    public func unknownMessage(_ text: String) -> String {
        let candidates = ids + names.map(\.en)
        let hint = Suggestion.hint(text, candidates)
        let list = ids.isEmpty ? "the catalogue is empty" : "expected one of: \(ids.joined(separator: ", ")) (or their Chinese or English names)"
        return "unknown \(what) \"\(text)\"\(hint); \(list)"
    }
}

extension String {
    /// Without spaces, tabs and line breaks at both ends (no Foundation needed).
    func trimmingWhiteSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
