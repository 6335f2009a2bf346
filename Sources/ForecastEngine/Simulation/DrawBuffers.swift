import TrendEstimation
/// The prepared model flattened into raw buffers for the per-draw loop: no arrays, no reference
/// counting, no protocol dispatch inside a draw. Immutable after `init`; freed in `deinit`.
final class DrawBuffers: @unchecked Sendable {
    let sourceCount: Int
    let yearCount: Int
    /// Non-terminal stages K − 1.
    let transientCount: Int
    let stageCount: Int
    let landingStage: Int
    let scheduleLength: Int
    let majorCount: Int
    let seed: UInt64

    let advance: UnsafeMutablePointer<BinomialProbability>
    let dropGivenStay: UnsafeMutablePointer<BinomialProbability>
    let schedule: UnsafeMutablePointer<Double>
    let stageTarget: UnsafeMutablePointer<Double>
    /// [k]: mean initial counted (≥ min) occupancy, Σ_s q_P,s·λ_s·n̂_{s,k} (one chain for all sources).
    let initialCounted: UnsafeMutablePointer<Double>
    /// [y]: mean counted lead arrivals Σ_s q_P,s·a_{s,t}.
    let countedArrivals: UnsafeMutablePointer<Double>
    /// [s·Y + y]: conditional probability for the sequential multinomial split of the year's counted
    /// landings: π_{s,t} / Σ_{s' ≥ s} π_{s',t}, with π_{s,t} ∝ q_P,s·E[ℓ_{s,t}].
    let splitProbability: UnsafeMutablePointer<BinomialProbability>
    /// [s·Y + y]: mean small-project landings from the initial pipeline, q_S·ℓ^init_{s,t}.
    let smallInitialLandings: UnsafeMutablePointer<Double>
    /// [s·Y + u]: small-project lead arrivals q_S·a_{s,u} (to be multiplied by Z_u).
    let smallArrivals: UnsafeMutablePointer<Double>
    /// [j]: landing kernel h_j, j = 0 … Y.
    let landingKernel: UnsafeMutablePointer<Double>
    /// σ of the yearly arrival shock (0 = none).
    let arrivalVolatility: Double
    /// The estimated growth process (`GrowthUncertainty.estimated`), else nil.
    let growth: GrowthPosterior?
    /// Normal deviates one growth path needs (0 without `growth`).
    let growthNormals: Int
    /// [i]: x̂_{B+i}, i = 0 … Y (the calibrated log path, 亿元).
    let referencePath: UnsafeMutablePointer<Double>
    /// [y]: expected pipeline investment in place (亿元, all sources) from the initial pipeline and
    /// the history alone; [u·Y + y]: added per unit of Z_u on year u's arrivals; Ê_y with Z = 1.
    let expectedInitial: UnsafeMutablePointer<Double>
    let expectedKernel: UnsafeMutablePointer<Double>
    let expectedUnshocked: UnsafeMutablePointer<Double>
    /// [s·Y + y]: CNY per unit of the source's currency.
    let rate: UnsafeMutablePointer<Double>
    /// [s·Y + y]: history disbursement (source currency).
    let history: UnsafeMutablePointer<Double>
    /// Per source: stream key, foreign flag and size-class constants.
    let substream: UnsafeMutablePointer<UInt64>
    let isForeign: UnsafeMutablePointer<Bool>
    let topGivenPipeline: UnsafeMutablePointer<BinomialProbability>
    let middleMean: UnsafeMutablePointer<Double>
    let middleShape: UnsafeMutablePointer<Double>
    let middleScale: UnsafeMutablePointer<Double>
    let smallMean: UnsafeMutablePointer<Double>
    let smallShape: UnsafeMutablePointer<Double>
    let smallScale: UnsafeMutablePointer<Double>
    let topLogNormalProbability: UnsafeMutablePointer<Double>
    let logMean: UnsafeMutablePointer<Double>
    let logStandardDeviation: UnsafeMutablePointer<Double>
    let logNormalTopStart: UnsafeMutablePointer<Double>
    let logNormalTopRate: UnsafeMutablePointer<Double>
    let paretoStart: UnsafeMutablePointer<Double>
    let inverseExponent: UnsafeMutablePointer<Double>
    /// Per major project.
    let majorSource: UnsafeMutablePointer<Int>
    let majorYear: UnsafeMutablePointer<Int>
    let majorAmount: UnsafeMutablePointer<Double>
    let majorProbability: UnsafeMutablePointer<Double>

    /// log k! for the binomial and Poisson rejection steps.
    let logFactorials: LogFactorialTable
    let logFactorialView: LogFactorialView
    /// Ziggurat tables for the normal deviates of the Gamma sampler and the shocks (the shared table).
    let ziggurat: ZigguratView

    private var allocations: [UnsafeMutableRawPointer] = []

    /// Substream of the major-project Bernoulli draws (independent of the source list).
    static let majorSubstream: UInt64 = 0x4D41_4A4F_5250_524A
    /// Substream of the yearly arrival shocks.
    static let shockSubstream: UInt64 = 0x5348_4F43_4B53_5959
    /// Substream of the counted-project pipeline (one chain for all sources) and the split of its
    /// landings into sources.
    static let pipelineSubstream: UInt64 = 0x5049_5045_4C49_4E45

