import LinearAlgebra
import ScenarioKit

/// "What does one project of A 亿元 in industry k bring?", in two phases:
///
/// - **construction** (one-off): the investment buys investment goods, Δy = A·bₖ (the
///   bridge column of k; with `fu201` the same for every industry, so projects of equal size
///   differ only with a per-industry bridge);
/// - **operation** (per year once in production): the plant sells A·ρ 亿元 a year
///   (ρ = `output_per_investment`, an assumption) of the industry's products, entered as
///   final demand spread like the chain's output, Δy = A·ρ·wₖ (wⱼₖ = cⱼₖ·xⱼ/Xₖ). Δx = L·Δy
///   then counts the plant's own output and what its supply chain adds — this is where
///   industries differ, through their multipliers.
///
/// All projects and both phases are the columns of one solve (`DemandImpact`).
struct ProjectImpact: Sendable, Equatable {
    var industry: String
    var name: LocalizedText
    /// Investment, 亿元.
    var amount: Double
    /// Annual output once in production, 亿元 a year (A·ρ).
    var annualOutput: Double
    /// Indicator totals, construction phase (Type I, then Type II or nil).
    var construction: [Double]
    var constructionTypeII: [Double]?
    /// Indicator totals per year of operation; nil when the industry has no sectors in the
    /// concordance (e.g. 其他).
    var operation: [Double]?
    var operationTypeII: [Double]?
}

enum ProjectComparison {
    struct Project: Sendable, Equatable {
        var industry: String
        var name: LocalizedText
        var amount: Double
    }

    static func compute(
        _ projects: [Project], bridge: InvestmentBridge, concordance: IndustryConcordance,
        outputPerInvestment rho: Double, technology t: IOTechnology
    ) throws(ModuleError) -> [ProjectImpact] {
        guard !projects.isEmpty else { return [] }
        let n = t.sectors.count
        let p = projects.count
        var demand = Matrix(rows: n, columns: 2 * p)
        var operates = [Bool](repeating: false, count: p)
        for (c, project) in projects.enumerated() {
            guard let b = bridge.composition(for: project.industry) else {
                throw ModuleError(
                    module: IndustryChainSchema.id, keyPath: "projects.\(project.industry)",
                    message: "industry '\(project.industry)' has no column in the bridge \(bridge.source)")
            }
            for j in 0..<n { demand[j, c] = b[j] * project.amount * t.unitsPerYi }
            if let members = concordance.members[project.industry] {
                let xk = members.reduce(0) { $0 + $1.share * t.grossOutput[$1.sector] }
                if xk > 0 {
                    operates[c] = true
                    for m in members {
                        demand[m.sector, p + c] += project.amount * rho * t.unitsPerYi * m.share * t.grossOutput[m.sector] / xk
                    }
                }
            }
        }
        let impact = try DemandImpact(demand, technology: t)
        let r = t.indicators.count
        return projects.enumerated().map { c, project in
            func column(_ m: Matrix?, _ k: Int) -> [Double]? { m.map { m in (0..<r).map { m[$0, k] } } }
            return ProjectImpact(
                industry: project.industry, name: project.name, amount: project.amount,
                annualOutput: project.amount * rho,
                construction: column(impact.typeI, c) ?? [], constructionTypeII: column(impact.typeII, c),
                operation: operates[c] ? column(impact.typeI, p + c) : nil,
                operationTypeII: operates[c] ? column(impact.typeII, p + c) : nil)
        }
    }
}
