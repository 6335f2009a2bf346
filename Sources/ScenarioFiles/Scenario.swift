import ForecastEngine
import Foundation

/// A scenario read from a YAML file: the calibrated baseline parameters, the dataset they were
/// calibrated on, the module list, and the named variants (each a full, calibrated parameter set).
public struct Scenario {
    public var id: String
    public var title: LocalizedName
    /// The scenario file as the user named it.
    public var file: String
    public var dataset: Dataset
    /// Calibrated baseline parameters, with the modules' prepare phases applied (in listed order).
    public var parameters: ForecastParameters
    /// What calibration found (base-year total, trend, lead rates).
    public var calibration: CalibrationResult
    /// Probability q for "the effort needed to reach the target with probability q" (`plan.target_probability`).
    public var targetProbability: Double
    /// Modules in the order listed, validated and built (their prepare phases are already in
    /// `parameters`; `ScenarioModules.run` runs their analyze phases).
    public var modules: [ModuleUse]
    /// Variants and sweep points, in file order (variants first).
    public var variants: [ScenarioVariant]
    /// Figures the baseline rests on, with status and source (for report notes).
    public var provenance: [String]
}

/// A named alternative to the baseline: the overrides it applies and the calibrated parameters.
public struct ScenarioVariant {
    public var name: String
    /// `path=value` texts, for reports.
    public var overrides: [String]
    /// Calibrated parameters with the modules' prepare phases applied.
    public var parameters: ForecastParameters
    /// The variant's module uses (its overrides may change module parameters).
    public var modules: [ModuleUse]
    /// True for a point of `sweep:` (whose module tables are not reported one by one).
    public var isSweepPoint = false
}
