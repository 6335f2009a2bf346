import Foundation
import Yams

/// One override of a scenario parameter by dotted path, from a variant, a sweep or `--set`.
///
/// Paths walk mappings by key (`engine.sources.foreign.lead_rate`), lists by index
/// (`engine.major_projects[0].probability` or `engine.major_projects.0.probability`), and lists
/// of named items by `name` or `id` (`engine.major_projects.某新能源电池基地.probability`), and
/// module uses by module id, where the parameter is looked up in `with:`
/// (`modules.target-tracker.probability` = `modules[0].with.probability`).
/// A value written `x0.7` (or `×0.7`) multiplies the current value; where the file does not set
/// the parameter, the factor is kept and applied to the parameter's default when the scenario is
/// read.
public struct ParameterOverride {
    /// Dotted path as written.
    public var path: String
    /// The new value (a YAML node, keeping its own position in the file for error messages).
    public var value: Node
    /// Where the override itself was written (variant/sweep entry or the command line).
    public var origin: SourceLocation

    public init(path: String, value: Node, origin: SourceLocation) {
        self.path = path
        self.value = value
        self.origin = origin
    }

    /// Parses `path=value` from the command line (`--set engine.draws=5000`); the value is read
    /// as YAML (`2.5`, `x0.7`, `[0.3, 0.4, 0.3]`, `{2021: 1.1}`).
    /// `argument` names the option in errors (default `--set PATH=VALUE`; `--seed 7` for the
    /// override `--seed` stands for).
    public static func parse(commandLine text: String, argument: String? = nil) throws -> ParameterOverride {
        let origin = SourceLocation(file: argument ?? "--set \(text)", line: 1, column: 1)
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw ScenarioFileError(location: origin, keyPath: "", message: "expected PATH=VALUE, e.g. engine.draws=5000")
        }
        let path = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let valueText = String(text[text.index(after: eq)...])
        let node: Node
        do {
            node = try Yams.compose(yaml: valueText) ?? Node("")
        } catch {
            throw ScenarioFileError(location: origin, keyPath: path, message: "the value is not valid YAML: \(valueText)")
        }
        return ParameterOverride(path: path, value: node, origin: origin)
    }

    /// The path with list indices written as `[i]`, as error key paths write them.
    var normalizedPath: String {
        var out = ""
        for c in components {
            if Int(c) != nil { out += "[\(c)]" } else { out += out.isEmpty ? c : ".\(c)" }
        }
        return out
    }

    /// Path components: `a.b[2].c` → ["a", "b", "2", "c"].
    var components: [String] {
        path.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
            .split(separator: ".", omittingEmptySubsequences: true).map(String.init)
    }

    /// The multiplication factor when the value is written `xK` / `×K`.
    static func factor(of node: Node) -> Double? {
        guard case let .scalar(s) = node else { return nil }
        var text = Substring(s.string.trimmingCharacters(in: .whitespaces))
        guard let first = text.first, first == "x" || first == "×" || first == "*" else { return nil }
        text = text.dropFirst()
        return Double(text.trimmingCharacters(in: .whitespaces))
    }

    /// `root` with this override applied.
    /// - Throws: `ScenarioFileError` at the override when the path crosses a scalar, an index is
    ///   out of range, a named item is missing, or `xK` meets a non-numeric value.
    public func apply(to root: Node) throws -> Node {
        let parts = components
        guard !parts.isEmpty else {
            throw ScenarioFileError(location: origin, keyPath: path, message: "empty parameter path")
        }
        return try set(parts[...], in: root, walked: [])
    }

    private func error(_ message: String, at walked: [String]) -> ScenarioFileError {
        ScenarioFileError(location: origin, keyPath: path, message: message)
    }

    private func set(_ rest: ArraySlice<String>, in node: Node, walked: [String]) throws -> Node {
        guard let key = rest.first else { return try replacement(for: node) }
        let tail = rest.dropFirst()
        switch node {
        case var .mapping(map):
            var pairs = Array(map)
            if let i = pairs.firstIndex(where: { $0.key.scalar?.string == key }) {
                pairs[i] = (pairs[i].key, try set(tail, in: pairs[i].value, walked: walked + [key]))
            } else {
                // A new key: build the rest of the path as nested mappings (an error about it is
                // moved to the override by `ScenarioLoader.relocate`).
                pairs.append((Node(key), try set(tail, in: Node.mapping(Node.Mapping([])), walked: walked + [key])))
            }
            map = Node.Mapping(pairs.map { ($0.key, $0.value) }, map.tag, map.style, map.mark)
            return .mapping(map)
        case var .sequence(seq):
            var items = Array(seq)
            let index: Int
            if let i = Int(key) {
                guard items.indices.contains(i) else {
                    throw error("index \(i) is out of range: \(walked.joined(separator: ".")) has \(items.count) items", at: walked)
                }
                index = i
            } else if let i = items.firstIndex(where: {
                $0.mapping?["name"]?.scalar?.string == key || $0.mapping?["id"]?.scalar?.string == key
                    || $0.mapping?["use"]?.scalar?.string == key
            }) {
                index = i
            } else {
                throw error("no item named \"\(key)\" in \(walked.joined(separator: "."))", at: walked)
            }
            // A module use (`{use: id, with: {...}}`): `modules.ID.PARAM` means `modules.ID.with.PARAM`.
            var tail = tail
            if items[index].mapping?["use"] != nil, let next = tail.first, next != "use", next != "with" {
                tail = ["with"] + tail
            }
            items[index] = try set(tail, in: items[index], walked: walked + [key])
            seq = Node.Sequence(items, seq.tag, seq.style, seq.mark)
            return .sequence(seq)
        case .scalar, .alias:
            if node.scalar?.string.isEmpty == true {
                return try set(rest, in: Node.mapping(Node.Mapping([])), walked: walked)
            }
            throw error("\(walked.joined(separator: ".")) is a single value, not a mapping or list", at: walked)
        }
    }

    /// The new value for an existing node: `xK` multiplies a number in place; a whole number stays
    /// a whole number (`engine.draws=x2` of 20000 is 40000).
    private func replacement(for old: Node) throws -> Node {
        guard let k = Self.factor(of: value) else { return value }
        if case let .mapping(m) = old, m.isEmpty { return value }  // absent: keep the factor for the default
        let text = old.scalar?.string.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "") ?? ""
        guard case .scalar = old, let current = Double(text) else {
            throw error("\"x\(k)\" multiplies a number, but the current value is not a number", at: [])
        }
        let product = current * k
        guard product.isFinite else {
            throw error("\"x\(k)\" times \(text) is not a finite number", at: [])
        }
        if Int(text) != nil {
            guard product == product.rounded(), abs(product) < 9e15 else {
                throw error("\"x\(k)\" times the whole number \(text) gives \(product); use a factor that gives a whole number", at: [])
            }
            return .scalar(Node.Scalar(String(Int(product)), .implicit, .plain, value.mark))
        }
        return .scalar(Node.Scalar(String(product), .implicit, .plain, value.mark))
    }
}
