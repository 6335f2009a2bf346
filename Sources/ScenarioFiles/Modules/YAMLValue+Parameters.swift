import ScenarioKit
import Yams

extension YAMLValue {
    /// This value as a `RawParameter` (ScenarioKit's YAML-free form of a `with:` block).
    /// - Throws: `ScenarioFileError` for aliases and non-text keys.
    func rawParameter() throws -> RawParameter {
        switch node {
        case let .scalar(s): return .scalar(s.string)
        case .sequence: return .list(try sequence().map { try $0.rawParameter() })
        case .mapping:
            return .map(try mapping().entries.map { RawParameterEntry(key: $0.key, value: try $0.value.rawParameter()) })
        case .alias: throw error("aliases are not supported in module parameters")
        }
    }

    /// The value at `keyPath` relative to this one (`amounts.new_energy`, `shares[2]`), walking as
    /// far as the path exists. Keys may contain dots (`VA001.x`): the longest matching key wins.
    /// - Returns: the deepest value reached, its key node when it is a mapping member, and whether
    ///   the whole path was found.
    func locate(_ keyPath: String) -> (value: YAMLValue, keyNode: Node?, complete: Bool) {
        var current = self
        var keyNode: Node? = nil
        var rest = Substring(keyPath)
        while !rest.isEmpty {
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]"),
                let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
                let items = try? current.sequence(), items.indices.contains(index)
            {
                current = items[index]
                keyNode = nil
                rest = rest[rest.index(after: close)...]
                continue
            }
            guard let map = try? current.mapping() else { return (current, keyNode, false) }
            let match = map.entries
                .filter { rest == $0.key || rest.hasPrefix($0.key + ".") || rest.hasPrefix($0.key + "[") }
                .max { $0.key.count < $1.key.count }
            guard let match else { return (current, keyNode, false) }
            current = match.value
            keyNode = match.keyNode
            rest = rest.dropFirst(match.key.count)
        }
        return (current, keyNode, true)
    }
}
