/// JSON form of parameter values and specs (the descriptor a plugin reports and
/// `binhai modules describe --format json` prints): values are plain JSON (`2.5`, `12`, `"x"`,
/// `true`, `[…]`, `{…}`); spec keys are snake_case (`default`, `allowed_values`).
extension ParameterValue {
    /// Decodes a plain JSON value (tried as boolean, integer, number, text, lists, then number map).
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) {
            self = .boolean(b)
        } else if let i = try? c.decode(Int.self) {
            self = .integer(i)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .text(s)
        } else if let l = try? c.decode([Double].self) {
            self = .numberList(l)
        } else if let l = try? c.decode([String].self) {
            self = .textList(l)
        } else if let m = try? c.decode([String: Double].self) {
            self = .numberMap(m)
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "expected a parameter value")
        }
    }

    /// Encodes the value as plain JSON, without a type tag.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .number(v): try c.encode(v)
        case let .integer(v): try c.encode(v)
        case let .text(v): try c.encode(v)
        case let .boolean(v): try c.encode(v)
        case let .numberList(v): try c.encode(v)
        case let .textList(v): try c.encode(v)
        case let .numberMap(v): try c.encode(v)
        }
    }

    /// The value as the declared `type` (a JSON `2` read back as `.number(2)` for a number spec,
    /// `[]` as an empty text list), or nil when it does not fit.
    public func coerced(to type: ParameterType) -> ParameterValue? {
        switch (self, type) {
        case (.integer(let i), .number): return .number(Double(i))
        case (.numberList(let l), .textList) where l.isEmpty: return .textList([])
        case (.textList(let l), .numberList) where l.isEmpty: return .numberList([])
        case (.numberList(let l), .numberMap) where l.isEmpty: return .numberMap([:])
        default: return kind == type ? self : nil
        }
    }

    /// The parameter type this value has.
    public var kind: ParameterType {
        switch self {
        case .number: return .number
        case .integer: return .integer
        case .text: return .text
        case .boolean: return .boolean
        case .numberList: return .numberList
        case .textList: return .textList
        case .numberMap: return .numberMap
        }
    }
}

extension ParameterSpec {
    enum CodingKeys: String, CodingKey {
        case name, type, unit, minimum, maximum, help
        case defaultValue = "default"
        case allowedValues = "allowed_values"
        case isRequired = "required"
    }

    /// Decodes a spec from snake_case JSON, coercing its default to the declared type.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(ParameterType.self, forKey: .type)
        var d = try c.decodeIfPresent(ParameterValue.self, forKey: .defaultValue)
        if let raw = d {
            guard let fitted = raw.coerced(to: type) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .defaultValue, in: c, debugDescription: "default does not fit type \(type.rawValue)")
            }
            d = fitted
        }
        self.init(
            name: try c.decode(String.self, forKey: .name), type: type,
            unit: try c.decodeIfPresent(String.self, forKey: .unit), defaultValue: d,
            minimum: try c.decodeIfPresent(Double.self, forKey: .minimum),
            maximum: try c.decodeIfPresent(Double.self, forKey: .maximum),
            allowedValues: try c.decodeIfPresent([String].self, forKey: .allowedValues),
            help: try c.decode(LocalizedText.self, forKey: .help))
    }

    /// Encodes the spec as snake_case JSON (with `required`; nil fields left out).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encode(isRequired, forKey: .isRequired)
        try c.encodeIfPresent(defaultValue, forKey: .defaultValue)
        try c.encodeIfPresent(minimum, forKey: .minimum)
        try c.encodeIfPresent(maximum, forKey: .maximum)
        try c.encodeIfPresent(allowedValues, forKey: .allowedValues)
        try c.encode(help, forKey: .help)
    }
}
