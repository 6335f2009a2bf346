import ForecastEngine
import Foundation
import ScenarioKit

/// A scenario file read and validated, as a plain value: what the file says, with the locations
/// kept for errors. No calibration has run and no module is built: `ScenarioRuntime` does that.
///
/// Data flow: file → `ScenarioLoader` → `ScenarioSpec` → `ScenarioRuntime` → `ScenarioOutcome`
/// → renderers.
public struct ScenarioSpec: Sendable {
    public var id: String
    public var title: LocalizedText
    /// The scenario file as the user named it.
    public var file: String
    /// The dataset the scenario names, read.
    public var dataset: Dataset
    /// The scenario as written (after `--set` overrides).
    public var baseline: ScenarioCase
    /// Variants and sweep points, in file order (variants first): each the whole scenario with
    /// its overrides applied.
    public var variants: [ScenarioCase]
    /// Figures the baseline rests on, with status and source (for report notes).
    public var provenance: [String]
    /// The `sensitivity:` block, if any (`binhai sensitivity`).
    public var sensitivity: SensitivitySpec?
}

/// One run a scenario asks for: the baseline, a named variant or a sweep point. Parameters are
/// read and checked but not calibrated.
public struct ScenarioCase: Sendable {
    /// The scenario's id.
    public var id: String
    /// nil for the baseline; the variant's name, or `path=value, …` for a sweep point.
    public var name: String?
    /// `path=value` texts of the overrides (empty for the baseline), for reports.
    public var overrides: [String]
    /// True for a point of `sweep:` (whose module tables are not reported one by one).
    public var isSweepPoint: Bool
    /// Engine parameters from the dataset's assumptions and the `plan:`/`engine:` blocks, validated;
    /// lead rates are calibrated by the runtime.
    public var parameters: ForecastParameters
    /// q of "the effort needed to reach the target with probability q" (`plan.target_probability`).
    public var targetProbability: Double
    /// What calibration is fitted to: the base-year (and trend-year) observations and the trend rule.
    public var calibrationData: BaseYearData
    public var trend: TrendFit
    /// The `modules:` entries, validated against the module catalogue (parameters checked,
    /// defaults filled in), in listed order.
    public var modules: [ModuleUse]
    /// Where a calibration problem is reported (the `calibration:` block, else the document).
    public var calibrationLocation: SourceLocation
    public var calibrationKeyPath: String

    /// The error for a calibration that failed, at the calibration block.
    public func calibrationError(_ message: String) -> ScenarioFileError {
        ScenarioFileError(location: calibrationLocation, keyPath: calibrationKeyPath, message: message)
    }
}
