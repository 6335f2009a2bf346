/// The forecast engine's inputs that a module may change in its **prepare** phase, e.g. the
/// Beijing-transfer module adds relocations as major projects and raises the Beijing lead rate.
/// The scenario layer maps these back onto the engine's parameters (no other back door).
public struct EngineInputs: Sendable, Equatable {
    /// Base year B of the plan (the last observed year); modules may not change it.
    public let baseYear: Int
    /// Target year T of the plan; modules may not change it.
    public let targetYear: Int
    /// Industries with their lead shares (relative weights).
    public var industries: [CatalogueEntry]
    /// Carriers with their lead shares.
    public var carriers: [CatalogueEntry]
    /// Sources with their lead-rate multipliers for forecast years (`weight`, default 1).
    public var sources: [CatalogueEntry]
    /// Effort path: year → multiplier on lead arrivals of all sources (step path).
    public var effort: [Int: Double]
    /// Major projects (攻坚项目) added on top of the pipeline, each landing in its year with its
    /// probability; modules may append to them (e.g. relocations from Beijing, a batch of projects).
    public var majorProjects: [MajorProjectInput]

    /// Inputs for the plan B → T (`baseYear` → `targetYear`) with the given catalogues, effort
    /// values by forecast year and major projects (default: none of either).
    public init(
        baseYear: Int, targetYear: Int, industries: [CatalogueEntry], carriers: [CatalogueEntry],
        sources: [CatalogueEntry], effort: [Int: Double] = [:], majorProjects: [MajorProjectInput] = []
    ) {
        self.baseYear = baseYear
        self.targetYear = targetYear
        self.industries = industries
        self.carriers = carriers
        self.sources = sources
        self.effort = effort
        self.majorProjects = majorProjects
    }

    /// Forecast years B+1 … T.
    public var years: [Int] { targetYear > baseYear ? Array((baseYear + 1)...targetYear) : [] }
}
