import LibC
import LinearAlgebra

/// The posterior of the growth process (`TrendPrior`) given observations, exact on the σ grid:
/// for each σ_k the states θ = (x_{t₀}, …, x_T, μ) are Gaussian with precision
///
///     Λ_k = Σ_factors a·aᵀ/v      (prior of x_{t₀} and μ, the transitions x_t − x_{t−1} − μ with
///                                  variance σ_k², and the observations)
///
/// and mean Λ_k⁻¹·h; its weight is prior(σ_k)·p(y | σ_k), with the marginal likelihood
///
///     ln p(y | σ) = ln p(y | θ̂) + ln p(θ̂) + (n/2)·ln 2π − ½·ln det Λ      (at the posterior mean θ̂).
///
/// Draws use years `startYear … T` jointly with μ, then continue the random walk beyond T.
public struct GrowthPosterior: Sendable, Equatable {
    /// First and last year of the state window (t₀ = earliest year an observation involves;
    /// T = the later of the last observation and `endYear`).
    public let firstYear: Int
    public let lastYear: Int
    /// First year a draw returns (`init`'s `startYear`).
    public let startYear: Int
    /// The σ grid and the posterior weights (summing to 1).
    public let volatilities: [Double]
    public let weights: [Double]
    /// ln p(y | σ_k) (up to a constant common to all k).
    public let logMarginalLikelihoods: [Double]
    /// Per grid point: mean of the block (x_startYear, …, x_T, μ) and its covariance (row-major m×m)
    /// and lower Cholesky factor (row-major).
    public let blockMean: [[Double]]
    public let blockCovariance: [[Double]]
    let blockCholesky: [[Double]]
    let cumulativeWeights: [Double]
    public let observations: [TrendObservation]
    /// The prior the posterior was computed with.
    public let prior: TrendPrior

    /// Number of entries of the sampled block: T − startYear + 2 (levels and μ).
    public var blockSize: Int { lastYear - startYear + 2 }

