/// A parameter value as read from a scenario file, already checked against its `ParameterSpec`.
public enum ParameterValue: Sendable, Equatable, Codable {
    case number(Double)
    case integer(Int)
    case text(String)
    case boolean(Bool)
    case numberList([Double])
    case textList([String])
    case numberMap([String: Double])
}

/// A problem with a module parameter. `keyPath` is relative to the module's `with:` block
/// (e.g. `amounts.new_energy`); the scenario layer adds the file, line and column.
public struct ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var keyPath: String
    public var message: String
    /// True when the error is about the key itself (an unknown key), so that the scenario layer
    /// points at the key rather than at its value.
    public var isAboutKey: Bool

    public init(keyPath: String, message: String, isAboutKey: Bool = false) {
        self.keyPath = keyPath
        self.message = message
        self.isAboutKey = isAboutKey
    }

    public var description: String { keyPath.isEmpty ? message : "\(keyPath): \(message)" }
}

/// The validated parameters of one module use: every parameter of the schema is present
/// (defaults filled in), with the declared type.
public struct ModuleParameters: Sendable, Equatable {
    public private(set) var values: [String: ParameterValue]

    public init(values: [String: ParameterValue]) { self.values = values }

    public subscript(name: String) -> ParameterValue? { values[name] }

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

    public func integer(_ name: String) -> Int? {
        if case let .integer(v)? = values[name] { return v }
        return nil
    }

    public func text(_ name: String) -> String? {
        if case let .text(v)? = values[name] { return v }
        return nil
    }

    public func boolean(_ name: String) -> Bool? {
        if case let .boolean(v)? = values[name] { return v }
        return nil
    }

    public func numberList(_ name: String) -> [Double]? {
        if case let .numberList(v)? = values[name] { return v }
        return nil
    }

    public func textList(_ name: String) -> [String]? {
        if case let .textList(v)? = values[name] { return v }
        return nil
    }

    public func numberMap(_ name: String) -> [String: Double]? {
        if case let .numberMap(v)? = values[name] { return v }
        return nil
    }
}
