/// The forecast engine's inputs that a module may change in its **prepare** phase, e.g. the
/// Beijing-transfer module adds relocations as major projects and raises the Beijing lead rate.
/// The scenario layer maps these back onto the engine's parameters (no other back door).
public struct EngineInputs: Sendable, Equatable {
    public let baseYear: Int
    public let targetYear: Int
    /// Industries with their lead shares (relative weights).
    public var industries: [CatalogueEntry]
    /// Carriers with their lead shares.
    public var carriers: [CatalogueEntry]
    /// Sources with their lead-rate multipliers for forecast years (`weight`, default 1).
    public var sources: [CatalogueEntry]
    /// Effort path: year → multiplier on lead arrivals of all sources (step path).
    public var effort: [Int: Double]
    public var majorProjects: [MajorProjectInput]

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
