import LinearAlgebra

/// Per-source quantities of the closed-form model, shared by the expected path and the Monte Carlo.
/// Year index y = 0 … Y−1 stands for year t = B + 1 + y. Amounts in the source's currency unless
/// named otherwise.
struct ClosedFormSource: Sendable {
    let id: String
    let isForeign: Bool
    let sizes: SizeClasses
    /// λ_s, leads per year of all sizes at B.
    let leadArrivalRate: Double
    /// Expected occupancy of the K−1 non-terminal stages at the end of B (all sizes): λ_s·n̂.
    let initialOccupancy: [Double]
    /// Expected lead arrivals of all sizes in each forecast year, a_{s,t}.
    let arrivals: [Double]
    /// Expected stage entries of all sizes, flat [k·Y + y].
    let entries: [Double]
    /// Expected landings (all sizes) per forecast year from the projects in the pipeline at the end
    /// of B alone: advance_{L−1}·(P^y·n_B)_{L−1}.
    let initialLandings: [Double]
    /// Amount still to be disbursed in forecast year y from projects landed in years ≤ B.
    let historyDisbursement: [Double]
    /// CNY per unit of the source's currency in each forecast year (1 for domestic sources).
    let rate: [Double]
    /// Rate in the base year.
    let baseRate: Double
    /// Expected investment in place in B (source currency) — the calibration anchor.
    let baseYearInvestment: Double
    /// Expected landings (all sizes) in B: λ·a_{L−1}·n̂_{L−1}·γ⁻¹.
    let baseYearLandings: Double
    /// Expected investment in place from the pipeline (history + new landings), 亿元, per year.
    let expectedInvestment: [Double]
    /// Normalised industry shares π_{i|s}.
    let industryShares: [Double]
}

/// A major project with indices resolved.
struct ClosedFormMajor: Sendable {
    let source: Int
    let industry: Int
    let carrier: Int
    /// Year index of landing (t − B − 1); may lie beyond the horizon.
    let yearIndex: Int
    let amount: Double
    let probability: Double
}

/// The closed-form model: everything the expected path and the simulator need, computed once.
struct ClosedFormModel: Sendable {
    let parameters: ForecastParameters
    let years: [Int]
    let stageCount: Int
    let landingStage: Int
    let advance: [Double]
    /// Drop-out probability among projects that did not advance: d/(1 − a) (0 when a = 1).
    let dropGivenStay: [Double]
    let schedule: [Double]
    let sources: [ClosedFormSource]
    let majors: [ClosedFormMajor]
    let carrierShares: [Double]
    /// h_j, j = 0 … Y: probability that a lead arriving in year u enters the landing stage in
    /// year u + j (h_0 = 0): advance_{L−1}·(P^(j−1)·e₀)_{L−1}.
    let landingKernel: [Double]
    /// σ of the yearly common log-shock on lead arrivals.
    let arrivalVolatility: Double
    /// Σ_s rate_B·I_B,s in 亿元.
    let baseYearTotal: Double

    var yearCount: Int { years.count }

    /// Largest expected number of projects per stage or year the simulator accepts (keeps every
    /// count far inside `Int` and the samplers' exact ranges).
    static let maximumExpectedCount = 1e9

