@_exported import TrendEstimation
@_exported import Vocabulary
/// The doubling-plan forecast engine. The exact model (enough to re-implement it) is in
/// `ForecastEngine.docc/Model.md`.
///
/// - `expectedPath(_:)`: the exact expectation (Markov chain with inflows, no sampling).
/// - `run(_:workers:progress:)`: Monte Carlo with `parameters.draws` draws, summarised per year.
/// - `simulateDraws(_:workers:)`: the raw per-draw series (for tests, charts, custom statistics).
/// - `requiredEffort(...)` and `compare(...)`/`runVariant(...)`: see EffortSearch.swift, Variants.swift.
public enum ForecastEngine {
    /// Progress of a Monte Carlo run: (chunks of draws done, total chunks). Draws run in chunks of 256;
    /// the callback is called after each chunk from a worker thread, never concurrently with itself,
    /// with increasing counts, the last call with done == total. Keep it cheap (it runs on the
    /// workers' time); it cannot change the results.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// The closed-form expected path.
    public static func expectedPath(_ parameters: ForecastParameters) throws -> ExpectedPath {
        ExpectedPath(try ClosedFormModel(parameters))
    }

    /// Raw Monte Carlo output: per draw and year, the investment in place (亿元).
    public struct DrawSeries: Sendable, Equatable {
        public let years: [Int]
        public let draws: Int
        /// `investmentInPlace[y][d]` (total), `domestic[y][d]`, `foreign[y][d]` for year index y and draw d.
        public let investmentInPlace: [[Double]]
        public let domestic: [[Double]]
        public let foreign: [[Double]]
    }

    /// Run the draws and return every draw's yearly series.
    /// - Parameter workers: number of parallel workers (nil = all processors). Results do not
    ///   depend on it.
    /// - Parameter progress: optional progress callback (see `Progress`).
    public static func simulateDraws(
        _ parameters: ForecastParameters, workers: Int? = nil, progress: Progress? = nil
    ) throws -> DrawSeries {
        let prepared = try ClosedFormModel(parameters)
        let out = ChunkedExecutor.run(
            DrawBuffers(prepared), draws: parameters.draws, workers: workers, progress: progress)
        try RunCancellation.check()
        let N = out.draws
        func rows(_ p: UnsafeMutablePointer<Double>) -> [[Double]] {
            (0..<out.years).map { y in Array(UnsafeBufferPointer(start: p + y * N, count: N)) }
        }
        return DrawSeries(
            years: prepared.years, draws: N, investmentInPlace: rows(out.total), domestic: rows(out.domestic),
            foreign: rows(out.foreign))
    }

    /// Run the Monte Carlo and summarise it per year.
    /// - Parameter workers: number of parallel workers (nil = all processors). Results are
    ///   bit-identical for any value.
    /// - Parameter progress: optional progress callback, (chunks done, total chunks), called from the
    ///   workers; see `Progress`. The per-year statistics after the last chunk take a few percent
    ///   of the run on top.
    public static func run(
        _ parameters: ForecastParameters, workers: Int? = nil, progress: Progress? = nil
    ) throws -> ForecastResult {
        let prepared = try ClosedFormModel(parameters)
        let out = ChunkedExecutor.run(
            DrawBuffers(prepared), draws: parameters.draws, workers: workers, progress: progress)
        try RunCancellation.check()
        return summarise(prepared, out, workers: workers)
    }

    /// P(total in the target year ≥ multiplier × base-year total) only (used by the effort search).
    static func probabilityTargetMet(_ prepared: ClosedFormModel, draws: Int, workers: Int?) -> Double {
        let out = ChunkedExecutor.run(DrawBuffers(prepared), draws: draws, workers: workers)
        let target = prepared.parameters.plan.multiplier * prepared.baseYearTotal
        let last = (out.years - 1) * out.draws
        var met = 0
        for d in 0..<out.draws where out.total[last + d] >= target { met += 1 }
        return Double(met) / Double(out.draws)
    }

