import Foundation
import ScenarioKit

/// A number map keyed by tier id, with the parameter name it came from.
struct TierMap {
    var name: String
    var values: [String: Double]
}

/// A list of `tier=value` entries: value and key path (`industry[1]`) per tier.
struct TierPairs {
    var name: String
    var values: [String: (value: String, keyPath: String)]
}

/// Reads the module's validated parameters and reports problems as located `ModuleError`s.
struct ParameterReader {
    let parameters: ModuleParameters

    func fail(_ keyPath: String, _ message: String, isAboutKey: Bool = false) -> ModuleError {
        ModuleError(module: BeijingTransferSchema.id, keyPath: keyPath, message: message, isAboutKey: isAboutKey)
    }

    func value(_ spec: ParameterSpec) -> ParameterValue? { parameters.value(spec) }

    func number(_ spec: ParameterSpec) throws(ModuleError) -> Double {
        try parameters.number(spec, module: BeijingTransferSchema.id)
    }

    /// `tiers`: non-empty, unique, ids without `=` or spaces.
    func tierIDs() throws(ModuleError) -> [String] {
        let spec = BeijingTransferSchema.tiers
        let list: [String]
        switch value(spec) {
        case let .textList(l)?: list = l
        case let .text(t)?: list = [t]
        default: throw fail("tiers", "expected a list of tier ids, e.g. [central_soe, zgc_tech, market]")
        }
        if list.isEmpty { throw fail("tiers", "list at least one tier, e.g. [central_soe, zgc_tech, market]") }
        var seen = Set<String>()
        for (i, id) in list.enumerated() {
            if id.isEmpty || id.contains(where: { $0 == "=" || $0 == "|" || $0.isWhitespace }) {
                throw fail("tiers[\(i)]", "a tier id must be non-empty, without spaces, '=' or '|', got \"\(id)\"")
            }
            if !seen.insert(id).inserted { throw fail("tiers[\(i)]", "tier \(id) is listed twice") }
        }
        return list
    }

    /// True when the scenario left the parameter at its schema default (so that entries for
    /// default tiers dropped from `tiers` are ignored rather than reported).
    func isDefault(_ spec: ParameterSpec) -> Bool { parameters[spec.name] == nil || parameters[spec.name] == spec.defaultValue }

    /// A number map keyed by tier id: the schema default's values for the listed tiers, overlaid
    /// with the values the scenario gives (so `p_contact: {central_soe: 0.5}` changes one tier).
    /// A key that is not a tier is an error (with a suggestion), unless the map is the default.
    func tierMap(_ spec: ParameterSpec, tiers: [String]) throws(ModuleError) -> TierMap {
        guard case let .numberMap(given)? = value(spec) else {
            throw fail(spec.name, "expected a mapping tier → number, e.g. {\(tiers[0]): 1}")
        }
        var out: [String: Double] = [:]
        if case let .numberMap(defaults)? = spec.defaultValue {
            for (key, v) in defaults where tiers.contains(key) { out[key] = v }
        }
        for (key, v) in given.sorted(by: { $0.key < $1.key }) {
            if tiers.contains(key) {
                out[key] = v
            } else if !isDefault(spec) {
                throw fail(
                    "\(spec.name).\(key)",
                    "\"\(key)\" is not a tier\(hint(key, tiers)); the tiers: \(tiers.joined(separator: ", ")) (add it to tiers or remove it)",
                    isAboutKey: true)
            }
        }
        return TierMap(name: spec.name, values: out)
    }

    /// A text list of `tier=value` entries, overlaid on the schema default's entries like
    /// `tierMap`.
    func pairs(_ spec: ParameterSpec, tiers: [String]) throws(ModuleError) -> TierPairs {
        func list(_ v: ParameterValue?) -> [String]? {
            switch v {
            case let .textList(l)?: return l
            case let .text(t)?: return [t]
            default: return nil
            }
        }
        guard let given = list(value(spec)) else { throw fail(spec.name, "expected a list of tier=value entries") }
        func split(_ entry: String) -> (tier: String, value: String)? {
            guard let eq = entry.firstIndex(of: "=") else { return nil }
            return (entry[..<eq].trimmingCharacters(in: .whitespaces), entry[entry.index(after: eq)...].trimmingCharacters(in: .whitespaces))
        }
        var out: [String: (value: String, keyPath: String)] = [:]
        for entry in list(spec.defaultValue) ?? [] {
            if let (tier, v) = split(entry), tiers.contains(tier) { out[tier] = (v, spec.name) }
        }
        if isDefault(spec) { return TierPairs(name: spec.name, values: out) }
        var seen = Set<String>()
        for (i, entry) in given.enumerated() {
            let path = "\(spec.name)[\(i)]"
            guard let (tier, v) = split(entry) else {
                throw fail(path, "expected \"tier=value\", e.g. \"\(tiers[0])=…\", got \"\(entry)\"")
            }
            guard tiers.contains(tier) else {
                throw fail(path, "\"\(tier)\" is not a tier\(hint(tier, tiers)); the tiers: \(tiers.joined(separator: ", "))")
            }
            if v.isEmpty { throw fail(path, "no value after \"\(tier)=\"") }
            if !seen.insert(tier).inserted { throw fail(path, "tier \(tier) is given twice in \(spec.name)") }
            out[tier] = (v, path)
        }
        return TierPairs(name: spec.name, values: out)
    }

    /// The catalogue id for `text` (an id, or a Chinese or English name).
    /// The id of the entry `text` names (`CatalogueLookup`'s rules), or an error at `keyPath`.
    func resolve(_ text: String, at keyPath: String, in entries: [CatalogueEntry], what: String) throws(ModuleError) -> String {
        let lookup = CatalogueLookup(what: what, entries: entries)
        guard let id = lookup.id(of: text) else { throw fail(keyPath, lookup.unknownMessage(text)) }
        return id
    }

    func hint(_ word: String, _ candidates: [String]) -> String { Suggestion.hint(word, candidates) }
}
