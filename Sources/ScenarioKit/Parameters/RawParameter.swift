/// A module parameter as written, before validation: the shape of a scenario file's `with:`
/// block without YAML (ScenarioKit does not depend on a YAML library). Scalars keep their text
/// (`12`, `0.7`, `new_energy`, `true`); the spec decides what they mean.
///
/// The scenario layer builds it from YAML; tests and plugins write it as a literal:
///
/// ```swift
/// let raw: RawParameter = ["year": 2023, "amounts": ["new_energy": 100], "label": "电池基地"]
/// ```
///
/// Problems are reported as `ParameterError`s with a key path relative to the block
/// (`amounts.new_energy`, `shares[2]`), which the scenario layer turns into file:line:column.
public indirect enum RawParameter: Sendable, Equatable {
    /// A single value as text.
    case scalar(String)
    /// A list of values.
    case list([RawParameter])
    /// A mapping in written order.
    case map([RawParameterEntry])

    /// A short description for "got …" in messages: `"abc"`, `a list`, `a mapping`.
    public var shortDescription: String {
        switch self {
        case let .scalar(s): return "\"\(s)\""
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }

    /// The value at `key` of a mapping (nil for other shapes or a missing key).
    public subscript(key: String) -> RawParameter? {
        guard case let .map(entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }
}

/// One `key: value` of a `RawParameter.map`.
public struct RawParameterEntry: Sendable, Equatable {
    /// The key as written.
    public var key: String
    /// The value as written.
    public var value: RawParameter

    /// The entry `key: value`.
    public init(key: String, value: RawParameter) {
        self.key = key
        self.value = value
    }
}

extension RawParameter: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A scalar from a string literal (`"new_energy"`).
    public init(stringLiteral value: String) { self = .scalar(value) }
    /// A scalar from an integer literal (`12` → `"12"`).
    public init(integerLiteral value: Int) { self = .scalar(String(value)) }
    /// A scalar from a float literal (`0.7` → `"0.7"`).
    public init(floatLiteral value: Double) { self = .scalar(String(value)) }
    /// A scalar from a boolean literal (`"true"` / `"false"`).
    public init(booleanLiteral value: Bool) { self = .scalar(value ? "true" : "false") }
    /// A list from an array literal.
    public init(arrayLiteral elements: RawParameter...) { self = .list(elements) }
    /// A mapping from a dictionary literal, in written order.
    public init(dictionaryLiteral elements: (String, RawParameter)...) {
        self = .map(elements.map { RawParameterEntry(key: $0.0, value: $0.1) })
    }
}

extension RawParameter {
    /// The raw form of a validated value (e.g. to show a default, or to re-validate).
    public init(_ value: ParameterValue) {
        switch value {
        case let .number(v): self = .scalar(String(v))
        case let .integer(v): self = .scalar(String(v))
        case let .text(v): self = .scalar(v)
        case let .boolean(v): self = .scalar(v ? "true" : "false")
        case let .numberList(v): self = .list(v.map { .scalar(String($0)) })
        case let .textList(v): self = .list(v.map { .scalar($0) })
        case let .numberMap(v):
            self = .map(v.sorted { $0.key < $1.key }.map { RawParameterEntry(key: $0.key, value: .scalar(String($0.value))) })
        }
    }
}
