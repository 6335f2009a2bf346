import LibC
import TrendEstimation

/// A textbook Kalman filter (Durbin & Koopman 2012, §4.3) for the same model, written
/// independently of `GrowthPosterior` (which solves the whole window at once): state
/// α_t = (x_t, x_{t−1}, μ), T = [[1, 0, 1], [1, 0, 0], [0, 0, 1]], Q = diag(σ², 0, 0), observations
/// processed one at a time with Z = (1, 0, 0) for a level and (1, −1, 0) for a growth rate.
/// Returns the filtered mean and covariance at `lastYear` and ln p(y) by the prediction-error
/// decomposition.
struct KalmanReference {
    var mean: [Double]
    var covariance: [[Double]]
    var logLikelihood = 0.0

    init(observations: [TrendObservation], sigma: Double, prior: TrendPrior, lastYear: Int) {
        let t0 = observations.map(\.earliestYear).min()!
        let first = observations.filter { $0.kind == .level }.min { $0.year < $1.year }!
        let m0 = first.value - first.offset - prior.driftMean * Double(first.year - t0)
        let v0 = prior.initialLevelStandardDeviation * prior.initialLevelStandardDeviation
        mean = [m0, 0, prior.driftMean]
        // x_{t₀−1} is never observed (t₀ is the earliest year any observation involves).
        covariance = [[v0, 0, 0], [0, 1, 0], [0, 0, prior.driftStandardDeviation * prior.driftStandardDeviation]]
        for year in t0...lastYear {
            if year > t0 {
                // Predict: a = T a, P = T P Tᵀ + Q.
                let t: [[Double]] = [[1, 0, 1], [1, 0, 0], [0, 0, 1]]
                mean = (0..<3).map { i in (0..<3).reduce(0) { $0 + t[i][$1] * mean[$1] } }
                var tp = [[Double]](repeating: [0, 0, 0], count: 3)
                for i in 0..<3 { for j in 0..<3 { for k in 0..<3 { tp[i][j] += t[i][k] * covariance[k][j] } } }
                var p = [[Double]](repeating: [0, 0, 0], count: 3)
                for i in 0..<3 { for j in 0..<3 { for k in 0..<3 { p[i][j] += tp[i][k] * t[j][k] } } }
                p[0][0] += sigma * sigma
                covariance = p
            }
            for o in observations where o.year == year {
                let z: [Double] = o.kind == .level ? [1, 0, 0] : [1, -1, 0]
                let v = o.value - o.offset - (0..<3).reduce(0) { $0 + z[$1] * mean[$1] }
                let pz = (0..<3).map { i in (0..<3).reduce(0) { $0 + covariance[i][$1] * z[$1] } }
                let f = (0..<3).reduce(0) { $0 + z[$1] * pz[$1] } + o.variance
                logLikelihood += -0.5 * log(2 * Double.pi * f) - 0.5 * v * v / f
                for i in 0..<3 { mean[i] += pz[i] * v / f }
                for i in 0..<3 { for j in 0..<3 { covariance[i][j] -= pz[i] * pz[j] / f } }
            }
        }
    }
}
