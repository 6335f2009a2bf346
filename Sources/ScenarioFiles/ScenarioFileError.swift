/// A position in a text file, 1-based, as editors show it.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it (or `<string>` for in-memory text).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// An error in a scenario or dataset file: where it is, which key, and what was expected.
///
/// Rendered as `scenario.yaml:12:5: engine.draws: expected an integer ≥ 1, got "many"`,
/// the `file:line:column:` form editors and terminals link to.
public struct ScenarioFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    /// Dotted key path from the document root, e.g. `engine.sources.foreign.lead_rate`
    /// (sequence items as `[3]`). Empty for errors about the whole document.
    public var keyPath: String
    /// What is wrong and what was expected.
    public var message: String

    public init(location: SourceLocation, keyPath: String, message: String) {
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        keyPath.isEmpty ? "\(location): \(message)" : "\(location): \(keyPath): \(message)"
    }
}
