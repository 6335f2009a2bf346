import Foundation
import ScenarioKit

/// One relocation tier as the scenario gives it (before the work-team effect).
public struct TierSettings: Sendable, Equatable {
    public var id: String
    public var name: LocalizedText
    /// Units in candidate, contacted, negotiating, signed at the start of the first forecast year.
    public var initial: [Double]
    /// Units joining the candidate pool at the start of each later forecast year.
    public var newCandidates: Double
    /// Yearly probabilities as written (contact at the reference work-team effort).
    public var probabilities: StageProbabilities
    /// Investment per relocation (亿元).
    public var investmentYi: Double
    /// Registered capital per relocation (亿元).
    public var registeredCapitalYi: Double
    /// Whole years from relocation to the start of investment.
    public var investmentLag: Int
    /// Catalogue ids.
    public var industry: String
    public var carrier: String
}

/// The module's parameters, typed and checked against the scenario's context.
public struct BeijingTransferSettings: Sendable, Equatable {
    public var tiers: [TierSettings]
    public var workTeams: Double
    public var referenceWorkTeams: Double
    public var feedEngine: Bool
    /// Engine source id.
    public var source: String
    /// Cumulative target (亿元), nil when none.
    public var targetCumulativeYi: Double?
    /// What the target is compared with: the module's planned project investment (true, the
    /// default: the measure of published Beijing major-project targets) or the engine's investment
    /// in place of the source (false).
    public var targetOnPlanned: Bool
    /// Year of the target (a forecast year).
    public var targetYear: Int
    /// First year counted in the cumulative sums (a forecast year).
    public var progressFrom: Int
    /// Achieved before `progressFrom` (亿元).
    public var achievedBeforeYi: Double

