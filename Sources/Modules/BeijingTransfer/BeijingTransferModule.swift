import ScenarioKit

/// The beijing-transfer module (北京非首都功能疏解承接): relocations from Beijing as an absorbing
/// Markov chain per tier (docs/MODULES.md).
///
/// Each tier's firms/institutions move one step a year along candidate → contacted (敲门) →
/// negotiating → signed → relocated, and may withdraw from any state (`StageProbabilities`,
/// `AbsorbingChain`: N = (I − Q)⁻¹, t = N·1, B = N·R). Work teams raise the contact probability,
/// p′ = 1 − (1 − p)^(work_teams / reference_work_teams).
///
/// **prepare** (when `feed_engine`): adds one `MajorProjectInput` per tier and forecast year,
/// amount = EXPECTED relocations × investment_yi (亿元), probability 1, the tier's industry and
/// carrier, source `source`. The engine then spreads it with its disbursement schedule; the
/// uncertainty of the relocation count is reported in this module's tables, not in the engine's
/// draws. The tiers stand for the programme's relocations on top of the Beijing leads already in
/// the calibrated baseline (the baseline's Beijing source is not changed).
///
/// **analyze** adds `beijing-transfer.chain` (per tier and state: P(relocate), P(withdraw),
/// expected years to absorption and to relocation given relocation), `beijing-transfer.relocations`
/// (per year and tier: expected relocations with their standard deviation, cumulative counts,
/// investment and registered capital) and `beijing-transfer.progress` (cumulative investment in
/// place of `source` over the draws against `target_cumulative_yi`).
public struct BeijingTransferModule: ScenarioModule {
    public static var descriptor: ModuleDescriptor { BeijingTransferSchema.descriptor }

    public let settings: BeijingTransferSettings
    /// Forecast years B+1 … T.
    public let years: [Int]
    /// One forecast per tier, in `tiers` order.
    public let tiers: [TierForecast]

    /// Reads and checks the parameters and computes every tier's chain and projection.
    /// - Throws: `ModuleError` with the key path of the parameter responsible.
    public init(parameters: ModuleParameters, context: ModuleContext) throws {
        let settings = try BeijingTransferSettings(parameters, context: context)
        let years = context.targetYear > context.baseYear ? Array((context.baseYear + 1)...context.targetYear) : []
        self.settings = settings
        self.years = years
        self.tiers = try settings.tiers.map { t throws(ModuleError) in
            try TierForecast(t, workTeams: settings.workTeams, referenceWorkTeams: settings.referenceWorkTeams, years: years.count)
        }
    }

    /// The major projects `prepare` adds (empty when `feed_engine` is false).
    public var majorProjects: [MajorProjectInput] {
        settings.feedEngine ? tiers.flatMap { $0.majorProjects(years: years, source: settings.source) } : []
    }

    public func prepare(_ inputs: inout EngineInputs) throws {
        guard inputs.years == years else {
            throw ModuleError(
                module: BeijingTransferSchema.id,
                message: "the engine's forecast years (\(inputs.years.first ?? 0)–\(inputs.years.last ?? 0)) differ from the scenario's (\(years.first ?? 0)–\(years.last ?? 0))")
        }
        inputs.majorProjects += majorProjects
    }

    public func analyze(_ outputs: EngineOutputs, into results: inout ResultSet) throws {
        results.add(ChainTable.table(tiers, settings: settings))
        results.add(RelocationTable.table(tiers, years: years))
        results.add(try ProgressTable.table(outputs, tiers: tiers, years: years, settings: settings))
    }
}
