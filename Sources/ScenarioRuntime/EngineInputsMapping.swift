import ForecastEngine
import ScenarioFiles
import ScenarioKit

extension ModuleContext {
    /// The context modules of a scenario see: its plan years, dataset folder, IO table folder and
    /// the catalogues of `parameters`.
    /// `shared` holds what modules share across builds (see `SharedResources`).
    init(scenarioID: String, dataset: Dataset, parameters p: ForecastParameters, shared: SharedResources?) {
        self.init(
            scenarioID: scenarioID, baseYear: p.plan.baseYear, targetYear: p.plan.targetYear,
            datasetFolder: dataset.folder, ioTableFolder: dataset.ioTableFolder,
            industries: p.industries.map { CatalogueEntry(id: $0.id, name: $0.name, weight: $0.leadShare) },
            carriers: p.carriers.map { CatalogueEntry(id: $0.id, name: $0.name, weight: $0.leadShare) },
            sources: p.sources.map { CatalogueEntry(id: $0.id, name: $0.name, weight: $0.leadRateMultiplier) },
            shared: shared, pipeline: PipelineOutline(p), majorProjects: EngineInputs(p).majorProjects)
    }
}

extension EngineInputs {
    /// The inputs modules may change, read from the engine's parameters: industry and carrier lead
    /// shares (`weight`), source lead-rate multipliers (`weight`), the effort value of every
    /// forecast year, and the major projects.
    public init(_ p: ForecastParameters) {
        let years = p.plan.forecastYears
        self.init(
            baseYear: p.plan.baseYear, targetYear: p.plan.targetYear,
            industries: p.industries.map { CatalogueEntry(id: $0.id, name: $0.name, weight: $0.leadShare) },
            carriers: p.carriers.map { CatalogueEntry(id: $0.id, name: $0.name, weight: $0.leadShare) },
            sources: p.sources.map { CatalogueEntry(id: $0.id, name: $0.name, weight: $0.leadRateMultiplier) },
            effort: Dictionary(uniqueKeysWithValues: years.map { ($0, p.effort.value(in: $0)) }),
            majorProjects: p.majorProjects.map {
                MajorProjectInput(
                    name: $0.name, industry: $0.industry, carrier: $0.carrier, source: $0.source, amount: $0.amount,
                    probability: $0.probability, year: $0.expectedYear)
            })
    }
}

extension ForecastParameters {
    /// Write a module's changed inputs back. Modules may change weights, effort and major projects,
    /// not the catalogues themselves (ids, order) nor the plan years. Calibration is not redone:
    /// these inputs act on forecast years only (lead shares only split amounts).
    /// - Returns: a problem description, or nil when the inputs were applied.
    public mutating func apply(_ inputs: EngineInputs) -> String? {
        if inputs.baseYear != plan.baseYear || inputs.targetYear != plan.targetYear {
            return "changed the plan years (\(plan.baseYear)→\(plan.targetYear)); modules may not"
        }
        func sameIDs(_ a: [CatalogueEntry], _ b: [String], _ what: String) -> String? {
            a.map(\.id) == b ? nil : "changed the \(what) catalogue (ids \(b.joined(separator: ", "))); modules may change weights only"
        }
        if let e = sameIDs(inputs.industries, industries.map(\.id), "industry")
            ?? sameIDs(inputs.carriers, carriers.map(\.id), "carrier")
            ?? sameIDs(inputs.sources, sources.map(\.id), "source")
        {
            return e
        }
        for (k, e) in inputs.industries.enumerated() { industries[k].leadShare = e.weight }
        for (k, e) in inputs.carriers.enumerated() { carriers[k].leadShare = e.weight }
        for (k, e) in inputs.sources.enumerated() { sources[k].leadRateMultiplier = e.weight }
        for (year, value) in inputs.effort.sorted(by: { $0.key < $1.key }) {
            guard value.isFinite, value >= 0 else { return "effort \(year) = \(value); expected a number ≥ 0" }
            if year > plan.baseYear { effort.values[year] = value }
        }
        majorProjects = inputs.majorProjects.map {
            MajorProject(
                name: $0.name, industry: $0.industry, carrier: $0.carrier, source: $0.source, amount: $0.amount,
                probability: $0.probability, expectedYear: $0.year)
        }
        do {
            try validate()
        } catch {
            return "left invalid engine inputs: \(error)"
        }
        return nil
    }
}

extension PipelineOutline {
    /// The engine's pipeline and disbursement schedule as modules see them.
    init(_ p: ForecastParameters) {
        let stages = p.pipeline.stages.enumerated().map { k, stage in
            let t = k < p.pipeline.transitions.count ? p.pipeline.transitions[k] : StageTransition(advance: 0, dropOut: 0)
            return Stage(id: stage.id, name: stage.name, advance: t.advance, dropOut: t.dropOut)
        }
        self.init(stages: stages, landingStage: p.pipeline.landingStage, disbursement: p.disbursement.shares)
    }
}
