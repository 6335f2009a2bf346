import ForecastEngine
import Foundation
import Reports
import ScenarioKit

/// Turns a doubling-plan `ForecastResult` (with optional scenario metadata, effort search and
/// variant comparisons) into the tables and the JSON document a planner reads and briefing staff
/// hand to a director.
///
/// Text output (`text(_:)`) holds, in order:
/// 1. `headlineTable()` — the doubling plan at a glance (base, target, CAGRs, P(target met), gap,
///    effort needed) with the notes on units, definitions, draws/seed and provenance;
/// 2. `yearlyTable()` — per forecast year: mean, P10/P50/P90, closed-form expectation, domestic and
///    foreign means, the required growth path, P(total ≥ target);
/// 2½. `trackingTable()` — plan tracking (考核) when figures after the base year were published;
/// 3. `splitTables()` — by source, industry and carrier with shares (target year, or every year);
/// 4. `stageTable()` — 五个一百: mean entries per stage and year against the target, P(met);
/// 5. `variantTable(_:)` for each variant — baseline vs alternative year by year;
/// 6. the scenario modules' tables (`modules`, see `ModuleTables`).
///
/// `csv()` writes one long-format table (see there); `writeJSON(to:)` one JSON object.
/// Amounts are in 亿元 (1e8 CNY); formats: 亿元 with 1 decimal, probabilities and shares as % with
/// 1 decimal, growth rates as % with 2 decimals.
public struct ForecastBriefing: Sendable {
    public let result: ForecastResult
    public let scenario: ForecastScenarioInfo?
    /// The effort search result (its `probability` is the q it was searched for).
    public let effort: EffortRequirement?
    /// Variants compared against `result` (their `baseline` should be `result`; the same seed gives
    /// common random numbers). The CSV and JSON take baseline figures from `result`.
    public let variants: [VariantComparison]
    public let language: Language
    /// Show the source/industry/carrier splits for every forecast year instead of the target year only.
    public let splitsForAllYears: Bool
    /// The scenario modules' tables (rendered after the forecast's own; `modules` in the JSON).
    public var modules: [ModuleReport] = []

    public init(
        result: ForecastResult, scenario: ForecastScenarioInfo? = nil, effort: EffortRequirement? = nil,
        variants: [VariantComparison] = [], language: Language = .zh, splitsForAllYears: Bool = false
    ) {
        self.result = result
        self.scenario = scenario
        self.effort = effort
        self.variants = variants
        self.language = language
        self.splitsForAllYears = splitsForAllYears
    }

    /// Text in the briefing's language.
    func label(_ zh: String, _ en: String) -> String { language.pick(zh, en) }

    /// A catalogue name in the briefing's language (falls back to the other language when empty).
    func name(_ n: LocalizedText) -> String {
        let picked = language.pick(n.zh, n.en)
        return picked.isEmpty ? language.pick(n.en, n.zh) : picked
    }

    var baseYear: Int { result.plan.baseYear }
    var targetYear: Int { result.plan.targetYear }

    /// The amount on the constant-growth path base × (1 + g*)^(t − B) in `year` (亿元); equals the
    /// target amount in the target year.
    public func requiredPath(in year: Int) -> Double { result.planPath.requiredAmount(in: year) }

    // MARK: Output

    /// Terminal or Markdown text: every table in the order listed on the type.
    public func text<R: TextRenderer>(_ renderer: R) -> String {
        tables().map(renderer.render).joined(separator: "\n")
    }

    /// Every table of the briefing in order: headline, yearly, splits, 五个一百 stages, variants,
    /// module tables.
    public func tables() -> [Table] { ownedTables().map(\.table) }

    /// `tables()` with the variant each belongs to (nil for the baseline's), for sheet names.
    func ownedTables() -> [(table: Table, variant: String?)] {
        var tables: [(table: Table, variant: String?)] = [(headlineTable(), nil), (yearlyTable(), nil)]
        if let tracking = trackingTable() { tables.append((tracking, nil)) }
        tables += splitTables().map { ($0, nil) }
        if let stages = stageTable() { tables.append((stages, nil)) }
        tables += variants.map { (variantTable($0), $0.name) }
        let moduleTables = ModuleTables(reports: modules, language: language).tables()
        let moduleOwners = modules.flatMap { r in r.tables.map { _ in r.variant } }
        tables += zip(moduleTables, moduleOwners).map { ($0, $1) }
        return tables
    }
}
