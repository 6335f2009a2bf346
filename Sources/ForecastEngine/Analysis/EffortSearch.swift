/// The effort needed to reach the doubling target with a chosen probability.
public struct EffortRequirement: Sendable, Equatable, Codable {
    /// The requested probability q.
    public let probability: Double
    /// Smallest effort scale on the grid {0, step, 2·step, …} with estimated P(target met) ≥ q;
    /// nil when even `maximumEffortScale` falls short.
    public let effortScale: Double?
    /// Estimated P(target met) at `effortScale` (at the maximum when unreachable).
    public let achievedProbability: Double
    /// The grid point just below `effortScale` (nil when the answer is 0).
    public let nextLowerEffortScale: Double?
    /// Estimated P(target met) there (< q by construction).
    public let probabilityAtNextLower: Double?
    public let step: Double
    /// Number of Monte Carlo runs used.
    public let evaluations: Int
}

extension ForecastEngine {
    /// Bisection on the scalar `effortScale` (multiplying every forecast-year lead arrival) for the
    /// smallest grid value whose estimated P(total_T ≥ m × base) is ≥ `probability`.
    ///
    /// Every trial uses the same seed and draw indices (common random numbers), so trials differ
    /// only through the effort. The bisection keeps P̂(lo) < q ≤ P̂(hi) on the grid k·step and stops
    /// when hi = lo + 1, so the answer's estimate is ≥ q and the next lower grid value's is < q.
    /// - Parameters:
    ///   - draws: draws per trial (default `parameters.draws`).
    ///   - workers: parallel workers (nil = all processors); does not change the answer.
    public static func requiredEffort(
        probability q: Double, parameters: ForecastParameters, step: Double = 0.01,
        maximumEffortScale: Double = 5, draws: Int? = nil, workers: Int? = nil
    ) throws -> EffortRequirement {
        try Check.probability(q, "probability")
        try Check.positive(step, "step")
        try Check.positive(maximumEffortScale, "maximumEffortScale")
        let n = draws ?? parameters.draws
        if n < 1 { throw ForecastError.invalidValue(parameter: "draws", reason: "\(n) must be at least 1") }
        try parameters.validate()
        var evaluations = 0
        func estimate(_ k: Int) throws -> Double {
            var p = parameters
            p.effortScale = Double(k) * step
            evaluations += 1
            let estimate = probabilityTargetMet(try ClosedFormModel(p), draws: n, workers: workers)
            try RunCancellation.check()
            return estimate
        }
        let kMax = Int((maximumEffortScale / step).rounded(.up))
        let atZero = try estimate(0)
        if atZero >= q {
            return EffortRequirement(
                probability: q, effortScale: 0, achievedProbability: atZero, nextLowerEffortScale: nil,
                probabilityAtNextLower: nil, step: step, evaluations: evaluations)
        }
        let atMax = try estimate(kMax)
        if atMax < q {
            return EffortRequirement(
                probability: q, effortScale: nil, achievedProbability: atMax, nextLowerEffortScale: nil,
                probabilityAtNextLower: nil, step: step, evaluations: evaluations)
        }
        var lo = 0, hi = kMax, pLo = atZero, pHi = atMax
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2
            let pm = try estimate(mid)
            if pm >= q {
                hi = mid
                pHi = pm
            } else {
                lo = mid
                pLo = pm
            }
        }
        return EffortRequirement(
            probability: q, effortScale: Double(hi) * step, achievedProbability: pHi,
            nextLowerEffortScale: Double(lo) * step, probabilityAtNextLower: pLo, step: step,
            evaluations: evaluations)
    }
}
