import ScenarioKit

/// 重大项目包保: a major project with a responsible official or unit (包保责任人) and a landing
/// coordination mechanism is more likely to land and may land earlier.
///
/// Rule (docs/MODULES.md, "investment-focus"): with drop-out reduction e ∈ [0, 1] and k years
/// earlier,
///
///     p' = p + (1 − p) × e          (a share e of the risk of not landing is removed)
///     year' = max(B + 1, year − k)
///
/// e.g. p = 0.5 with e = 0.6 gives p' = 0.8. The expected amount that rests on 包保 is
/// (p' − p) × amount; the projects are ranked by it.
struct ProjectSupport: Sendable, Equatable {
    var project: MajorProjectInput
    var responsible: String
    var dropOutReduction: Double
    var yearsEarlier: Int

    func supported(baseYear: Int) -> MajorProjectInput {
        var p = project
        p.probability = project.probability + (1 - project.probability) * dropOutReduction
        p.year = Swift.max(baseYear + 1, project.year - yearsEarlier)
        return p
    }

    /// (p' − p) × amount, 亿元.
    func dependentAmount(baseYear: Int) -> Double { (supported(baseYear: baseYear).probability - project.probability) * project.amount }
}
