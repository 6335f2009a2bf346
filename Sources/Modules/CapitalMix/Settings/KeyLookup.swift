import Foundation
import ScenarioKit

/// Resolves keys written in a scenario (an id, or a name in Chinese or English) to entries of a
/// list, with the located "unknown … (did you mean …?)" error.
struct KeyLookup {
    let ids: [String]
    let names: [LocalizedText]
    /// "source", "category".
    let what: String

    /// The index of `key` (id first, then zh/en name), or nil.
    func index(_ key: String) -> Int? {
        let k = key.trimmingCharacters(in: .whitespaces)
        return ids.firstIndex(of: k) ?? names.firstIndex { $0.zh == k || $0.en == k }
    }

    /// The index of `key`, or a `ModuleError` at `keyPath` naming the known ids and the closest one.
    func resolve(_ key: String, keyPath: String, isAboutKey: Bool = true) throws(ModuleError) -> Int {
        if let i = index(key) { return i }
        let hint = Suggestion.closest(to: key, among: ids).map { " (did you mean \"\($0)\"?)" } ?? ""
        throw ModuleError(
            module: CapitalMixSchema.id, keyPath: keyPath,
            message: "unknown \(what) \"\(key)\"\(hint); the \(what) ids: \(ids.joined(separator: ", "))", isAboutKey: isAboutKey)
    }
}
