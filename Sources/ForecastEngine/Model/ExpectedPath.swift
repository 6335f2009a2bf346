import Vocabulary
/// A named yearly series (亿元 unless stated), ordered like the catalogue it comes from.
public struct SegmentSeries: Sendable, Equatable, Codable {
    public let id: String
    public let name: LocalizedText
    /// One value per forecast year.
    public let values: [Double]
}

/// The exact expected path of the model (no sampling): a Markov chain with inflows.
///
/// Per source s, with P the (K−1)×(K−1) stage matrix (P[k,k] = stay_k, P[k+1,k] = advance_k):
///
///     n̂ = (γI − P)⁻¹·γ·e₀·λ_s                       (LU solve; γ = 1 gives n* = (I − P)⁻¹·inflow_B)
///     n_t = P·n_{t−1} + e₀·a_{s,t},  n_B = n̂
///     entries_{k+1,t} = advance_k·n_{t−1,k},  entries_{0,t} = a_{s,t}
///     landings ℓ_t = entries_{L,t}   (ℓ_{B−i} = advance_{L−1}·n̂_{L−1}·γ^(−i−1) in the history)
///     E[IIP_{s,t}] = rate_{s,t}·E[X_s]·Σ_j w_j·ℓ_{t−j}  (+ Σ majors p·amount·w_{t−year}·rate)
public struct ExpectedPath: Sendable, Equatable, Codable {
    /// Forecast years B+1 … T.
    public let years: [Int]
    /// Expected investment in place in the base year (亿元); equals the calibrated data.
    public let baseYearTotal: Double
    /// Expected investment in place per year, 亿元: total (`investmentInPlace`), domestic (CNY sources) and foreign.
    public let investmentInPlace: [Double]
    public let domestic: [Double]
    public let foreign: [Double]
    /// By source, industry and carrier (including major projects at their probability).
    public let bySource: [SegmentSeries]
    public let byIndustry: [SegmentSeries]
    public let byCarrier: [SegmentSeries]
    /// Expected number of counted projects (size ≥ targets.minimumAmount) entering each stage
    /// per year, summed over sources: `stageEntries[k][y]`.
    public let stageEntries: [[Double]]
    /// Expected landings of all sizes per year, summed over sources.
    public let landings: [Double]
    /// In the base year (the calibrated balanced-growth history): landings of all sizes, and the
    /// counted projects entering each stage (arrivals λ_s; entries into stage k+1 a_k·n̂_k/γ_s).
    public let baseYearLandings: Double
    public let baseYearStageEntries: [Double]

    init(_ m: ClosedFormModel) {
        let p = m.parameters
        let Y = m.yearCount
        years = m.years
        baseYearTotal = m.baseYearTotal
        var src = m.sources.map { $0.expectedInvestment }
        if case let .estimated(g) = p.growth {
            // E[R_t·pipeline_t] = Ê_t·E[exp(x_t − x̂_t)] (EstimatedGrowth); majors are not scaled.
            let factors = m.years.map { g.expectedLevelFactor(year: $0, baseYear: p.plan.baseYear) }
            for s in src.indices { for y in 0..<Y { src[s][y] *= factors[y] } }
        }
        let src0 = src
        for major in m.majors {
            for y in 0..<Y { src[major.source][y] += m.expectedMajor(major, y) }
        }
        var tot = [Double](repeating: 0, count: Y)
        var dom = tot, fgn = tot
        for (s, series) in src.enumerated() {
            for y in 0..<Y {
                tot[y] += series[y]
                if m.sources[s].isForeign { fgn[y] += series[y] } else { dom[y] += series[y] }
            }
        }
        investmentInPlace = tot
        domestic = dom
        foreign = fgn
        bySource = p.sources.enumerated().map { SegmentSeries(id: $1.id, name: $1.name, values: src[$0]) }
        var ind = [[Double]](repeating: [Double](repeating: 0, count: Y), count: p.industries.count)
        var car = [[Double]](repeating: [Double](repeating: 0, count: Y), count: p.carriers.count)
        for (s, ps) in m.sources.enumerated() {
            for y in 0..<Y {
                for i in 0..<ind.count { ind[i][y] += ps.industryShares[i] * src0[s][y] }
                for c in 0..<car.count { car[c][y] += m.carrierShares[c] * src0[s][y] }
            }
        }
        for major in m.majors {
            for y in 0..<Y {
                let v = m.expectedMajor(major, y)
                ind[major.industry][y] += v
                car[major.carrier][y] += v
            }
        }
        byIndustry = p.industries.enumerated().map { SegmentSeries(id: $1.id, name: $1.name, values: ind[$0]) }
        byCarrier = p.carriers.enumerated().map { SegmentSeries(id: $1.id, name: $1.name, values: car[$0]) }
        var stages = [[Double]](repeating: [Double](repeating: 0, count: Y), count: m.stageCount)
        var land = [Double](repeating: 0, count: Y)
        for ps in m.sources {
            for k in 0..<m.stageCount {
                for y in 0..<Y { stages[k][y] += ps.sizes.pipelineProbability * ps.entries[k * Y + y] }
            }
            for y in 0..<Y { land[y] += ps.entries[m.landingStage * Y + y] }
        }
        stageEntries = stages
        landings = land
        baseYearLandings = m.sources.reduce(0) { $0 + $1.baseYearLandings }
        var base = [Double](repeating: 0, count: m.stageCount)
        for (ps, src) in zip(m.sources, p.sources) {
            let q = ps.sizes.pipelineProbability, gamma = 1 + src.trendGrowth
            base[0] += q * ps.leadArrivalRate
            for k in 0..<(m.stageCount - 1) { base[k + 1] += q * m.advance[k] * ps.initialOccupancy[k] / gamma }
        }
        baseYearStageEntries = base
    }
}
