import LibC
import TrendEstimation

/// How the draws vary the growth path (docs/FORECAST-MODEL.md).
public enum GrowthUncertainty: Sendable, Equatable {
    /// The comparison option (`trend: total` / `by_currency` / `none`): the fitted trend is taken as
    /// known and a yearly climate shock Z_t = exp(σε_t − σ²/2), ε_t iid N(0, 1), σ =
    /// `arrivalVolatility`, multiplies lead arrivals; a bad year is undone the next.
    case independentShocks
    /// `trend: estimated`: each draw takes its own growth path from the posterior of the growth
    /// process (persistent shocks, estimated drift and volatility, observations after the base year
    /// included) — see `EstimatedGrowth`.
    case estimated(EstimatedGrowth)
}

/// The statistical layer that drives a draw: a path x_B, x_{B+1}, … of log investment in place
/// (亿元) from `posterior`, against the calibrated path x̂_t = `referenceLevel` + (t − B)·`referenceGrowth`.
///
/// In forecast year t the draw's lead arrivals (all sources) are multiplied by
/// Z_t = exp(x_t − x̂_t) (the climate of year t sets its leads; clamped to e^±6 for the counts), and
/// its pipeline investment in place by R_t = exp(x_t − x̂_t) · Ê_t / E_t(Z), where E_t(Z) is the
/// expected pipeline investment given the draw's arrivals and Ê_t the same with Z = 1. So a
/// draw's expected level is exp(x_t) times the scenario's own effect (effort, multipliers) on the
/// expected path; the pipeline's lags shape the project counts, and its project-level noise
/// (counts, sizes) comes on top. Major projects are not scaled.
public struct EstimatedGrowth: Sendable, Equatable {
    /// Posterior with `startYear` = the base year.
    public var posterior: GrowthPosterior
    /// x̂_B = ln(calibrated base-year investment in place, 亿元).
    public var referenceLevel: Double
    /// ln γ̂: the growth the calibration's balanced-growth pipeline uses (the posterior mean drift).
    public var referenceGrowth: Double

    public init(posterior: GrowthPosterior, referenceLevel: Double, referenceGrowth: Double) {
        self.posterior = posterior
        self.referenceLevel = referenceLevel
        self.referenceGrowth = referenceGrowth
    }

    /// Largest |ln Z_t| applied to lead arrivals (the level correction R_t is not clamped).
    public static let arrivalLogClamp = 6.0
}

extension ForecastParameters {
    /// The last year with actuals after the base year (the growth posterior's last year), or the
    /// base year when there are none or the growth is not estimated. Effort, effort scale and
    /// lead-rate multipliers act only on later years.
    public var lastActualYear: Int {
        if case let .estimated(g) = growth { return Swift.max(plan.baseYear, g.posterior.lastYear) }
        return plan.baseYear
    }
}

extension EstimatedGrowth {
    /// E[exp(x_t − x̂_t)] for year t ≥ B: the factor by which the estimated growth moves the
    /// expected pipeline investment in place (Σ_k w_k·exp(m_k + v_k/2 − x̂_t) over the σ grid).
    public func expectedLevelFactor(year: Int, baseYear: Int) -> Double {
        let reference = referenceLevel + Double(year - baseYear) * referenceGrowth
        return posterior.predictive(year: year).reduce(0) { $0 + $1.weight * exp($1.mean + 0.5 * $1.variance - reference) }
    }
}
