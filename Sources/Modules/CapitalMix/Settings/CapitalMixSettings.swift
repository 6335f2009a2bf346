import Foundation
import ScenarioKit

/// The module's parameters, typed and checked against the scenario's context. Every problem is a
/// `ModuleError` whose key path names the parameter (and the map key) responsible.
struct CapitalMixSettings: Sendable, Equatable {
    /// Where the categories came from.
    enum CategorySource: Sendable, Equatable {
        /// One category per scenario industry.
        case industries
        /// A CSV file (the path as written).
        case file(String)
    }

    /// The scenario's sources (context order) with their ownership shares.
    var sources: [CatalogueEntry]
    var sourceOwnership: [OwnershipShares]
    /// Forecast years and the fund money committed in each (亿元).
    var fundYears: [Int]
    var fundByYear: [Double]
    /// The default leverage (亿元 of social capital per 亿元 of fund money).
    var leverage: Double
    var categorySource: CategorySource
    var categories: [FundCategory]
    /// Target shares of the mobilised social capital.
    var targets: [OwnershipClass: Double]

    /// The fund total over the horizon, `F = Σ_y fund_y` (亿元).
    var fundTotal: Double { fundByYear.reduce(0, +) }

    init(_ parameters: ModuleParameters, context: ModuleContext) throws(ModuleError) {
        let module = CapitalMixSchema.id
        func fail(_ key: String, _ message: String, isAboutKey: Bool = false) -> ModuleError {
            ModuleError(module: module, keyPath: key, message: message, isAboutKey: isAboutKey)
        }
        func value(_ spec: ParameterSpec) -> ParameterValue? { parameters.value(spec) }
        func number(_ spec: ParameterSpec) throws(ModuleError) -> Double { try parameters.number(spec, module: module) }
        func map(_ spec: ParameterSpec) throws(ModuleError) -> [(key: String, value: Double)] {
            guard case let .numberMap(m)? = value(spec) else { throw fail(spec.name, "expected a mapping key → number") }
            return m.sorted { $0.key < $1.key }
        }

        // Ownership of the engine's investment by source.
        sources = context.sources
        let sourceLookup = KeyLookup(ids: context.sources.map(\.id), names: context.sources.map(\.name), what: "source")
        sourceOwnership = try OwnershipMaps(
            specs: [.state: CapitalMixSchema.ownershipState, .foreign: CapitalMixSchema.ownershipForeign, .private: CapitalMixSchema.ownershipPrivate],
            what: "source"
        ).merge(parameters, lookup: sourceLookup, defaults: context.sources.map { CapitalMixSchema.sourceDefaults[$0.id] })

        // The fund per forecast year.
        let perYear = try number(CapitalMixSchema.fundPerYearSpec)
        guard perYear.isFinite, perYear >= 0 else {
            throw fail("fund_per_year_yi", "the fund must be an amount ≥ 0 亿元 a year, got \(OwnershipShares.format(perYear))")
        }
        fundYears = context.targetYear > context.baseYear ? Array((context.baseYear + 1)...context.targetYear) : []
        fundByYear = fundYears.map { _ in perYear }
        for (key, amount) in try map(CapitalMixSchema.fundByYear) {
            let path = "fund_by_year_yi.\(key)"
            guard let year = Int(key.trimmingCharacters(in: .whitespaces)), let k = fundYears.firstIndex(of: year) else {
                throw fail(path, "expected a forecast year from \(context.baseYear + 1) to \(context.targetYear), got \"\(key)\"", isAboutKey: true)
            }
            guard amount.isFinite, amount >= 0 else {
                throw fail(path, "the fund must be an amount ≥ 0 亿元, got \(OwnershipShares.format(amount))")
            }
            fundByYear[k] = amount
        }

        let leverage = try number(CapitalMixSchema.leverage)
        self.leverage = leverage
        guard leverage.isFinite, leverage >= 0 else {
            throw fail("leverage", "expected a leverage ≥ 0 (亿元 of social capital per 亿元 of fund money), got \(leverage)")
        }

        // Categories: the default list or a file, then the per-category overrides.
        guard case let .text(choice)? = value(CapitalMixSchema.categories) else { throw fail("categories", "expected industries or a CSV file name") }
        let trimmed = choice.trimmingCharacters(in: .whitespaces)
        var categories: [FundCategory]
        if trimmed.lowercased() == "industries" || trimmed.isEmpty {
            categorySource = .industries
            categories = context.industries.map { entry in
                FundCategory(
                    id: entry.id, name: entry.name, priority: entry.id == "other" ? 0 : Swift.max(0, entry.weight),
                    leverage: leverage, supportRate: nil, ownership: CapitalMixSchema.categoryDefaultOwnership, minimum: 0,
                    nonNegative: true)
            }
            guard !categories.isEmpty else { throw fail("categories", "the scenario has no industries; give a categories CSV file") }
        } else {
            categorySource = .file(trimmed)
            let url: URL
            if trimmed.hasPrefix("/") {
                url = URL(fileURLWithPath: trimmed)
            } else if let folder = context.datasetFolder {
                url = folder.appendingPathComponent(trimmed)
            } else {
                throw fail("categories", "\(trimmed) is a relative path but the scenario has no dataset folder; give an absolute path")
            }
            categories = try CategoryFile.read(url, defaultLeverage: leverage, defaultOwnership: CapitalMixSchema.categoryDefaultOwnership)
        }
        let lookup = KeyLookup(ids: categories.map(\.id), names: categories.map(\.name), what: "category")

        for (key, weight) in try map(CapitalMixSchema.priority) {
            let i = try lookup.resolve(key, keyPath: "priority.\(key)")
            guard weight.isFinite, weight >= 0 else { throw fail("priority.\(key)", "expected a weight ≥ 0, got \(weight)") }
            categories[i].priority = weight
        }
        var leverageGiven = Set<Int>()
        for (key, k) in try map(CapitalMixSchema.categoryLeverage) {
            let i = try lookup.resolve(key, keyPath: "category_leverage.\(key)")
            guard k.isFinite, k >= 0 else { throw fail("category_leverage.\(key)", "expected a leverage ≥ 0, got \(k)") }
            categories[i].leverage = k
            categories[i].supportRate = nil
            leverageGiven.insert(i)
        }
        for (key, s) in try map(CapitalMixSchema.supportRate) {
            let i = try lookup.resolve(key, keyPath: "support_rate.\(key)")
            guard s.isFinite, s > 0, s <= 1 else { throw fail("support_rate.\(key)", "expected a support rate in (0, 1], got \(s)") }
            if leverageGiven.contains(i) {
                throw fail("support_rate.\(key)", "category \(categories[i].id) has both category_leverage and support_rate; give one (k = (1 − s)/s)")
            }
            categories[i].leverage = FundCategory.leverage(supportRate: s)
            categories[i].supportRate = s
        }
        let ownership = try OwnershipMaps(
            specs: [.state: CapitalMixSchema.categoryState, .foreign: CapitalMixSchema.categoryForeign, .private: CapitalMixSchema.categoryPrivate],
            what: "category"
        ).merge(parameters, lookup: lookup, defaults: categories.map { Optional($0.ownership) })
        for i in categories.indices { categories[i].ownership = ownership[i] }
        for (key, m) in try map(CapitalMixSchema.minimum) {
            let i = try lookup.resolve(key, keyPath: "minimum_yi.\(key)")
            guard m.isFinite, m >= 0 else { throw fail("minimum_yi.\(key)", "expected an amount ≥ 0 亿元, got \(m)") }
            categories[i].minimum = m
        }
        guard case let .textList(negative)? = value(CapitalMixSchema.mayBeNegative) else {
            throw fail("may_be_negative", "expected a list of category ids")
        }
        for (k, key) in negative.enumerated() {
            let i = try lookup.resolve(key, keyPath: "may_be_negative[\(k)]", isAboutKey: false)
            categories[i].nonNegative = false
        }
        self.categories = categories

        var targets: [OwnershipClass: Double] = [:]
        for (key, share) in try map(CapitalMixSchema.targetMix) {
            guard let k = OwnershipClass(rawValue: key) else {
                let hint = Suggestion.closest(to: key, among: OwnershipClass.allCases.map(\.rawValue)).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw fail("target_mix.\(key)", "unknown ownership class\(hint); expected state, foreign or private", isAboutKey: true)
            }
            guard share.isFinite, share >= 0, share <= 1 else { throw fail("target_mix.\(key)", "expected a share from 0 to 1, got \(share)") }
            targets[k] = share
        }
        self.targets = targets
    }
}
