import ForecastEngine
import ScenarioFiles
import ScenarioKit

/// Everything one run of a scenario produced, as one value: what renderers (terminal, Markdown,
/// CSV, JSON, SVG, HTML, XLSX), the web page and sweeps read. No file, no language: renderers
/// choose those.
public struct ScenarioOutcome: Sendable {
    /// The scenario's id and title.
    public var id: String
    public var title: LocalizedText
    /// The scenario file as the user named it.
    public var file: String
    /// How the scenario named its dataset (`builtin:binhai-default` or a path) and its title.
    public var datasetReference: String
    public var datasetTitle: LocalizedText
    /// Figures the baseline rests on, with status and source (for report notes).
    public var provenance: [String]
    /// What calibration found for the baseline.
    public var calibration: CalibrationResult
    /// The baseline forecast.
    public var baseline: ForecastResult
    /// The effort needed to reach the target with `targetProbability` (nil when not searched).
    public var effort: EffortRequirement?
    /// q of "the effort needed to reach the target with probability q".
    public var targetProbability: Double
    /// Each variant and sweep point against the baseline, in file order.
    public var variants: [VariantComparison]
    /// Module tables: the baseline's, then for each named variant the tables that differ from
    /// the baseline's (sweep points report their forecast only).
    public var modules: [ModuleReport]
}
