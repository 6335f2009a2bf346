import Foundation
import ScenarioKit

extension ModuleContext {
    /// A context for tests: plan 2020→2025 and the default catalogues unless given; point
    /// `ioTableFolder` at `TestFolders.ioTable(...)` or a real table folder.
    public static func testing(
        scenarioID: String = "test", baseYear: Int = 2020, targetYear: Int = 2025, datasetFolder: URL? = nil,
        ioTableFolder: URL? = nil, industries: [CatalogueEntry] = TestCatalogues.industries,
        carriers: [CatalogueEntry] = TestCatalogues.carriers, sources: [CatalogueEntry] = TestCatalogues.sources,
        pipeline: PipelineOutline? = nil, majorProjects: [MajorProjectInput] = []
    ) -> ModuleContext {
        ModuleContext(
            scenarioID: scenarioID, baseYear: baseYear, targetYear: targetYear, datasetFolder: datasetFolder,
            ioTableFolder: ioTableFolder, industries: industries, carriers: carriers, sources: sources,
            pipeline: pipeline, majorProjects: majorProjects)
    }
}

extension EngineInputs {
    /// The inputs a module's prepare phase would see in `context`: its catalogues, effort 1 in every
    /// forecast year, the context's major projects.
    public static func testing(_ context: ModuleContext = .testing()) -> EngineInputs {
        let years = context.targetYear > context.baseYear ? Array((context.baseYear + 1)...context.targetYear) : []
        return EngineInputs(
            baseYear: context.baseYear, targetYear: context.targetYear, industries: context.industries,
            carriers: context.carriers, sources: context.sources,
            effort: Dictionary(uniqueKeysWithValues: years.map { ($0, 1.0) }), majorProjects: context.majorProjects)
    }
}