    /// - Parameters:
    ///   - endYear: the state window reaches at least this year (e.g. the base year).
    ///   - startYear: first year the draws return (default `endYear`); must lie in the window.
    public init(observations: [TrendObservation], prior: TrendPrior, endYear: Int, startYear: Int? = nil) throws {
        try prior.validate()
        guard let firstLevel = observations.filter({ $0.kind == .level }).min(by: { $0.year < $1.year }) else {
            throw TrendEstimationError.noLevel
        }
        for o in observations {
            if !o.value.isFinite || !o.offset.isFinite {
                throw TrendEstimationError.invalidObservation(label: o.label, reason: "value must be finite")
            }
            if !(o.variance > 0 && o.variance.isFinite) {
                throw TrendEstimationError.invalidObservation(label: o.label, reason: "variance \(o.variance) must be > 0")
            }
        }
        let t0 = observations.map(\.earliestYear).min()!
        let T = Swift.max(observations.map(\.year).max()!, endYear)
        let S = startYear ?? endYear
        guard S >= t0 && S <= T else {
            throw TrendEstimationError.invalidObservation(
                label: "startYear", reason: "\(S) must lie between the first year \(t0) and the last year \(T)")
        }
        firstYear = t0
        lastYear = T
        self.startYear = S
        self.observations = observations
        self.prior = prior
        let nx = T - t0 + 1, n = nx + 1, mu = nx
        let (sigmas, priorWeights) = try prior.grid()
        volatilities = sigmas
        let m0 = firstLevel.value - firstLevel.offset - prior.driftMean * Double(firstLevel.year - t0)
        let v0 = prior.initialLevelStandardDeviation * prior.initialLevelStandardDeviation
        let vm = prior.driftStandardDeviation * prior.driftStandardDeviation
        let halfLog2Pi = 0.5 * log(2 * Double.pi)
        func logNormal(_ r: Double, _ v: Double) -> Double { -halfLog2Pi - 0.5 * log(v) - 0.5 * r * r / v }

        // The part of Λ and h that does not depend on σ.
        var fixed = Matrix(rows: n, columns: n)
        var h = [Double](repeating: 0, count: n)
        fixed[0, 0] += 1 / v0
        h[0] += m0 / v0
        fixed[mu, mu] += 1 / vm
        h[mu] += prior.driftMean / vm
        for o in observations {
            let i = o.year - t0
            let target = o.value - o.offset
            fixed[i, i] += 1 / o.variance
            h[i] += target / o.variance
            if o.kind == .growth {
                fixed[i - 1, i - 1] += 1 / o.variance
                fixed[i, i - 1] -= 1 / o.variance
                fixed[i - 1, i] -= 1 / o.variance
                h[i - 1] -= target / o.variance
            }
        }
        let m = T - S + 2, blockStart = S - t0
        var means: [[Double]] = [], covariances: [[Double]] = [], factors: [[Double]] = []
        var logML: [Double] = []
        for sigma in sigmas {
            var lambda = fixed
            let q = 1 / (sigma * sigma)
            for i in 1..<Swift.max(nx, 1) where i < nx {
                // a = e_i − e_{i−1} − e_μ
                let idx = [i, i - 1, mu], coef = [1.0, -1.0, -1.0]
                for a in 0..<3 { for b in 0..<3 { lambda[idx[a], idx[b]] += coef[a] * coef[b] * q } }
            }
            let chol: CholeskyFactorization
            do { chol = try CholeskyFactorization(lambda) } catch {
                throw TrendEstimationError.numerical("precision matrix for σ = \(sigma): \(error)")
            }
            let theta = try chol.solve(h)
            var ll = logNormal(theta[0] - m0, v0) + logNormal(theta[mu] - prior.driftMean, vm)
            for i in 1..<Swift.max(nx, 1) where i < nx {
                ll += logNormal(theta[i] - theta[i - 1] - theta[mu], sigma * sigma)
            }
            for o in observations {
                let i = o.year - t0
                let fit = theta[i] - (o.kind == .growth ? theta[i - 1] : 0) + o.offset
                ll += logNormal(o.value - fit, o.variance)
            }
            ll += Double(n) * halfLog2Pi - 0.5 * chol.logDeterminant
            logML.append(ll)
            let cov = try chol.inverse()
            let rows = Array(blockStart..<nx) + [mu]
            var blockCov = [Double](repeating: 0, count: m * m)
            for (a, ra) in rows.enumerated() { for (b, rb) in rows.enumerated() { blockCov[a * m + b] = cov[ra, rb] } }
            means.append(rows.map { theta[$0] })
            covariances.append(blockCov)
            factors.append(Self.lowerCholesky(blockCov, m))
        }
        logMarginalLikelihoods = logML
        var logPost = zip(priorWeights, logML).map { $0 > 0 ? log($0) + $1 : -Double.infinity }
        let top = logPost.max() ?? 0
        logPost = logPost.map { exp($0 - top) }
        let total = logPost.reduce(0, +)
        weights = logPost.map { $0 / total }
        var c = 0.0
        cumulativeWeights = weights.map { w in c += w; return c }
        blockMean = means
        blockCovariance = covariances
        blockCholesky = factors
    }

    /// Row-major lower Cholesky factor of a small symmetric positive semi-definite matrix
    /// (a pivot ≤ 0, as for exactly known entries, gives a zero column).
    static func lowerCholesky(_ a: [Double], _ m: Int) -> [Double] {
        var l = [Double](repeating: 0, count: m * m)
        for j in 0..<m {
            var d = a[j * m + j]
            for k in 0..<j { d -= l[j * m + k] * l[j * m + k] }
            let ljj = d > 0 ? d.squareRoot() : 0
            l[j * m + j] = ljj
            for i in (j + 1)..<Swift.max(m, j + 1) {
                var s = a[i * m + j]
                for k in 0..<j { s -= l[i * m + k] * l[j * m + k] }
                l[i * m + j] = ljj > 0 ? s / ljj : 0
            }
        }
        return l
    }

    /// Posterior mean of μ (yearly log growth), averaged over the grid.
    public var driftMean: Double {
        zip(weights, blockMean).reduce(0) { $0 + $1.0 * $1.1[blockSize - 1] }
    }

    /// Posterior mean of σ.
    public var volatilityMean: Double { zip(weights, volatilities).reduce(0) { $0 + $1.0 * $1.1 } }
}
