import ScenarioKit

/// The capital-mix module (国资、外资、民资相互融通; docs/MODULES.md): the ownership of the forecast
/// investment and the allocation of a guidance fund over categories.
///
/// **init** reads the parameters (`CapitalMixSettings`) and solves the allocation once
/// (`FundAllocation`: least deviation from priorities subject to the fund total and the target
/// mix, `dgglse`, active set when a bound binds), so that an infeasible target is reported when
/// the scenario is read, at `target_mix`.
///
/// **analyze** adds, in this order:
/// 1. `capital-mix.ownership-by-year` — investment in place by ownership (state/foreign/private)
///    per forecast year, `X_k = Σ_s σ_{s,k}·I_s` per draw, mean and P10/P50/P90, and shares;
/// 2. `capital-mix.fund-allocation` — per category: priority, desired and allocated fund money,
///    deviation, leverage, mobilised social capital and its ownership, binding bounds;
/// 3. `capital-mix.fund-by-year` — fund money, mobilised capital and its ownership per year
///    (each year's fund split like the horizon allocation), against the forecast;
/// 4. `capital-mix.mix-vs-target` — the leverage summary: mobilised capital by class, achieved
///    mix against the target, the mix at priorities and the categories' ranges.
public struct CapitalMixModule: ScenarioModule {
    public static var descriptor: ModuleDescriptor { CapitalMixSchema.descriptor }

    let settings: CapitalMixSettings
    let allocation: FundAllocation.Result

    /// - Throws: `ModuleError` with the key path of the parameter responsible (shares not summing
    ///   to 1, unknown source or category ids, negative amounts, an unreachable target mix …).
    public init(parameters: ModuleParameters, context: ModuleContext) throws {
        let settings = try CapitalMixSettings(parameters, context: context)
        self.settings = settings
        self.allocation = try Self.allocate(settings)
    }

    /// Solve the allocation and turn its failures into located errors.
    static func allocate(_ s: CapitalMixSettings) throws(ModuleError) -> FundAllocation.Result {
        let module = CapitalMixSchema.id
        func fail(_ key: String?, _ message: String) -> ModuleError { ModuleError(module: module, keyPath: key, message: message) }
        func pct(_ v: Double) -> String { OwnershipShares.format((v * 1e6).rounded() / 1e6) }
        let cats = s.categories.map(\.allocationInput)
        do {
            return try FundAllocation.solve(categories: cats, total: s.fundTotal, targets: s.targets)
        } catch {
            let rangeText = OwnershipClass.allCases.compactMap { k -> String? in
                guard let r = FundAllocation.ranges(cats)[k] else { return nil }
                return "\(k.rawValue) \(pct(r.lowerBound))–\(pct(r.upperBound))"
            }.joined(separator: ", ")
            switch error {
            case .noCategories:
                throw fail("categories", "no fund categories")
            case let .negativeTotal(t):
                throw fail("fund_per_year_yi", "the fund total must be ≥ 0 亿元, got \(t)")
            case .zeroPriorities:
                throw fail("priority", "every category has priority 0 (the default gives 'other' 0); give at least one category a positive priority")
            case let .minimumsExceedTotal(m, t):
                throw fail("minimum_yi", "the minimums add up to \(pct(m)) 亿元, more than the fund total F = \(pct(t)) 亿元 over \(s.fundYears.first.map { "\($0)–\(s.fundYears.last ?? $0)" } ?? "the horizon")")
            case let .targetSum(sum):
                throw fail("target_mix", "the target shares sum to \(pct(sum)); they must sum to at most 1, and to exactly 1 when all three classes are given")
            case let .targetOutOfRange(k, tau, range):
                guard let r = range else {
                    throw fail("target_mix.\(k.rawValue)", "no category mobilises social capital (every leverage is 0), so no ownership mix can be targeted")
                }
                throw fail(
                    "target_mix.\(k.rawValue)",
                    "target \(k.rawValue) share \(pct(tau)) cannot be reached: the \(k.rawValue) share of the capital the categories attract ranges from \(pct(r.lowerBound)) to \(pct(r.upperBound)) (category_\(k.rawValue) / the categories file), so a non-negative allocation mobilises between \(pct(r.lowerBound)) and \(pct(r.upperBound)); achievable ranges: \(rangeText)")
            case .infeasible:
                if s.targets.isEmpty {
                    throw fail("minimum_yi", "the minimums and bounds cannot be met with the fund total F = \(pct(s.fundTotal)) 亿元")
                }
                let given = s.targets.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \(pct($0.value))" }.joined(separator: ", ")
                throw fail(
                    "target_mix",
                    "no non-negative allocation of F = \(pct(s.fundTotal)) 亿元 meets the target mix (\(given)) together with the minimums: each target alone is within its range (\(rangeText)) but not all at once; relax a target, a minimum or let a category go negative (may_be_negative)")
            case let .solver(m):
                throw fail(nil, "the fund allocation failed: \(m)")
            }
        }
    }

    /// Adds the four tables above (the first only when the forecast has years, draws and sources).
    /// - Throws: `ModuleError` at `ownership_state` when the forecast has a source without shares.
    public func analyze(_ outputs: EngineOutputs, into results: inout ResultSet) throws {
        let shares = Dictionary(uniqueKeysWithValues: zip(settings.sources.map(\.id), settings.sourceOwnership))
        if !outputs.years.isEmpty && outputs.draws > 0 && !outputs.bySource.isEmpty {
            let split = try OwnershipSplit.compute(outputs, shares: shares)
            results.add(OwnershipTable.table(split, years: outputs.years, settings: settings))
        }
        results.add(AllocationTable.table(allocation, settings: settings))
        results.add(FundYearTable.table(allocation, settings: settings, outputs: outputs))
        results.add(MixTargetTable.table(allocation, settings: settings))
    }
}
