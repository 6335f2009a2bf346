import ScenarioKit

/// `FROM>TO` keys of the carrier-mechanisms maps, resolved against the scenario's carriers.
enum CarrierPairs {
    /// The pair of carrier ids of `key`, or a `ModuleError` at `parameter.key`.
    static func resolve(_ key: String, parameter: String, context: ModuleContext, module: String) throws(ModuleError) -> (String, String) {
        let parts = key.split(separator: ">", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ModuleError(
                module: module, keyPath: "\(parameter).\(key)", message: "expected FROM>TO, two carrier ids (e.g. streets_towns>development_zones)",
                isAboutKey: true)
        }
        let lookup = context.carrierLookup
        var ids: [String] = []
        for text in parts {
            guard let e = lookup.entry(text, in: context.carriers) else {
                throw ModuleError(module: module, keyPath: "\(parameter).\(key)", message: lookup.unknownMessage(text), isAboutKey: true)
            }
            ids.append(e.id)
        }
        guard ids[0] != ids[1] else {
            throw ModuleError(module: module, keyPath: "\(parameter).\(key)", message: "the two carriers must differ", isAboutKey: true)
        }
        return (ids[0], ids[1])
    }

    /// `map[key]` for the pair `key` resolved to `pair`, matched by resolved ids (so `街镇>开发区`
    /// and `streets_towns>development_zones` are the same pair).
    static func value(
        _ map: [String: Double], for pair: (String, String), parameter: String, context: ModuleContext, module: String
    ) throws(ModuleError) -> Double? {
        for (key, v) in map.sorted(by: { $0.key < $1.key }) {
            let p = try resolve(key, parameter: parameter, context: context, module: module)
            if p == pair { return v }
        }
        return nil
    }
}
