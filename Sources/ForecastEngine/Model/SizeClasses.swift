import LibC

/// Moments of one aggregated size class, for the Gamma sum model: the total of n projects of the
/// class is Gamma(shape = n·k, scale = θ) with k = m²/v, θ = v/m (m, v: the class's mean and
/// variance), which matches the exact mean n·m and variance n·v. `scale == 0` means a
/// degenerate class (v = 0): the total is n·m.
struct AggregateSize: Sendable, Equatable {
    var mean: Double
    var shape: Double
    var scale: Double

    init(m0: Double, m1: Double, m2: Double) {
        guard m0 > 0, m1 > 0 else {
            mean = 0; shape = 0; scale = 0
            return
        }
        let m = m1 / m0
        let v = m2 / m0 - m * m
        mean = m
        if v > 1e-12 * m * m && v.isFinite {
            shape = m * m / v
            scale = v / m
        } else {
            shape = 0
            scale = 0
        }
    }
}

/// The three size classes of one source, all in the source's currency:
/// small S = [0, min), pipeline P = [min, ∞) (tracked through the stages), and within P the
/// top class T = [τ, ∞) sampled project by project (τ = max(individual threshold, min));
/// P∖T = [min, τ) is aggregated with the Gamma sum model.
struct SizeClasses: Sendable, Equatable {
    let minimum: Double
    let topThreshold: Double
    /// q_S = P(X < min).
    let smallProbability: Double
    /// q_P = P(X ≥ min).
    let pipelineProbability: Double
    /// P(X ≥ τ | X ≥ min).
    let topGivenPipeline: Double
    let small: AggregateSize
    let middle: AggregateSize
    /// E[X] over all sizes.
    let meanSize: Double
    /// E[X | X ≥ τ].
    let topMean: Double
    // Sampling X | X ≥ τ: lognormal component with probability `topLogNormalProbability`
    // (X = exp(μ + σz), z a standard normal conditioned on z ≥ a = (ln τ − μ)/σ, drawn by
    // `RandomStream.normalTail`), else Pareto from max(τ, x_min).
    let topLogNormalProbability: Double
    let logMean: Double
    let logStandardDeviation: Double
    /// S = P(Z ≥ a) = Φ(−a): the lognormal body's mass at or above τ.
    let logNormalTailSurvival: Double
    /// a = (ln τ − μ)/σ (−∞ when τ = 0) and the rate λ of its tail sampler.
    let logNormalTopStart: Double
    let logNormalTopRate: Double
    let paretoStart: Double
    let inverseExponent: Double

    init(_ d: ProjectSizeDistribution, minimum: Double, individualThreshold: Double) {
        let tau = Swift.max(individualThreshold, minimum)
        self.minimum = minimum
        self.topThreshold = tau
        let inf = Double.infinity
        smallProbability = d.partialMoment(0, from: 0, to: minimum)
        pipelineProbability = d.partialMoment(0, from: minimum, to: inf)
        let topMass = d.partialMoment(0, from: tau, to: inf)
        topGivenPipeline = pipelineProbability > 0 ? Swift.min(1, topMass / pipelineProbability) : 0
        small = AggregateSize(
            m0: smallProbability, m1: d.partialMoment(1, from: 0, to: minimum),
            m2: d.partialMoment(2, from: 0, to: minimum))
        middle = AggregateSize(
            m0: d.partialMoment(0, from: minimum, to: tau), m1: d.partialMoment(1, from: minimum, to: tau),
            m2: d.partialMoment(2, from: minimum, to: tau))
        meanSize = d.mean
        topMean = topMass > 0 ? d.partialMoment(1, from: tau, to: inf) / topMass : 0
        logMean = d.bodyLogMean
        logStandardDeviation = d.bodyLogStandardDeviation
        let z = tau > 0 ? (log(tau) - d.bodyLogMean) / d.bodyLogStandardDeviation : -inf
        logNormalTailSurvival = SpecialFunctions.normalCDF(-z)
        logNormalTopStart = z
        logNormalTopRate = RandomStream.normalTailRate(z)
        let lnTopMass = (1 - d.tailWeight) * logNormalTailSurvival
        topLogNormalProbability = topMass > 0 ? Swift.min(1, lnTopMass / topMass) : 0
        paretoStart = Swift.max(tau, d.tailMinimum)
        inverseExponent = 1 / d.tailExponent
    }
}