    static func summarise(_ m: ClosedFormModel, _ out: DrawOutputs, workers: Int?) -> ForecastResult {
        let p = m.parameters
        let plan = p.plan
        let N = out.draws, Y = m.yearCount
        let target = plan.multiplier * m.baseYearTotal
        let expected = ExpectedPath(m)
        let rows = RowDistributions.compute(out, workers: workers)
        var yearly: [YearForecast] = []
        let path = plan.path(baseYearTotal: m.baseYearTotal)
        var labels: [Int: [String]] = [:]
        var summary: GrowthEstimateSummary?
        if case let .estimated(g) = p.growth {
            for o in g.posterior.observations where o.year > plan.baseYear { labels[o.year, default: []].append(o.label) }
            summary = GrowthEstimateSummary(g.posterior)
        }
        for y in 0..<Y {
            var atLeast = 0, onPath = 0
            let required = path.requiredAmount(in: m.years[y])
            for d in 0..<N {
                let v = out.total[y * N + d]
                if v >= target { atLeast += 1 }
                if v >= required { onPath += 1 }
            }
            yearly.append(
                YearForecast(
                    year: m.years[y], investmentInPlace: rows[y], domestic: rows[Y + y],
                    foreign: rows[2 * Y + y], expectedInvestmentInPlace: expected.investmentInPlace[y],
                    probabilityAtLeastTarget: Double(atLeast) / Double(N),
                    probabilityOnRequiredPath: Double(onPath) / Double(N), observations: labels[m.years[y]] ?? []))
        }
        // Reduce chunk accumulators in chunk order.
        var acc = [Double](repeating: 0, count: out.accumulatorStride)
        for c in 0..<out.chunkCount {
            let base = out.accumulators + c * out.accumulatorStride
            for i in 0..<out.accumulatorStride { acc[i] += base[i] }
        }
        let invN = 1 / Double(N)
        let S = m.sources.count
        let pipelineMean = (0..<S).map { s in (0..<Y).map { acc[out.sourceOffset + s * Y + $0] * invN } }
        let majorMean = (0..<m.majors.count).map { j in (0..<Y).map { acc[out.majorOffset + j * Y + $0] * invN } }
        var sourceMean = pipelineMean
        var industryMean = [[Double]](repeating: [Double](repeating: 0, count: Y), count: p.industries.count)
        var carrierMean = [[Double]](repeating: [Double](repeating: 0, count: Y), count: p.carriers.count)
        for s in 0..<S {
            for y in 0..<Y {
                for i in 0..<p.industries.count { industryMean[i][y] += m.sources[s].industryShares[i] * pipelineMean[s][y] }
                for c in 0..<p.carriers.count { carrierMean[c][y] += m.carrierShares[c] * pipelineMean[s][y] }
            }
        }
        for (j, major) in m.majors.enumerated() {
            for y in 0..<Y {
                sourceMean[major.source][y] += majorMean[j][y]
                industryMean[major.industry][y] += majorMean[j][y]
                carrierMean[major.carrier][y] += majorMean[j][y]
            }
        }
        let stages = p.pipeline.stages.enumerated().map { k, stage in
            StageForecast(
                id: stage.id, name: stage.name, target: p.targets.perStage[k],
                meanEntries: (0..<Y).map { acc[out.stageSumOffset + k * Y + $0] * invN },
                expectedEntries: expected.stageEntries[k],
                probabilityTargetMet: (0..<Y).map { acc[out.stageMetOffset + k * Y + $0] * invN })
        }
        let last = yearly[Y - 1]
        let horizon = plan.horizon
        return ForecastResult(
            plan: plan, draws: N, seed: p.seed, years: m.years, baseYearTotal: m.baseYearTotal,
            targetAmount: target, requiredCAGR: plan.requiredCAGR,
            medianCAGR: DoublingPlan.cagr(from: m.baseYearTotal, to: last.investmentInPlace.p50, years: horizon),
            meanCAGR: DoublingPlan.cagr(from: m.baseYearTotal, to: last.investmentInPlace.mean, years: horizon),
            probabilityTargetMet: last.probabilityAtLeastTarget,
            gapAtMedian: target - last.investmentInPlace.p50, gapAtMean: target - last.investmentInPlace.mean,
            yearly: yearly,
            bySource: p.sources.enumerated().map { SegmentSeries(id: $1.id, name: $1.name, values: sourceMean[$0]) },
            byIndustry: p.industries.enumerated().map { SegmentSeries(id: $1.id, name: $1.name, values: industryMean[$0]) },
            byCarrier: p.carriers.enumerated().map { SegmentSeries(id: $1.id, name: $1.name, values: carrierMean[$0]) },
            stages: stages, countingThreshold: p.targets.minimumAmount,
            probabilityAllStageTargetsMet: (0..<Y).map { acc[out.allMetOffset + $0] * invN },
            expected: expected, growthEstimate: summary)
    }
}