    init(_ p: ForecastParameters) throws {
        try p.validate()
        parameters = p
        let plan = p.plan
        self.years = plan.forecastYears
        let Y = self.years.count
        let K = p.pipeline.stages.count
        let n = K - 1
        stageCount = K
        landingStage = p.pipeline.landingStage
        let L = landingStage
        let advance = p.pipeline.transitions.map(\.advance)
        self.advance = advance
        dropGivenStay = p.pipeline.transitions.map { $0.advance < 1 ? Swift.min(1, $0.dropOut / (1 - $0.advance)) : 0 }
        let schedule = p.disbursement.shares
        self.schedule = schedule
        let J = schedule.count
        let years = plan.forecastYears
        let rateB = p.exchangeRate.value(in: plan.baseYear)
        let carrierTotal = p.carriers.map(\.leadShare).reduce(0, +)
        carrierShares = p.carriers.map { $0.leadShare / carrierTotal }
        let stay = p.pipeline.transitions.map(\.stay)
        arrivalVolatility = p.arrivalVolatility
        let lastActualYear = p.lastActualYear
        // n_{t} = P·n_{t−1}: one step of the stage matrix without inflow.
        func step(_ v: [Double]) -> [Double] {
            var next = [Double](repeating: 0, count: n)
            for k in 0..<n {
                next[k] += stay[k] * v[k]
                if k + 1 < n { next[k + 1] += advance[k] * v[k] }
            }
            return next
        }
        var kernel = [Double](repeating: 0, count: Y + 1)
        var unitLead = [Double](repeating: 0, count: n)
        unitLead[0] = 1
        for j in 1...Swift.max(Y, 1) where j <= Y {
            kernel[j] = advance[L - 1] * unitLead[L - 1]
            unitLead = step(unitLead)
        }
        landingKernel = kernel

        var prepared: [ClosedFormSource] = []
        var baseTotal = 0.0
        for s in p.sources {
            let path = "sources.\(s.id)"
            let gamma = 1 + s.trendGrowth
            if gamma <= (stay.max() ?? 0) {
                throw ForecastError.invalidValue(
                    parameter: path + ".trendGrowth",
                    reason: "growth factor \(gamma) must exceed the largest stay probability \(stay.max() ?? 0) "
                        + "for the pipeline history to have a balanced-growth state")
            }
            // Balanced-growth start: (γI − P)·n̂ = γ·e₀ per unit arrival (γ = 1: steady state (I − P)⁻¹e₀).
            var a = Matrix(rows: n, columns: n)
            for k in 0..<n {
                a[k, k] = gamma - stay[k]
                if k + 1 < n { a[k + 1, k] = -advance[k] }
            }
            var rhs = [Double](repeating: 0, count: n)
            rhs[0] = gamma
            let unitState: [Double]
            do {
                unitState = try LUFactorization(a).solve(rhs)
            } catch {
                throw ForecastError.linearAlgebra("\(path): steady state of the pipeline: \(error)")
            }
            let isForeign = s.role.isForeign
            let rate = years.map { isForeign ? p.exchangeRate.value(in: $0) : 1 }
            let baseRate = isForeign ? rateB : 1
            let sizes = SizeClasses(
                s.projectSize, minimum: p.targets.minimumAmount / baseRate,
                individualThreshold: p.individualSizeThreshold / baseRate)
            let lambda = s.leadArrivalRate
            // Unit landings in year B − i (i ≥ 0): a_{L−1}·n̂_{L−1}·γ^(−i−1).
            func unitHistoryLanding(_ i: Int) -> Double {
                advance[L - 1] * unitState[L - 1] * pow(gamma, Double(-i - 1))
            }
            var unitBase = 0.0
            for j in 0..<J { unitBase += schedule[j] * unitHistoryLanding(j) }
            let baseInvestment = lambda * sizes.meanSize * unitBase
            baseTotal += baseInvestment * baseRate

            var history = [Double](repeating: 0, count: Y)
            for y in 0..<Y {
                var h = 0.0
                for j in (y + 1)..<Swift.max(J, y + 1) { h += schedule[j] * unitHistoryLanding(j - y - 1) }
                history[y] = lambda * sizes.meanSize * h
            }
            var arrivals = [Double](repeating: 0, count: Y)
            for y in 0..<Y {
                // Years with actuals are past: a scenario's levers act from the first year after them.
                let levers = years[y] <= lastActualYear ? 1 : p.effort.value(in: years[y]) * p.effortScale * s.leadRateMultiplier
                arrivals[y] = lambda * pow(gamma, Double(y + 1)) * levers
            }
            // Forward recursion n_t = P·n_{t−1} + e₀·a_t; entries into k+1 = a_k·n_{t−1,k}.
            var initialOnly = unitState.map { $0 * lambda }
            var initialLandings = [Double](repeating: 0, count: Y)
            for y in 0..<Y {
                initialLandings[y] = advance[L - 1] * initialOnly[L - 1]
                initialOnly = step(initialOnly)
            }
            var occupancy = unitState.map { $0 * lambda }
            var entries = [Double](repeating: 0, count: K * Y)
            for y in 0..<Y {
                var next = [Double](repeating: 0, count: n)
                for k in 0..<n {
                    next[k] += stay[k] * occupancy[k]
                    let adv = advance[k] * occupancy[k]
                    entries[(k + 1) * Y + y] = adv
                    if k + 1 < n { next[k + 1] += adv }
                }
                next[0] += arrivals[y]
                entries[y] = arrivals[y]
                occupancy = next
            }
            let largest = (arrivals + unitState.map { $0 * lambda }).max() ?? 0
            if !(largest <= Self.maximumExpectedCount) {
                throw ForecastError.invalidValue(
                    parameter: path + ".leadArrivalRate",
                    reason: "expected project counts reach \(largest), beyond \(Self.maximumExpectedCount) "
                        + "(check leadArrivalRate, trendGrowth, effort and multipliers)")
            }
            var expected = [Double](repeating: 0, count: Y)
            for y in 0..<Y {
                var v = history[y]
                for j in 0..<Swift.min(J, y + 1) { v += schedule[j] * entries[L * Y + y - j] * sizes.meanSize }
                expected[y] = v * rate[y]
            }
            var industryWeights = p.industries.map { s.industryShares?[$0.id] ?? (s.industryShares == nil ? $0.leadShare : 0) }
            let wsum = industryWeights.reduce(0, +)
            industryWeights = industryWeights.map { $0 / wsum }
            prepared.append(
                ClosedFormSource(
                    id: s.id, isForeign: isForeign, sizes: sizes, leadArrivalRate: lambda,
                    initialOccupancy: unitState.map { $0 * lambda }, arrivals: arrivals, entries: entries,
                    initialLandings: initialLandings,
                    historyDisbursement: history, rate: rate, baseRate: baseRate,
                    baseYearInvestment: baseInvestment, baseYearLandings: lambda * unitHistoryLanding(0),
                    expectedInvestment: expected,
                    industryShares: industryWeights))
        }
        sources = prepared
        baseYearTotal = baseTotal
        majors = p.majorProjects.map { m in
            ClosedFormMajor(
                source: p.sourceIndex(m.source) ?? 0,
                industry: p.industries.firstIndex { $0.id == m.industry } ?? 0,
                carrier: p.carriers.firstIndex { $0.id == m.carrier } ?? 0,
                yearIndex: m.expectedYear - plan.baseYear - 1, amount: m.amount, probability: m.probability)
        }
    }

    /// Expected investment in place (亿元) in year index y of one major project: p·amount·w_j·rate.
    func expectedMajor(_ m: ClosedFormMajor, _ y: Int) -> Double {
        let j = y - m.yearIndex
        guard j >= 0, j < schedule.count else { return 0 }
        return m.probability * m.amount * schedule[j] * sources[m.source].rate[y]
    }
}

import LibC
