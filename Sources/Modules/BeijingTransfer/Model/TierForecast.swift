import ScenarioKit

/// One tier's chain and year-by-year forecast over the scenario's forecast years.
public struct TierForecast: Sendable {
    public let settings: TierSettings
    /// Probabilities after the work-team effect on contact.
    public let probabilities: StageProbabilities
    public let chain: AbsorbingChain
    public let projection: RelocationProjection
    /// Investment (亿元) starting in each forecast year: relocations of year y − lag × investment_yi.
    public let investmentStarting: [Double]
    /// Registered capital (亿元) of the relocations of each forecast year.
    public let registeredCapital: [Double]

    /// - Throws: `ModuleError` (at the tier's probabilities) when a state can never be left.
    init(_ tier: TierSettings, workTeams: Double, referenceWorkTeams: Double, years: Int) throws(ModuleError) {
        let p = tier.probabilities.withWorkTeams(workTeams, reference: referenceWorkTeams)
        for s in RelocationState.allCases where p.advance[s.rawValue] + p.withdraw[s.rawValue] <= 0 {
            let teams = s == .candidate && tier.probabilities.advance[0] > 0
                ? " (with work_teams = \(fmt(workTeams)) the contact probability is 0)" : ""
            throw ModuleError(
                module: BeijingTransferSchema.id, keyPath: "\(s.advanceKey).\(tier.id)",
                message: "tier \(tier.id), state \(s.id): \(s.advanceKey) + \(s.withdrawKey) = 0\(teams), so units in this state stay forever and the chain has no absorption; give one of them a value > 0")
        }
        let (q, r) = p.matrices()
        let chain: AbsorbingChain, projection: RelocationProjection
        do {
            chain = try AbsorbingChain(q: q, r: r)
            projection = try RelocationProjection(
                chain: chain, initial: tier.initial, newCandidates: tier.newCandidates, years: years)
        } catch {
            throw ModuleError(module: BeijingTransferSchema.id, keyPath: "p_contact.\(tier.id)", message: "tier \(tier.id): \(error)")
        }
        self.chain = chain
        self.projection = projection
        self.settings = tier
        self.probabilities = p
        self.investmentStarting = (0..<years).map { y in
            y - tier.investmentLag >= 0 ? projection.relocations[y - tier.investmentLag] * tier.investmentYi : 0
        }
        self.registeredCapital = projection.relocations.map { $0 * tier.registeredCapitalYi }
    }

    /// Variance (亿元²) of the investment starting in year indices `first` … `last`: those are the
    /// relocations of years first − lag … last − lag, so investment_yi² × their count variance.
    func investmentVariance(years first: Int, through last: Int) -> Double {
        let lag = settings.investmentLag
        return settings.investmentYi * settings.investmentYi * projection.countVariance(years: first - lag, through: last - lag)
    }

    /// Major projects for the engine: one per forecast year with investment starting, amount =
    /// expected relocations (of year y − lag) × investment_yi, probability 1.
    func majorProjects(years: [Int], source: String) -> [MajorProjectInput] {
        zip(years, investmentStarting).compactMap { year, amount in
            guard amount > 0 else { return nil }
            return MajorProjectInput(
                name: "beijing-transfer:\(settings.id):\(year)", industry: settings.industry, carrier: settings.carrier,
                source: source, amount: amount, probability: 1, year: year)
        }
    }
}
