import InputOutput
import ScenarioKit

/// The module's parameters, typed and checked (before anything is read from the dataset).
struct IndustryChainSettings: Sendable, Equatable {
    /// Where Δy's composition comes from.
    enum BridgeChoice: Sendable, Equatable {
        /// The composition of the table's FU201 column, the same for every industry.
        case capitalFormation
        /// A CSV file (relative to the dataset folder, or absolute).
        case file(String)
    }

    /// Which F row (if any) holds employment.
    enum EmploymentChoice: Sendable, Equatable {
        case automatic
        case none
        case row(String)
    }

    /// One project of the `projects` map: industry as written and investment (亿元).
    struct ProjectEntry: Sendable, Equatable {
        var industry: String
        var amount: Double
    }

    var bridge: BridgeChoice
    var households: HouseholdClosure?
    var employment: EmploymentChoice
    var employmentUnit: String
    var topN: Int
    /// Chains as written (ids or names); empty = all industries of the concordance.
    var chains: [String]
    /// Projects as written: industry (id or name) and investment in 亿元, sorted by key.
    var projects: [ProjectEntry]
    /// Annual output per 亿元 invested once in production (亿元 a year).
    var outputPerInvestment: Double
    /// Table money units per 亿元 (10 000 for 万元).
    var ioUnitsPerYi: Double
    /// The regional reading (nil: the national table only).
    var regionalization: LocationQuotient?

    /// Reads `parameters`; a parameter that is absent takes its schema default.
    /// - Throws: `ModuleError` with the parameter's key path.
    init(_ parameters: ModuleParameters) throws(ModuleError) {
        let module = IndustryChainSchema.id
        func fail(_ key: String, _ message: String) -> ModuleError {
            ModuleError(module: module, keyPath: key, message: message)
        }
        func value(_ spec: ParameterSpec) -> ParameterValue? { parameters.value(spec) }
        func text(_ spec: ParameterSpec) throws(ModuleError) -> String {
            guard case let .text(t)? = value(spec) else { throw fail(spec.name, "expected text") }
            return t.trimmingCharacters(in: .whitespaces)
        }
        func number(_ spec: ParameterSpec) throws(ModuleError) -> Double {
            try parameters.number(spec, module: IndustryChainSchema.id)
        }

        let bridgeText = try text(IndustryChainSchema.bridge)
        switch bridgeText.lowercased() {
        case "fu201": bridge = .capitalFormation
        case "": throw fail("bridge", "expected fu201 or the name of a bridge CSV file in the dataset folder")
        default: bridge = .file(bridgeText)
        }

        let householdText = try text(IndustryChainSchema.households)
        if householdText.lowercased() == "none" || householdText.isEmpty {
            households = nil
        } else if let closure = HouseholdClosure(parsing: householdText) {
            households = closure
        } else {
            throw fail("households", "expected none or INCOME_ROW:CONSUMPTION_COLUMN (e.g. VA001:TC), got '\(householdText)'")
        }

        let employmentText = try text(IndustryChainSchema.employmentRow)
        switch employmentText.lowercased() {
        case "auto", "": employment = .automatic
        case "none": employment = .none
        default: employment = .row(employmentText)
        }
        employmentUnit = try text(IndustryChainSchema.employmentUnit)

        switch value(IndustryChainSchema.topN) {
        case let .integer(n)? where n >= 1: topN = n
        case let .number(v)? where v >= 1 && v == v.rounded() && v <= 1e6: topN = Int(v)
        default: throw fail("top_n", "expected a whole number ≥ 1")
        }

        switch value(IndustryChainSchema.chains) {
        case let .textList(list)?: chains = list
        case let .text(one)?: chains = [one]
        default: throw fail("chains", "expected a list of industry ids or names")
        }

        guard case let .numberMap(map)? = value(IndustryChainSchema.projects) else {
            throw fail("projects", "expected a mapping industry → 亿元, e.g. {intelligent_tech: 100}")
        }
        for (key, amount) in map.sorted(by: { $0.key < $1.key }) {
            guard amount.isFinite, amount >= 0 else {
                throw fail("projects.\(key)", "investment must be a finite amount ≥ 0 亿元, got \(amount)")
            }
        }
        projects = map.sorted { $0.key < $1.key }.map { ProjectEntry(industry: $0.key, amount: $0.value) }

        outputPerInvestment = try number(IndustryChainSchema.outputPerInvestment)
        guard outputPerInvestment.isFinite, outputPerInvestment >= 0 else {
            throw fail("output_per_investment", "must be ≥ 0 (亿元 of annual output per 亿元 invested), got \(outputPerInvestment)")
        }
        ioUnitsPerYi = try number(IndustryChainSchema.ioUnitsPerYi)
        let regional = try text(IndustryChainSchema.regionalize)
        if regional.lowercased() == "none" || regional.isEmpty {
            regionalization = nil
        } else if let lq = LocationQuotient(parsing: regional) {
            regionalization = lq
        } else {
            throw fail("regionalize", "expected none, slq, cilq, flq, aflq, flq:δ or aflq:δ with 0 ≤ δ ≤ 1, got \"\(regional)\"")
        }
        guard ioUnitsPerYi.isFinite, ioUnitsPerYi > 0 else {
            throw fail("io_units_per_yi", "must be > 0 (10000 for a table in 万元), got \(ioUnitsPerYi)")
        }
    }
}
