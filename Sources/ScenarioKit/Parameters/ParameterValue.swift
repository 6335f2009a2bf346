/// A parameter value as read from a scenario file, already checked against its `ParameterSpec`.
public enum ParameterValue: Sendable, Equatable, Codable {
    /// A real number (a `number` parameter), e.g. an amount in 亿元 or a share.
    case number(Double)
    /// A whole number (an `integer` parameter), e.g. a number of work teams.
    case integer(Int)
    /// A piece of text (a `text` parameter), e.g. a sector code or an industry id.
    case text(String)
    /// true / false (a `boolean` parameter).
    case boolean(Bool)
    /// A list of numbers (a `number_list` parameter), e.g. a schedule.
    case numberList([Double])
    /// A list of texts (a `text_list` parameter), e.g. industry ids.
    case textList([String])
    /// Text keys to numbers (a `number_map` parameter), e.g. amounts by industry id.
    case numberMap([String: Double])
}

/// A problem with a module parameter. `keyPath` is relative to the module's `with:` block
/// (e.g. `amounts.new_energy`); the scenario layer adds the file, line and column.
public struct ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is, relative to the module's `with:` block (e.g. `shares[2]`); empty for
    /// the block itself.
    public var keyPath: String
    /// What was expected and what was found, e.g. `expected a number, got "abc"`.
    public var message: String
    /// True when the error is about the key itself (an unknown key), so that the scenario layer
    /// points at the key rather than at its value.
    public var isAboutKey: Bool

    /// A problem at `keyPath` (see `isAboutKey`).
    public init(keyPath: String, message: String, isAboutKey: Bool = false) {
        self.keyPath = keyPath
        self.message = message
        self.isAboutKey = isAboutKey
    }

    /// `keyPath: message`, or the message alone when the key path is empty.
    public var description: String { keyPath.isEmpty ? message : "\(keyPath): \(message)" }
}

/// The validated parameters of one module use: every parameter of the schema is present
/// (defaults filled in), with the declared type.
public struct ModuleParameters: Sendable, Equatable {
    /// Validated values by parameter name.
    public private(set) var values: [String: ParameterValue]

    /// Parameters from validated `values` (normally made by `ModuleDescriptor.validate(_:)`).
    public init(values: [String: ParameterValue]) { self.values = values }

    /// The value of parameter `name`, or nil when the schema has no such parameter.
    public subscript(name: String) -> ParameterValue? { values[name] }

    /// The value of `name` as a number (an integer converts), or nil when absent or of another type.
    public func number(_ name: String) -> Double? {
        switch values[name] {
        case let .number(v)?: return v
        case let .integer(v)?: return Double(v)
        default: return nil
        }
    }

    /// The value of `spec` (its schema default when absent).
    public func value(_ spec: ParameterSpec) -> ParameterValue? { values[spec.name] ?? spec.defaultValue }

    /// The value of `spec` as a number (its default when absent; integers convert).
    /// - Throws: `ModuleError` of `module` at the parameter's name when it is not a number.
    public func number(_ spec: ParameterSpec, module: String) throws(ModuleError) -> Double {
        switch value(spec) {
        case let .number(v)?: return v
        case let .integer(v)?: return Double(v)
        default: throw ModuleError(module: module, keyPath: spec.name, message: "expected a number")
        }
    }

    /// The value of `name` when it is an integer, else nil.
    public func integer(_ name: String) -> Int? {
        if case let .integer(v)? = values[name] { return v }
        return nil
    }

    /// The value of `name` when it is a text, else nil.
    public func text(_ name: String) -> String? {
        if case let .text(v)? = values[name] { return v }
        return nil
    }

    /// The value of `name` when it is a boolean, else nil.
    public func boolean(_ name: String) -> Bool? {
        if case let .boolean(v)? = values[name] { return v }
        return nil
    }

    /// The value of `name` when it is a list of numbers, else nil.
    public func numberList(_ name: String) -> [Double]? {
        if case let .numberList(v)? = values[name] { return v }
        return nil
    }

    /// The value of `name` when it is a list of texts, else nil.
    public func textList(_ name: String) -> [String]? {
        if case let .textList(v)? = values[name] { return v }
        return nil
    }

    /// The value of `name` when it is a mapping of numbers (key → number), else nil.
    public func numberMap(_ name: String) -> [String: Double]? {
        if case let .numberMap(v)? = values[name] { return v }
        return nil
    }
}
