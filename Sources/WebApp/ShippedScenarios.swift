import Datasets
import Foundation
import ScenarioFiles
import ScenarioKit
import ScenarioRuntime
import Vocabulary

/// The scenarios shipped with the tool (the repository's `scenarios/`, embedded), by id: the only
/// scenario files the server reads. A request names one by its id, never by a path.
public struct ShippedScenarios: Sendable {
    /// One shipped scenario: its id, title and the file's text.
    public struct Entry: Sendable {
        public let id: String
        public let title: LocalizedText
        public let text: String
        /// The file name (for error messages and downloads).
        public let fileName: String
    }

    public let entries: [Entry]

    /// Reads every embedded scenario through `runtime` (so each is validated once at start).
    public init(runtime: ScenarioRuntime) throws {
        var entries: [Entry] = []
        for url in try EmbeddedDatasets.shippedScenarios {
            let text = try String(contentsOf: url, encoding: .utf8)
            let spec = try runtime.load(text: text, file: url.lastPathComponent)
            entries.append(Entry(id: spec.id, title: spec.title, text: text, fileName: url.lastPathComponent))
        }
        // The default scenario first, then the others by file name.
        self.entries = entries.filter { $0.id == "doubling-2020-2025" } + entries.filter { $0.id != "doubling-2020-2025" }
    }

    /// The entry with `id`, if shipped.
    public func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }
}
