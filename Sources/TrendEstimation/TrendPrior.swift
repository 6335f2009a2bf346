import LibC

/// Priors of the growth process on the log level x_t of a series:
///
///     x_t = x_{t−1} + μ + η_t,   η_t ~ N(0, σ²)   (a random walk with drift: persistent shocks)
///     μ ~ N(μ₀, s_μ²),   ln σ ~ N(ln σ_med, s_σ²) on [σ_min, σ_max],   x_{t₀} ~ N(m₀, s₀²)
///
/// σ is integrated on a grid of `gridPoints` log-spaced values (the posterior is exact on the grid);
/// μ and the states are Gaussian given σ. Every default is an assumption a dataset manifest
/// states with its reasoning (`estimation:` block).
public struct TrendPrior: Sendable, Equatable {
    /// μ₀, prior mean of the yearly log growth.
    public var driftMean: Double
    /// s_μ, prior standard deviation of the yearly log growth.
    public var driftStandardDeviation: Double
    /// σ_med, prior median of the yearly innovation σ (log scale).
    public var volatilityMedian: Double
    /// s_σ, prior standard deviation of ln σ.
    public var volatilityLogStandardDeviation: Double
    /// [σ_min, σ_max]: the grid's range (the prior is truncated to it).
    public var volatilityRange: ClosedRange<Double>
    /// Number of grid points for σ (1: σ fixed at `volatilityMedian`).
    public var gridPoints: Int
    /// s₀, prior standard deviation of the first year's log level (large: the level is learnt from
    /// the data; its mean is taken from the first level observation).
    public var initialLevelStandardDeviation: Double

    public init(
        driftMean: Double = 0.05, driftStandardDeviation: Double = 0.10,
        volatilityMedian: Double = 0.15, volatilityLogStandardDeviation: Double = 0.6,
        volatilityRange: ClosedRange<Double> = 0.01...1.0, gridPoints: Int = 96,
        initialLevelStandardDeviation: Double = 100
    ) {
        self.driftMean = driftMean
        self.driftStandardDeviation = driftStandardDeviation
        self.volatilityMedian = volatilityMedian
        self.volatilityLogStandardDeviation = volatilityLogStandardDeviation
        self.volatilityRange = volatilityRange
        self.gridPoints = gridPoints
        self.initialLevelStandardDeviation = initialLevelStandardDeviation
    }

    /// A prior with σ known (a point mass) — the linear-Gaussian special case.
    public static func knownVolatility(_ sigma: Double, driftMean: Double, driftStandardDeviation: Double) -> TrendPrior {
        TrendPrior(
            driftMean: driftMean, driftStandardDeviation: driftStandardDeviation, volatilityMedian: sigma,
            volatilityLogStandardDeviation: 0, volatilityRange: sigma...sigma, gridPoints: 1)
    }

    /// The σ grid and its prior weights (summing to 1): log-spaced points, weight ∝ the normal
    /// density of ln σ (the spacing is constant in ln σ).
    public func grid() throws -> (sigma: [Double], weight: [Double]) {
        try validate()
        if gridPoints == 1 || volatilityRange.lowerBound == volatilityRange.upperBound {
            return ([gridPoints == 1 ? volatilityMedian : volatilityRange.lowerBound], [1])
        }
        let lo = log(volatilityRange.lowerBound), hi = log(volatilityRange.upperBound)
        let step = (hi - lo) / Double(gridPoints - 1)
        let sigma = (0..<gridPoints).map { exp(lo + Double($0) * step) }
        var w = sigma.map { s -> Double in
            if volatilityLogStandardDeviation == 0 { return 1 }
            let z = (log(s) - log(volatilityMedian)) / volatilityLogStandardDeviation
            return exp(-0.5 * z * z)
        }
        let total = w.reduce(0, +)
        w = w.map { $0 / total }
        return (sigma, w)
    }

    /// Throws `TrendEstimationError.invalidPrior` naming the first bad value.
    public func validate() throws {
        func bad(_ name: String, _ reason: String) -> TrendEstimationError { .invalidPrior(name: name, reason: reason) }
        if !driftMean.isFinite { throw bad("drift_mean", "must be a finite number") }
        if !(driftStandardDeviation > 0 && driftStandardDeviation.isFinite) { throw bad("drift_sd", "must be > 0") }
        if !(volatilityMedian > 0 && volatilityMedian.isFinite) { throw bad("volatility_median", "must be > 0") }
        if !(volatilityLogStandardDeviation >= 0 && volatilityLogStandardDeviation.isFinite) {
            throw bad("volatility_log_sd", "must be ≥ 0")
        }
        if !(volatilityRange.lowerBound > 0 && volatilityRange.upperBound.isFinite) {
            throw bad("volatility_range", "must lie in (0, ∞)")
        }
        if gridPoints < 1 || gridPoints > 4096 { throw bad("grid_points", "must be between 1 and 4096") }
        if !(initialLevelStandardDeviation > 0 && initialLevelStandardDeviation.isFinite) {
            throw bad("initial_level_sd", "must be > 0")
        }
    }
}
