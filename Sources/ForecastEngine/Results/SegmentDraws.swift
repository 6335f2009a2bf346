import Vocabulary
/// Every Monte Carlo draw's investment in place split by segment (亿元; foreign converted at the
/// exchange-rate path), for analyses that need the spread of a segment rather than its mean
/// (e.g. the industry-chain module's P10/P90 of output by year).
///
/// All series are year-major over the draws: `values[y·draws + d]` for year index y of `years`
/// and draw d (one year's draws contiguous).
///
/// The split follows `Model.md` §5: a source's pipeline amount (history + new landings) is split
/// into industries and carriers with its time-invariant shares π_{i|s} and π_c (a project's
/// industry and carrier are drawn independently of its size and path), and each major project
/// goes wholly to its own industry, carrier and source in the draws where it lands:
///
///     industry_{i,y,d} = Σ_s π_{i|s}·pipeline_{s,y,d} + Σ_{m: industry(m) = i} major_{m,y,d}
///
/// So per draw and year the industries (and the carriers, and the sources) sum to `total` up to
/// rounding, and their means over the draws are `ForecastResult.byIndustry` (`byCarrier`,
/// `bySource`) up to rounding.
public struct SegmentDraws: Sendable, Equatable {
    /// One segment's series.
    public struct Series: Sendable, Equatable {
        public let id: String
        public let name: LocalizedText
        /// `values[y·draws + d]`.
        public let values: [Double]
    }

    public let years: [Int]
    public let draws: Int
    /// Total investment in place (the same numbers as `DrawSeries.investmentInPlace`).
    public let total: [Double]
    /// By source: pipeline plus that source's major projects.
    public let bySource: [Series]
    /// By industry and by carrier: the split above.
    public let byIndustry: [Series]
    public let byCarrier: [Series]
    /// Pipeline only (no major projects), by source.
    public let pipelineBySource: [Series]
    /// Each major project's amount in place (0 in draws where it does not land), in
    /// `ForecastParameters.majorProjects` order; `id` is the project's name.
    public let majorProjects: [Series]

    /// Value of `series` in year index `y` and draw `d`.
    public func value(_ series: Series, year y: Int, draw d: Int) -> Double { series.values[y * draws + d] }
}

extension ForecastEngine {
    /// Run the Monte Carlo once and return both the usual summary and every draw's split by source,
    /// industry, carrier and major project. The `ForecastResult` is bit-identical to `run(_:…)`
    /// with the same parameters (the same draws; segments are only recorded on the side).
    /// Memory: (sources + majors + industries + carriers + 1) × years × draws doubles.
    public static func runWithSegments(
        _ parameters: ForecastParameters, workers: Int? = nil, progress: Progress? = nil
    ) throws -> (result: ForecastResult, segments: SegmentDraws) {
        let prepared = try ClosedFormModel(parameters)
        let out = ChunkedExecutor.run(
            DrawBuffers(prepared), draws: parameters.draws, workers: workers, progress: progress, segments: true)
        try RunCancellation.check()
        let result = summarise(prepared, out, workers: workers)
        return (result, segments(prepared, out))
    }

    static func segments(_ m: ClosedFormModel, _ out: DrawOutputs) -> SegmentDraws {
        let p = m.parameters
        let Y = out.years, N = out.draws, cells = Y * N
        let S = m.sources.count, M = m.majors.count
        func slice(_ base: UnsafeMutablePointer<Double>?, _ k: Int) -> [Double] {
            guard let base, cells > 0 else { return [Double](repeating: 0, count: cells) }
            return Array(UnsafeBufferPointer(start: base + k * cells, count: cells))
        }
        let pipeline = (0..<S).map { slice(out.sourceDraws, $0) }
        let majors = (0..<M).map { slice(out.majorDraws, $0) }
        var source = pipeline
        var industry = [[Double]](repeating: [Double](repeating: 0, count: cells), count: p.industries.count)
        var carrier = [[Double]](repeating: [Double](repeating: 0, count: cells), count: p.carriers.count)
        for s in 0..<S {
            for i in 0..<p.industries.count {
                let share = m.sources[s].industryShares[i]
                if share != 0 { axpy(share, pipeline[s], &industry[i]) }
            }
            for c in 0..<p.carriers.count where m.carrierShares[c] != 0 {
                axpy(m.carrierShares[c], pipeline[s], &carrier[c])
            }
        }
        for (j, major) in m.majors.enumerated() {
            axpy(1, majors[j], &source[major.source])
            axpy(1, majors[j], &industry[major.industry])
            axpy(1, majors[j], &carrier[major.carrier])
        }
        let total = Array(UnsafeBufferPointer(start: out.total, count: cells))
        return SegmentDraws(
            years: m.years, draws: N, total: total,
            bySource: p.sources.enumerated().map { .init(id: $1.id, name: $1.name, values: source[$0]) },
            byIndustry: p.industries.enumerated().map { .init(id: $1.id, name: $1.name, values: industry[$0]) },
            byCarrier: p.carriers.enumerated().map { .init(id: $1.id, name: $1.name, values: carrier[$0]) },
            pipelineBySource: p.sources.enumerated().map { .init(id: $1.id, name: $1.name, values: pipeline[$0]) },
            majorProjects: p.majorProjects.enumerated().map {
                .init(id: $1.name, name: LocalizedText(zh: $1.name, en: $1.name), values: majors[$0])
            })
    }

    /// y += a·x.
    private static func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
        x.withUnsafeBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                for k in 0..<ys.count { ys[k] += a * xs[k] }
            }
        }
    }
}
