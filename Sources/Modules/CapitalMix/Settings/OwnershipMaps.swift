import ScenarioKit

/// Three number maps, one per ownership class (`ownership_state`, `ownership_foreign`,
/// `ownership_private`, or the `category_*` ones), merged entry by entry over defaults into one
/// `OwnershipShares` per entry of a list, each checked to sum to 1.
struct OwnershipMaps {
    /// The parameter behind each class.
    let specs: [OwnershipClass: ParameterSpec]
    /// "source" or "category".
    let what: String

    /// Merge the maps of `parameters` over `defaults` (nil: no default for that entry).
    ///
    /// A class written for an entry replaces its default; a class neither written nor defaulted
    /// is 0. An entry with neither defaults nor any written class is an error (its shares are
    /// unknown). Keys of a map equal to its schema default that are not in `lookup` are ignored
    /// (the built-in defaults name sources a dataset may not have); other unknown keys are errors.
    /// - Throws: `ModuleError` at `<parameter>.<key>` for unknown keys and for entries whose
    ///   shares do not sum to 1 within 1e-9 (naming the entry and the three shares).
    func merge(
        _ parameters: ModuleParameters, lookup: KeyLookup, defaults: [OwnershipShares?]
    ) throws(ModuleError) -> [OwnershipShares] {
        let module = CapitalMixSchema.id
        var given = [[OwnershipClass: (value: Double, key: String)]](repeating: [:], count: lookup.ids.count)
        for k in OwnershipClass.allCases {
            guard let spec = specs[k] else { continue }
            let value = parameters[spec.name] ?? spec.defaultValue
            guard case let .numberMap(map)? = value else {
                throw ModuleError(module: module, keyPath: spec.name, message: "expected a mapping \(what) id → share")
            }
            let isDefault = value == spec.defaultValue
            for (key, share) in map.sorted(by: { $0.key < $1.key }) {
                let path = "\(spec.name).\(key)"
                if isDefault && lookup.index(key) == nil { continue }
                let i = try lookup.resolve(key, keyPath: path)
                guard share.isFinite, share >= 0, share <= 1 else {
                    throw ModuleError(module: module, keyPath: path, message: "expected a share from 0 to 1, got \(share)")
                }
                if let earlier = given[i][k] {
                    throw ModuleError(
                        module: module, keyPath: path,
                        message: "\(what) \(lookup.ids[i]) is given twice (as \"\(earlier.key)\" and \"\(key)\")", isAboutKey: true)
                }
                given[i][k] = (share, isDefault ? "" : key)
            }
        }
        var out: [OwnershipShares] = []
        for (i, id) in lookup.ids.enumerated() {
            let userGiven = given[i].filter { !$0.value.key.isEmpty }
            guard defaults[i] != nil || !given[i].isEmpty else {
                let names = OwnershipClass.allCases.compactMap { specs[$0]?.name }.map { "\($0).\(id)" }
                throw ModuleError(
                    module: module, keyPath: specs[.state]?.name,
                    message: "\(what) \(id) (\(lookup.names[i].zh) / \(lookup.names[i].en)) has no ownership shares and no default: give \(names.joined(separator: ", ")) (summing to 1)")
            }
            var shares = defaults[i] ?? OwnershipShares(state: 0, foreign: 0, private: 0)
            for (k, v) in given[i] { shares[k] = v.value }
            if abs(shares.sum - 1) > 1e-9 {
                let parts = OwnershipClass.allCases.map { k in
                    "\(k.rawValue) \(OwnershipShares.format(shares[k]))\(userGiven[k] == nil ? (defaults[i] != nil ? " (default)" : " (not given)") : "")"
                }
                let at = OwnershipClass.allCases.first { userGiven[$0] != nil }
                let path = at.flatMap { k in specs[k].map { "\($0.name).\(userGiven[k]!.key)" } } ?? specs[.state]?.name
                throw ModuleError(
                    module: module, keyPath: path,
                    message: "the ownership shares of \(what) \(id) (\(lookup.names[i].zh) / \(lookup.names[i].en)) sum to \(OwnershipShares.format(shares.sum)) (\(parts.joined(separator: " + "))); they must sum to 1 within 1e-9 — set all three for \(id)")
            }
            out.append(shares)
        }
        return out
    }
}
