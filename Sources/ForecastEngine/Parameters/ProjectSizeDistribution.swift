import LibC

/// Size of one project (amount eventually put in place), in the source's currency unit
/// (亿元 for domestic sources, 亿美元 for foreign): a mixture of a lognormal body
/// (小项目铺天盖地) and a Pareto tail (大项目顶天立地).
///
///     X ~ (1 − w)·LogNormal(μ, σ) + w·Pareto(x_min, α)
///     E[X] = (1 − w)·exp(μ + σ²/2) + w·α·x_min/(α − 1)
public struct ProjectSizeDistribution: Sendable, Equatable {
    /// μ: mean of log size of the lognormal body (log of 亿).
    public var bodyLogMean: Double
    /// σ > 0: standard deviation of log size of the body.
    public var bodyLogStandardDeviation: Double
    /// w in [0, 1]: mixture weight of the Pareto tail.
    public var tailWeight: Double
    /// x_min > 0: Pareto minimum (亿).
    public var tailMinimum: Double
    /// α > 1: Pareto exponent (α ≤ 2 has infinite variance; α ≤ 1 an infinite mean, rejected).
    public var tailExponent: Double

    public init(
        bodyLogMean: Double, bodyLogStandardDeviation: Double, tailWeight: Double,
        tailMinimum: Double, tailExponent: Double
    ) {
        self.bodyLogMean = bodyLogMean
        self.bodyLogStandardDeviation = bodyLogStandardDeviation
        self.tailWeight = tailWeight
        self.tailMinimum = tailMinimum
        self.tailExponent = tailExponent
    }

    /// E[X] in the source's currency unit.
    public var mean: Double { partialMoment(1, from: 0, to: .infinity) }

    /// Partial moment E[X^k · 1{lo ≤ X < hi}] for k = 0, 1, 2 (k = 0 is the probability).
    ///
    /// Lognormal part: exp(kμ + k²σ²/2)·[Φ((ln hi − μ − kσ²)/σ) − Φ((ln lo − μ − kσ²)/σ)].
    /// Pareto part with l = max(lo, x_min): α·x_min^α·(hi^(k−α) − l^(k−α))/(k − α) (k ≠ α),
    /// α·x_min^α·ln(hi/l) (k = α); k = 0 gives (x_min/l)^α − (x_min/hi)^α.
    public func partialMoment(_ k: Int, from lo: Double, to hi: Double) -> Double {
        if !(hi > lo) { return 0 }
        let mu = bodyLogMean, sigma = bodyLogStandardDeviation, w = tailWeight
        let kd = Double(k)
        // Lognormal body.
        let shift = mu + kd * sigma * sigma
        let zHi = hi == .infinity ? Double.infinity : (log(hi) - shift) / sigma
        let zLo = lo <= 0 ? -Double.infinity : (log(lo) - shift) / sigma
        let lnMass = SpecialFunctions.normalCDF(zHi) - SpecialFunctions.normalCDF(zLo)
        let body = exp(kd * mu + 0.5 * kd * kd * sigma * sigma) * lnMass
        // Pareto tail.
        var tail = 0.0
        let xm = tailMinimum, a = tailExponent
        let l = Swift.max(lo, xm)
        if hi > l {
            if k == 0 {
                tail = pow(xm / l, a) - (hi == .infinity ? 0 : pow(xm / hi, a))
            } else if abs(kd - a) < 1e-12 {
                tail = hi == .infinity ? .infinity : a * pow(xm, a) * log(hi / l)
            } else if hi == .infinity {
                tail = kd < a ? a * pow(xm, a) * pow(l, kd - a) / (a - kd) : .infinity
            } else {
                tail = a * pow(xm, a) * (pow(hi, kd - a) - pow(l, kd - a)) / (kd - a)
            }
        }
        return (1 - w) * body + w * tail
    }

    func validate(_ path: String) throws {
        try Check.finite(bodyLogMean, path + ".bodyLogMean")
        try Check.positive(bodyLogStandardDeviation, path + ".bodyLogStandardDeviation")
        try Check.probability(tailWeight, path + ".tailWeight")
        try Check.positive(tailMinimum, path + ".tailMinimum")
        try Check.finite(tailExponent, path + ".tailExponent")
        if tailExponent <= 1 {
            throw ForecastError.invalidValue(
                parameter: path + ".tailExponent",
                reason: "\(tailExponent) must exceed 1 (the Pareto tail has an infinite mean otherwise)")
        }
    }
}
