/// The type of a module parameter as a scenario file writes it.
public enum ParameterType: String, Sendable, Codable, CaseIterable {
    /// A real number (e.g. 100 亿元, 0.7).
    case number
    /// A whole number (e.g. 12 work teams).
    case integer
    /// A piece of text (e.g. a sector code, `VA001:TC`).
    case text
    /// true / false.
    case boolean
    /// A list of numbers (e.g. a schedule).
    case numberList = "number_list"
    /// A list of texts (e.g. industry ids).
    case textList = "text_list"
    /// A mapping from text keys to numbers (e.g. `{intelligent_tech: 100, new_energy: 50}`).
    case numberMap = "number_map"
}

/// One parameter of a module: name, type, unit, default, bounds and help in both languages.
/// The scenario layer validates a scenario's `with:` block against these and reports problems
/// with the file, line, column and key path.
public struct ParameterSpec: Sendable, Equatable, Codable {
    /// Key in the scenario file (`snake_case`).
    public var name: String
    /// The type the value must have (see `ParameterType`).
    public var type: ParameterType
    /// Unit shown in `binhai modules describe`, e.g. "亿元", "teams", "share".
    public var unit: String?
    /// Value when the scenario does not set it; nil makes the parameter required.
    public var defaultValue: ParameterValue?
    /// Inclusive bounds for numbers (each element of lists and maps).
    public var minimum: Double?
    /// Inclusive upper bound for numbers (each element of lists and maps); nil: unbounded.
    public var maximum: Double?
    /// Allowed values for text parameters (nil: any text).
    public var allowedValues: [String]?
    /// What the parameter means, in Chinese and English (shown by `binhai modules describe`).
    public var help: LocalizedText

    /// A spec from its parts; without `defaultValue` the parameter is required.
    public init(
        name: String, type: ParameterType, unit: String? = nil, defaultValue: ParameterValue? = nil,
        minimum: Double? = nil, maximum: Double? = nil, allowedValues: [String]? = nil, help: LocalizedText
    ) {
        self.name = name
        self.type = type
        self.unit = unit
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
        self.allowedValues = allowedValues
        self.help = help
    }

    /// True when the scenario must set it.
    public var isRequired: Bool { defaultValue == nil }
}
