import ForecastEngine
import ScenarioFiles
import ScenarioKit

/// A module use with its module built (once per distinct use and dataset; see `ScenarioRuntime`).
public struct PreparedModuleUse: Sendable {
    /// The `modules:` entry as read (id, parameters, location for errors).
    public var use: ModuleUse
    public var module: any ScenarioModule
}

/// One run of a scenario ready to go: the baseline, a variant or a sweep point, calibrated and
/// with its modules' prepare phases applied.
public struct PreparedCase: Sendable {
    /// nil for the baseline.
    public var name: String?
    /// `path=value` texts of the overrides (empty for the baseline).
    public var overrides: [String]
    public var isSweepPoint: Bool
    /// q of "the effort needed to reach the target with probability q" (`plan.target_probability`).
    public var targetProbability: Double
    /// What calibration found (before the modules' prepare phases).
    public var calibration: CalibrationResult
    /// Calibrated parameters with the modules' prepare phases applied, in listed order.
    public var parameters: ForecastParameters
    public var modules: [PreparedModuleUse]
}

/// A scenario spec with every case prepared: what `ScenarioRuntime.run` runs.
public struct PreparedScenario: Sendable {
    public var spec: ScenarioSpec
    public var baseline: PreparedCase
    /// Variants and sweep points, in file order (variants first).
    public var variants: [PreparedCase]

    /// Shorthands for the baseline.
    public var parameters: ForecastParameters { baseline.parameters }
    public var calibration: CalibrationResult { baseline.calibration }
    public var modules: [PreparedModuleUse] { baseline.modules }
}

extension PreparedModuleUse {
    /// The module id (`use:`).
    public var id: String { use.id }
    public var descriptor: ModuleDescriptor { use.descriptor }
    /// The validated parameters.
    public var values: ModuleParameters { use.values }
}

extension PreparedScenario {
    /// The scenario's id and title.
    public var id: String { spec.id }
    public var title: LocalizedText { spec.title }
}
