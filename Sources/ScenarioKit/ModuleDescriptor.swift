/// What a module is: identity, version, title and parameter schema. Shown by
/// `binhai modules list` / `describe`, and (as JSON) what a plugin library reports.
public struct ModuleDescriptor: Sendable, Equatable, Codable {
    /// Identifier used in scenario files (`use: industry-chain`), lowercase with dashes.
    public var id: String
    /// Semantic version of the module, e.g. "1.0.0".
    public var version: String
    /// Display name in Chinese and English, shown by `binhai modules list`.
    public var title: LocalizedText
    /// One or two sentences on what the module answers.
    public var summary: LocalizedText
    /// The parameter schema: one spec per key the module's `with:` block may set.
    public var parameters: [ParameterSpec]

    /// A descriptor from its parts (`schemaProblems()` lists the rules it must keep).
    public init(id: String, version: String, title: LocalizedText, summary: LocalizedText, parameters: [ParameterSpec]) {
        self.id = id
        self.version = version
        self.title = title
        self.summary = summary
        self.parameters = parameters
    }
}
