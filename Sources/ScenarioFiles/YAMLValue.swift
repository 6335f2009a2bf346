import Foundation
import ScenarioKit
import Yams

/// A node of a parsed YAML document together with where it stands (file, line, column) and
/// its key path, so that every conversion error names all three.
///
/// ```swift
/// let root = try YAMLValue.parse(text, file: "baseline.yaml")
/// let map = try root.mapping(allowedKeys: ["id", "plan"])
/// let id = try map.required("id").string()
/// ```
public struct YAMLValue: @unchecked Sendable {
    /// The parsed node. Yams' `Node` is not `Sendable` (its tags are classes), but nothing here
    /// mutates a node after parsing, so a `YAMLValue` is safe to share between threads.
    public let node: Node
    public let keyPath: String
    public let file: String

    public init(node: Node, keyPath: String, file: String) {
        self.node = node
        self.keyPath = keyPath
        self.file = file
    }

    /// Where this value starts.
    public var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// An error located at this value.
    public func error(_ message: String) -> ScenarioFileError {
        ScenarioFileError(location: location, keyPath: keyPath, message: message)
    }

    /// Parse YAML text. Syntax errors, duplicate keys and empty documents become
    /// `ScenarioFileError`s with the line and column libyaml reports.
    public static func parse(_ text: String, file: String) throws -> YAMLValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.translate(error, file: file)
        }
        guard let root = node else {
            throw ScenarioFileError(
                location: SourceLocation(file: file, line: 1, column: 1), keyPath: "",
                message: "the file is empty: expected a YAML mapping")
        }
        try checkExpansion(root, file: file)
        return YAMLValue(node: root, keyPath: "", file: file)
    }

    /// Most values a document may hold once its aliases (`*name`) are expanded, and most levels of
    /// nesting: a scenario has hundreds of values, a "billion laughs" file billions.
    public static let maximumExpandedValues = 100_000
    public static let maximumDepth = 64

    /// Walks the document as if every alias were expanded, stopping at the first limit reached,
    /// before any value is used (so no later step can expand it).
    /// - Throws: `ScenarioFileError` at the value where the limit was reached.
    static func checkExpansion(_ root: Node, file: String) throws {
        var count = 0
        func fail(_ node: Node, _ message: String) -> ScenarioFileError {
            let mark = node.mark
            return ScenarioFileError(
                location: SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1), keyPath: "",
                message: message)
        }
        func walk(_ node: Node, depth: Int) throws {
            count += 1
            if count > maximumExpandedValues {
                throw fail(node, "the document expands to more than \(maximumExpandedValues) values through YAML aliases (*name of an &name anchor); write the values out or use fewer nested aliases")
            }
            if depth > maximumDepth {
                throw fail(node, "values are nested more than \(maximumDepth) levels deep")
            }
            switch node {
            case .scalar, .alias: return
            case let .sequence(items):
                for item in items { try walk(item, depth: depth + 1) }
            case let .mapping(pairs):
                for pair in pairs {
                    try walk(pair.key, depth: depth + 1)
                    try walk(pair.value, depth: depth + 1)
                }
            }
        }
        try walk(root, depth: 0)
    }

    /// Read and parse a file; a missing or unreadable file is an error naming the path.
    public static func load(_ url: URL, displayName: String? = nil) throws -> YAMLValue {
        let name = displayName ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScenarioFileError(
                location: SourceLocation(file: name, line: 1, column: 1), keyPath: "",
                message: "cannot read the file (missing or not readable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioFileError(
                location: SourceLocation(file: name, line: 1, column: 1), keyPath: "",
                message: "the file is not valid UTF-8 text")
        }
        return try parse(text, file: name)
    }

    private static func translate(_ error: YamlError, file: String) -> ScenarioFileError {
        func at(_ mark: Mark, _ problem: String) -> ScenarioFileError {
            ScenarioFileError(
                location: SourceLocation(file: file, line: mark.line, column: mark.column), keyPath: "",
                message: "YAML syntax error: \(problem)")
        }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _),
            let .composer(_, problem, mark, _):
            return at(mark, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return ScenarioFileError(
                location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                keyPath: "", message: "duplicate key(s) \(duplicates.joined(separator: ", ")) in one mapping")
        case let .reader(problem, offset, _, _):
            return ScenarioFileError(
                location: SourceLocation(file: file, line: 1, column: 1), keyPath: "",
                message: "cannot read YAML: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
        default:
            return ScenarioFileError(
                location: SourceLocation(file: file, line: 1, column: 1), keyPath: "",
                message: "cannot read YAML: \(error)")
        }
    }

    // MARK: Typed access

    /// A short human description of the node, for "got …" in messages.
    public var shortDescription: String {
        switch node {
        case let .scalar(s): return "\"\(s.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The scalar text, or an error if this is a mapping or list.
    public func scalarText(expected: String) throws -> String {
        guard case let .scalar(s) = node else { throw error("expected \(expected), got \(shortDescription)") }
        return s.string
    }

    public func string() throws -> String {
        try scalarText(expected: "a text value")
    }

    public func double() throws -> Double {
        let text = try scalarText(expected: "a number")
        guard let v = Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")),
            v.isFinite
        else { throw error("expected a number, got \(shortDescription)") }
        return v
    }

    /// `true` or `false` (YAML 1.2 core schema spellings).
    public func bool() throws -> Bool {
        switch try scalarText(expected: "true or false") {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw error("expected true or false, got \(shortDescription)")
        }
    }

    public func int() throws -> Int {
        let text = try scalarText(expected: "a whole number")
        guard let v = Int(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")) else {
            throw error("expected a whole number, got \(shortDescription)")
        }
        return v
    }

    /// A number within `range` (inclusive), with the bounds stated in the error.
    public func double(in range: ClosedRange<Double>) throws -> Double {
        let v = try double()
        guard range.contains(v) else {
            throw error("expected a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), got \(Self.format(v))")
        }
        return v
    }

    /// A whole number within `range` (inclusive).
    public func int(in range: ClosedRange<Int>) throws -> Int {
        let v = try int()
        guard range.contains(v) else {
            throw error("expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(v)")
        }
        return v
    }

    static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    /// The items of a list, each with its own key path (`path[0]`, `path[1]`, …).
    public func sequence() throws -> [YAMLValue] {
        guard case let .sequence(seq) = node else { throw error("expected a list, got \(shortDescription)") }
        return seq.enumerated().map { i, n in YAMLValue(node: n, keyPath: "\(keyPath)[\(i)]", file: file) }
    }

    /// A mapping whose keys must all be in `allowedKeys` (nil: any key). Unknown keys are
    /// errors (with a "did you mean" suggestion), never silently ignored.
    public func mapping(allowedKeys: [String]? = nil) throws -> YAMLMapping {
        guard case let .mapping(map) = node else { throw error("expected a mapping, got \(shortDescription)") }
        var entries: [(key: String, keyNode: Node, value: YAMLValue)] = []
        for (k, v) in map {
            guard case let .scalar(ks) = k else {
                throw YAMLValue(node: k, keyPath: keyPath, file: file).error("keys must be plain text")
            }
            let childPath = keyPath.isEmpty ? ks.string : "\(keyPath).\(ks.string)"
            if let allowed = allowedKeys, !allowed.contains(ks.string) {
                let hint = Suggestion.closest(to: ks.string, among: allowed).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw YAMLValue(node: k, keyPath: childPath, file: file).error(
                    "unknown key\(hint); expected one of: \(allowed.joined(separator: ", "))")
            }
            entries.append((ks.string, k, YAMLValue(node: v, keyPath: childPath, file: file)))
        }
        return YAMLMapping(owner: self, entries: entries)
    }

}

/// The members of a YAML mapping, in file order, with located values.
public struct YAMLMapping {
    public let owner: YAMLValue
    public let entries: [(key: String, keyNode: Node, value: YAMLValue)]

    public var keys: [String] { entries.map(\.key) }

    /// The value at `key`, or nil when absent.
    public func optional(_ key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    /// The value at `key`, or an error at the mapping saying the key is missing.
    public func required(_ key: String) throws -> YAMLValue {
        guard let v = optional(key) else {
            let path = owner.keyPath.isEmpty ? key : "\(owner.keyPath).\(key)"
            throw ScenarioFileError(
                location: owner.location, keyPath: path, message: "missing required key \"\(key)\"")
        }
        return v
    }
}
