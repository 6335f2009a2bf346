import Foundation
import ScenarioKit

/// Resolves keys written in a scenario (an id, or a name in Chinese or English) to entries of a
/// list, with the located "unknown … (did you mean …?)" error.
struct KeyLookup {
    let ids: [String]
    let names: [LocalizedText]
    /// "source", "category".
    let what: String

    var lookup: CatalogueLookup { CatalogueLookup(what: what, ids: ids, names: names) }

    /// The index of `key` (`CatalogueLookup`'s rules: id, Chinese name, English name or id
    /// ignoring case), or nil.
    func index(_ key: String) -> Int? { lookup.index(of: key) }

    /// The index of `key`, or a `ModuleError` at `keyPath` naming the known ids and the closest one.
    func resolve(_ key: String, keyPath: String, isAboutKey: Bool = true) throws(ModuleError) -> Int {
        if let i = index(key) { return i }
        throw ModuleError(module: CapitalMixSchema.id, keyPath: keyPath, message: lookup.unknownMessage(key), isAboutKey: isAboutKey)
    }
}