    /// FNV-1a hash of a source id: its substream, stable across processes and source order.
    static func substream(for id: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in id.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    init(_ m: ClosedFormModel) {
        let S = m.sources.count, Y = m.yearCount, K = m.stageCount, n = K - 1
        sourceCount = S
        yearCount = Y
        stageCount = K
        transientCount = n
        landingStage = m.landingStage
        scheduleLength = m.schedule.count
        majorCount = m.majors.count
        seed = m.parameters.seed
        var allocs: [UnsafeMutableRawPointer] = []
        func buffer<T>(_ values: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: Swift.max(values.count, 1))
            p.initialize(from: values, count: values.count)
            allocs.append(UnsafeMutableRawPointer(p))
            return p
        }
        advance = buffer(m.advance.map(BinomialProbability.init))
        dropGivenStay = buffer(m.dropGivenStay.map(BinomialProbability.init))
        schedule = buffer(m.schedule)
        stageTarget = buffer(m.parameters.targets.perStage)
        initialCounted = buffer(
            (0..<n).map { k in m.sources.reduce(0.0) { $0 + $1.initialOccupancy[k] * $1.sizes.pipelineProbability } })
        countedArrivals = buffer(
            (0..<Y).map { y in m.sources.reduce(0.0) { $0 + $1.arrivals[y] * $1.sizes.pipelineProbability } })
        var split = [Double](repeating: 0, count: S * Y)
        for y in 0..<Y {
            let w = m.sources.map { $0.entries[m.landingStage * Y + y] * $0.sizes.pipelineProbability }
            var rest = w.reduce(0, +)
            for s in 0..<S {
                split[s * Y + y] = rest > 0 ? Swift.min(1, w[s] / rest) : 0
                rest -= w[s]
            }
            if S > 0 && w.reduce(0, +) > 0 { split[(S - 1) * Y + y] = 1 }
        }
        splitProbability = buffer(split.map(BinomialProbability.init))
        smallInitialLandings = buffer(m.sources.flatMap { s in s.initialLandings.map { $0 * s.sizes.smallProbability } })
        smallArrivals = buffer(m.sources.flatMap { s in s.arrivals.map { $0 * s.sizes.smallProbability } })
        landingKernel = buffer(m.landingKernel)
        arrivalVolatility = m.arrivalVolatility
        // Expected pipeline investment in place given the yearly arrival multipliers Z_u (linear in Z).
        var initial = [Double](repeating: 0, count: Y), kernelByYear = [Double](repeating: 0, count: Y * Y)
        for src in m.sources {
            let size = src.sizes.meanSize
            for y in 0..<Y {
                var v = src.historyDisbursement[y]
                for j in 0..<Swift.min(m.schedule.count, y + 1) { v += m.schedule[j] * size * src.initialLandings[y - j] }
                initial[y] += v * src.rate[y]
                for u in 0..<y {
                    var w = 0.0
                    for j in 0..<Swift.min(m.schedule.count, y + 1) where y - j - u >= 1 {
                        w += m.schedule[j] * m.landingKernel[y - j - u]
                    }
                    kernelByYear[u * Y + y] += w * size * src.arrivals[u] * src.rate[y]
                }
            }
        }
        expectedInitial = buffer(initial)
        expectedKernel = buffer(kernelByYear)
        expectedUnshocked = buffer((0..<Y).map { y in initial[y] + (0..<Y).reduce(0.0) { $0 + kernelByYear[$1 * Y + y] } })
        if case let .estimated(g) = m.parameters.growth {
            growth = g.posterior
            growthNormals = g.posterior.normalsNeeded(years: Y + 1)
            referencePath = buffer((0...Y).map { g.referenceLevel + Double($0) * g.referenceGrowth })
        } else {
            growth = nil
            growthNormals = 0
            referencePath = buffer([Double](repeating: 0, count: Y + 1))
        }
        rate = buffer(m.sources.flatMap(\.rate))
        history = buffer(m.sources.flatMap(\.historyDisbursement))
        substream = buffer(m.sources.map { Self.substream(for: $0.id) })
        isForeign = buffer(m.sources.map(\.isForeign))
        topGivenPipeline = buffer(m.sources.map { BinomialProbability($0.sizes.topGivenPipeline) })
        middleMean = buffer(m.sources.map(\.sizes.middle.mean))
        middleShape = buffer(m.sources.map(\.sizes.middle.shape))
        middleScale = buffer(m.sources.map(\.sizes.middle.scale))
        smallMean = buffer(m.sources.map(\.sizes.small.mean))
        smallShape = buffer(m.sources.map(\.sizes.small.shape))
        smallScale = buffer(m.sources.map(\.sizes.small.scale))
        topLogNormalProbability = buffer(m.sources.map(\.sizes.topLogNormalProbability))
        logMean = buffer(m.sources.map(\.sizes.logMean))
        logStandardDeviation = buffer(m.sources.map(\.sizes.logStandardDeviation))
        logNormalTopStart = buffer(m.sources.map(\.sizes.logNormalTopStart))
        logNormalTopRate = buffer(m.sources.map(\.sizes.logNormalTopRate))
        paretoStart = buffer(m.sources.map(\.sizes.paretoStart))
        inverseExponent = buffer(m.sources.map(\.sizes.inverseExponent))
        majorSource = buffer(m.majors.map(\.source))
        majorYear = buffer(m.majors.map(\.yearIndex))
        majorAmount = buffer(m.majors.map(\.amount))
        majorProbability = buffer(m.majors.map(\.probability))
        allocations = allocs
        logFactorials = LogFactorialTable.shared
        logFactorialView = logFactorials.view
        ziggurat = ZigguratTable.shared.view
    }

    deinit {
        for p in allocations { p.deallocate() }
    }
}
