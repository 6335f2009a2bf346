import ScenarioRuntime

extension ForecastBriefing {
    /// The briefing of a scenario run: the baseline, its effort search, the variants and the
    /// module tables of `outcome`, labelled in `language`.
    public init(outcome: ScenarioOutcome, language: Language, splitsForAllYears: Bool = false) {
        let info = ForecastScenarioInfo(
            id: outcome.id, title: outcome.title,
            dataset: "\(outcome.datasetReference) (\(language.pick(outcome.datasetTitle.zh, outcome.datasetTitle.en)))",
            provenance: outcome.provenance)
        self.init(
            result: outcome.baseline, scenario: info, effort: outcome.effort, variants: outcome.variants,
            language: language, splitsForAllYears: splitsForAllYears)
        modules = outcome.modules
    }
}
