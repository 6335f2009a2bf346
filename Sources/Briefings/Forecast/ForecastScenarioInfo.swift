import ForecastEngine

/// What a forecast was run on, echoed in briefing notes and in the JSON `scenario` object.
public struct ForecastScenarioInfo: Sendable, Equatable {
    /// Scenario identifier, e.g. `doubling-2020-2025`.
    public var id: String
    /// Human title in both languages.
    public var title: LocalizedText?
    /// The dataset description, e.g. `builtin:binhai-default` or a folder path with its version.
    public var dataset: String?
    /// Provenance of the input figures, one note each, e.g.
    /// "2020 base year: domestic 1184.4 亿元 extrapolated from Jan–Nov ×12/11". Shown as written.
    public var provenance: [String]

    public init(id: String, title: LocalizedText? = nil, dataset: String? = nil, provenance: [String] = []) {
        self.id = id
        self.title = title
        self.dataset = dataset
        self.provenance = provenance
    }
}
