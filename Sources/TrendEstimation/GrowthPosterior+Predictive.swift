import LibC

/// The exact predictive distribution of a year's log level: a mixture over the σ grid of normals.
extension GrowthPosterior {
    /// One component: weight, mean and variance of x_year given σ_k.
    public struct Component: Sendable, Equatable {
        public var weight: Double
        public var mean: Double
        public var variance: Double
    }

    /// x_year | data for year ≥ startYear: for year ≤ T the posterior marginal; beyond T,
    /// mean m_T + h·m_μ and variance V_TT + 2h·V_Tμ + h²·V_μμ + h·σ_k² (h = year − T).
    public func predictive(year: Int) -> [Component] {
        precondition(year >= startYear, "predictive(year:) needs year ≥ startYear")
        let m = blockSize, t = m - 2, mu = m - 1
        return (0..<volatilities.count).map { k in
            let mean = blockMean[k], cov = blockCovariance[k]
            if year <= lastYear {
                let i = year - startYear
                return Component(weight: weights[k], mean: mean[i], variance: cov[i * m + i])
            }
            let h = Double(year - lastYear)
            let v = cov[t * m + t] + 2 * h * cov[t * m + mu] + h * h * cov[mu * m + mu]
                + h * volatilities[k] * volatilities[k]
            return Component(weight: weights[k], mean: mean[t] + h * mean[mu], variance: v)
        }
    }

    /// P(x_year ≤ value) under the mixture.
    public func cumulativeProbability(year: Int, _ value: Double) -> Double {
        predictive(year: year).reduce(0) { s, c in
            s + c.weight * 0.5 * erfc(-(value - c.mean) / (2 * c.variance).squareRoot())
        }
    }

    /// The p-quantile of x_year (bisection on the mixture CDF to 1e-12).
    public func quantile(year: Int, _ p: Double) -> Double {
        let comps = predictive(year: year)
        let sd = comps.map { $0.variance.squareRoot() }.max() ?? 1
        var lo = (comps.map(\.mean).min() ?? 0) - 10 * sd, hi = (comps.map(\.mean).max() ?? 0) + 10 * sd
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            let c = comps.reduce(0) { s, k in s + k.weight * 0.5 * erfc(-(mid - k.mean) / (2 * k.variance).squareRoot()) }
            if c < p { lo = mid } else { hi = mid }
            if hi - lo < 1e-12 { break }
        }
        return 0.5 * (lo + hi)
    }
}
