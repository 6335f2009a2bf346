import Foundation

/// What a module knows about the scenario it runs in.
public struct ModuleContext: Sendable {
    /// Id of the scenario the module is built for.
    public let scenarioID: String
    /// Base year B of the plan (the last observed year; forecast years are B+1 … T).
    public let baseYear: Int
    /// Target year T of the plan (the year the target m × X_B is due).
    public let targetYear: Int
    /// The dataset folder (for module-specific files such as `concordance.csv`), if any.
    public let datasetFolder: URL?
    /// The dataset's input-output table folder (`Z.csv`, `Y.csv`, …), if it has one.
    public let ioTableFolder: URL?
    /// The scenario's catalogues.
    public let industries: [CatalogueEntry]
    /// The scenario's carriers (载体: development zones, streets/towns, parks); `weight` is the lead share.
    public let carriers: [CatalogueEntry]
    /// The scenario's sources (e.g. Beijing, other domestic, foreign); `weight` is the lead-rate multiplier.
    public let sources: [CatalogueEntry]
    /// What modules share across builds in this host (nil in tests and plugins): keep expensive
    /// inputs there, keyed by everything they depend on (see `SharedResources`).
    public let shared: SharedResources?
    /// The scenario's pipeline stages, rates and disbursement schedule (nil when the host does not
    /// say, e.g. in a test context built without them).
    public let pipeline: PipelineOutline?
    /// The scenario's own major projects (攻坚项目, the engine block's list), before any module's
    /// prepare phase adds to them.
    public let majorProjects: [MajorProjectInput]

    /// A context from its parts; `shared` is the host's store (nil: a module makes its values itself).
    public init(
        scenarioID: String, baseYear: Int, targetYear: Int, datasetFolder: URL?, ioTableFolder: URL?,
        industries: [CatalogueEntry], carriers: [CatalogueEntry], sources: [CatalogueEntry],
        shared: SharedResources? = nil, pipeline: PipelineOutline? = nil, majorProjects: [MajorProjectInput] = []
    ) {
        self.scenarioID = scenarioID
        self.baseYear = baseYear
        self.targetYear = targetYear
        self.datasetFolder = datasetFolder
        self.ioTableFolder = ioTableFolder
        self.industries = industries
        self.carriers = carriers
        self.sources = sources
        self.shared = shared
        self.pipeline = pipeline
        self.majorProjects = majorProjects
    }

    /// Lookups of the catalogues by id or name (see `CatalogueLookup` for the rules).
    public var industryLookup: CatalogueLookup { CatalogueLookup(what: "industry", entries: industries) }
    /// Lookup of `carriers` by id or name ("carrier" in messages).
    public var carrierLookup: CatalogueLookup { CatalogueLookup(what: "carrier", entries: carriers) }
    /// Lookup of `sources` by id or name ("source" in messages).
    public var sourceLookup: CatalogueLookup { CatalogueLookup(what: "source", entries: sources) }
}

extension ModuleContext: Equatable {
    /// Equal when everything a module may read is equal (the shared store is not compared).
    public static func == (a: ModuleContext, b: ModuleContext) -> Bool {
        a.scenarioID == b.scenarioID && a.baseYear == b.baseYear && a.targetYear == b.targetYear
            && a.datasetFolder == b.datasetFolder && a.ioTableFolder == b.ioTableFolder && a.industries == b.industries
            && a.carriers == b.carriers && a.sources == b.sources && a.pipeline == b.pipeline
            && a.majorProjects == b.majorProjects
    }
}

