/// What a module is: identity, version, title and parameter schema. Shown by
/// `binhai modules list` / `describe`, and (as JSON) what a plugin library reports.
public struct ModuleDescriptor: Sendable, Equatable, Codable {
    /// Identifier used in scenario files (`use: industry-chain`), lowercase with dashes.
    public var id: String
    /// Semantic version of the module, e.g. "1.0.0".
    public var version: String
    public var title: LocalizedText
    /// One or two sentences on what the module answers.
    public var summary: LocalizedText
    public var parameters: [ParameterSpec]

    public init(id: String, version: String, title: LocalizedText, summary: LocalizedText, parameters: [ParameterSpec]) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.parameters = parameters
    }
}