    /// Reads validated parameters (a parameter that is absent takes its schema default).
    /// - Throws: `ModuleError` with the key path of the parameter responsible: unknown tier ids in
    ///   maps (with a suggestion), missing values, outgoing probabilities above 1 (naming tier and
    ///   state), negative or non-finite amounts, unknown industry/carrier/source ids (with a
    ///   suggestion), target and progress years outside the forecast years.
    public init(_ parameters: ModuleParameters, context: ModuleContext) throws(ModuleError) {
        let reader = ParameterReader(parameters: parameters)
        let tierIDs = try reader.tierIDs()
        let names = try reader.pairs(BeijingTransferSchema.names, tiers: tierIDs)

        var tiers: [TierSettings] = []
        let countMaps = try RelocationState.allCases.map { s throws(ModuleError) in
            try reader.tierMap(BeijingTransferSchema.countSpec(s), tiers: tierIDs)
        }
        let advanceMaps = try RelocationState.allCases.map { s throws(ModuleError) in
            try reader.tierMap(BeijingTransferSchema.advanceSpec(s), tiers: tierIDs)
        }
        let withdrawMaps = try RelocationState.allCases.map { s throws(ModuleError) in
            try reader.tierMap(BeijingTransferSchema.withdrawSpec(s), tiers: tierIDs)
        }
        let newMap = try reader.tierMap(BeijingTransferSchema.newCandidates, tiers: tierIDs)
        let investmentMap = try reader.tierMap(BeijingTransferSchema.investment, tiers: tierIDs)
        let capitalMap = try reader.tierMap(BeijingTransferSchema.registeredCapital, tiers: tierIDs)
        let lagMap = try reader.tierMap(BeijingTransferSchema.investmentLag, tiers: tierIDs)
        let industries = try reader.pairs(BeijingTransferSchema.industry, tiers: tierIDs)
        let carriers = try reader.pairs(BeijingTransferSchema.carrier, tiers: tierIDs)

        for tier in tierIDs {
            func amount(_ map: TierMap, required: Bool, what: String) throws(ModuleError) -> Double {
                guard let v = map.values[tier] else {
                    if !required { return 0 }
                    throw reader.fail(
                        map.name, "no value for tier \(tier); add \"\(tier): …\" (\(what)) to \(map.name)")
                }
                guard v.isFinite, v >= 0 else {
                    throw reader.fail("\(map.name).\(tier)", "\(what) must be a finite number ≥ 0, got \(v)")
                }
                return v
            }
            let initial = try RelocationState.allCases.map { s throws(ModuleError) in
                try amount(countMaps[s.rawValue], required: s == .candidate, what: "count of units")
            }
            var advance: [Double] = [], withdraw: [Double] = []
            for s in RelocationState.allCases {
                let a = try amount(advanceMaps[s.rawValue], required: true, what: "yearly probability")
                let w = try amount(withdrawMaps[s.rawValue], required: true, what: "yearly probability")
                guard a <= 1, w <= 1, a + w <= 1 + 1e-12 else {
                    throw reader.fail(
                        "\(s.advanceKey).\(tier)",
                        "tier \(tier), state \(s.id): the outgoing probabilities \(s.advanceKey) \(fmt(a)) + \(s.withdrawKey) \(fmt(w)) = \(fmt(a + w)) exceed 1 (the rest, 1 − advance − withdraw, is the probability of staying and cannot be negative)")
                }
                advance.append(a)
                withdraw.append(w)
            }
            let lag = try amount(lagMap, required: false, what: "investment lag in years")
            guard lag == lag.rounded(), lag <= 50 else {
                throw reader.fail("investment_lag.\(tier)", "expected whole years from 0 to 50, got \(fmt(lag))")
            }
            guard let industry = industries.values[tier] else {
                throw reader.fail("industry", "no industry for tier \(tier); add \"\(tier)=<industry id>\"")
            }
            guard let carrier = carriers.values[tier] else {
                throw reader.fail("carrier", "no carrier for tier \(tier); add \"\(tier)=<carrier id>\"")
            }
            let nameText = names.values[tier].map { Self.name(parsing: $0.value) } ?? LocalizedText(tier)
            tiers.append(
                TierSettings(
                    id: tier, name: nameText, initial: initial,
                    newCandidates: try amount(newMap, required: false, what: "new candidates a year"),
                    probabilities: StageProbabilities(advance: advance, withdraw: withdraw),
                    investmentYi: try amount(investmentMap, required: true, what: "investment per relocation in 亿元"),
                    registeredCapitalYi: try amount(capitalMap, required: false, what: "registered capital per relocation in 亿元"),
                    investmentLag: Int(lag),
                    industry: try reader.resolve(industry.value, at: industry.keyPath, in: context.industries, what: "industry"),
                    carrier: try reader.resolve(carrier.value, at: carrier.keyPath, in: context.carriers, what: "carrier")))
        }
        self.tiers = tiers

        workTeams = try reader.number(BeijingTransferSchema.workTeams)
        guard workTeams.isFinite, workTeams >= 0 else { throw reader.fail("work_teams", "expected a number of teams ≥ 0, got \(workTeams)") }
        referenceWorkTeams = try reader.number(BeijingTransferSchema.referenceWorkTeams)
        guard referenceWorkTeams.isFinite, referenceWorkTeams > 0 else {
            throw reader.fail("reference_work_teams", "expected a number of teams > 0, got \(referenceWorkTeams)")
        }
        guard case let .boolean(feed)? = reader.value(BeijingTransferSchema.feedEngine) else {
            throw reader.fail("feed_engine", "expected true or false")
        }
        feedEngine = feed
        guard case let .text(sourceText)? = reader.value(BeijingTransferSchema.source) else {
            throw reader.fail("source", "expected a source id")
        }
        source = try reader.resolve(sourceText, at: "source", in: context.sources, what: "source")

        let target = try reader.number(BeijingTransferSchema.targetCumulative)
        guard target.isFinite, target >= 0 else { throw reader.fail("target_cumulative_yi", "expected an amount ≥ 0 亿元, got \(target)") }
        targetCumulativeYi = target > 0 ? target : nil
        guard case let .text(measure)? = reader.value(BeijingTransferSchema.targetMeasure), measure == "planned" || measure == "in_place"
        else { throw reader.fail("target_measure", "expected planned or in_place") }
        targetOnPlanned = measure == "planned"
        let achieved = try reader.number(BeijingTransferSchema.achievedBefore)
        guard achieved.isFinite, achieved >= 0 else { throw reader.fail("achieved_before_yi", "expected an amount ≥ 0 亿元, got \(achieved)") }
        achievedBeforeYi = achieved

        let first = context.baseYear + 1, last = context.targetYear
        let range = "a forecast year from \(first) to \(last)"
        let ty = Int(try reader.number(BeijingTransferSchema.targetYear))
        targetYear = ty == 0 ? last : ty
        if targetYear < first || targetYear > last {
            throw reader.fail("target_year", "expected \(range) (or 0 for \(last)), got \(ty)")
        }
        let pf = Int(try reader.number(BeijingTransferSchema.progressFrom))
        progressFrom = pf == 0 ? first : pf
        if progressFrom < first || progressFrom > targetYear {
            throw reader.fail("progress_from", "expected a forecast year from \(first) to the target year \(targetYear) (or 0 for \(first)), got \(pf)")
        }
    }

    /// "中文名|English name" (or one name for both).
    static func name(parsing text: String) -> LocalizedText {
        guard let bar = text.firstIndex(of: "|") else { return LocalizedText(text) }
        let zh = text[..<bar].trimmingCharacters(in: .whitespaces)
        let en = text[text.index(after: bar)...].trimmingCharacters(in: .whitespaces)
        return LocalizedText(zh: zh.isEmpty ? en : zh, en: en.isEmpty ? zh : en)
    }
}

func fmt(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
}
