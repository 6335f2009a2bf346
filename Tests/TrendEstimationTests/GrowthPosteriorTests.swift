import LibC
import NumericTestSupport
import Testing
import TrendEstimation

/// A history with levels, a partial-year level, growth rates and a gap year.
private let mixedHistory: [TrendObservation] = [
    TrendObservation(year: 2014, kind: .level, value: log(820), variance: 0.03 * 0.03, label: "2014 level"),
    TrendObservation(year: 2015, kind: .growth, value: log(1.12), variance: 0.02 * 0.02, label: "2015 growth"),
    TrendObservation(year: 2016, kind: .level, value: log(1010), variance: 0.05 * 0.05, label: "2016 level"),
    TrendObservation(year: 2018, kind: .growth, value: log(0.93), variance: 0.02 * 0.02, label: "2018 growth"),
    TrendObservation(year: 2018, kind: .level, value: log(240), offset: log(0.22), variance: 0.15 * 0.15, label: "2018 Q1"),
    TrendObservation(year: 2019, kind: .level, value: log(1150), variance: 0.02 * 0.02, label: "2019 level"),
]

@Suite struct GrowthPosteriorTests {
    /// With σ known the window solve equals a recursive Kalman filter: filtered x_T and μ, their
    /// covariance, ln p(y) and the h-step predictive (mean m_T + h·m_μ, variance … + h·σ²).
    @Test(arguments: [0.05, 0.2, 0.6])
    func knownVolatilityEqualsKalmanFilter(sigma: Double) throws {
        let prior = TrendPrior.knownVolatility(sigma, driftMean: 0.04, driftStandardDeviation: 0.1)
        let post = try GrowthPosterior(observations: mixedHistory, prior: prior, endYear: 2019)
        let kf = KalmanReference(observations: mixedHistory, sigma: sigma, prior: prior, lastYear: 2019)
        let now = post.predictive(year: 2019)[0]
        #expect(abs(now.mean - kf.mean[0]) < 1e-9)
        #expect(abs(now.variance - kf.covariance[0][0]) < 1e-9)
        #expect(abs(post.driftMean - kf.mean[2]) < 1e-9)
        #expect(abs(post.logMarginalLikelihoods[0] - kf.logLikelihood) < 1e-9)
        for h in 1...6 {
            let c = post.predictive(year: 2019 + h)[0]
            let dh = Double(h)
            let mean = kf.mean[0] + dh * kf.mean[2]
            let v = kf.covariance[0][0] + 2 * dh * kf.covariance[0][2] + dh * dh * kf.covariance[2][2] + dh * sigma * sigma
            #expect(abs(c.mean - mean) < 1e-9)
            #expect(abs(c.variance - v) < 1e-9)
        }
    }

    /// The grid weights are prior × Kalman likelihood, normalised.
    @Test func gridWeightsArePriorTimesLikelihood() throws {
        let prior = TrendPrior(gridPoints: 12)
        let post = try GrowthPosterior(observations: mixedHistory, prior: prior, endYear: 2019)
        let (sigma, priorWeight) = try prior.grid()
        let ll = sigma.map { KalmanReference(observations: mixedHistory, sigma: $0, prior: prior, lastYear: 2019).logLikelihood }
        let top = ll.max()!
        let w = zip(priorWeight, ll).map { $0 * exp($1 - top) }
        let total = w.reduce(0, +)
        for k in 0..<sigma.count { #expect(abs(post.weights[k] - w[k] / total) < 1e-9) }
    }

    /// Sampled paths have the predictive's mean and variance (mixture over the grid).
    @Test func sampledPathsMatchThePredictive() throws {
        let post = try GrowthPosterior(observations: mixedHistory, prior: TrendPrior(), endYear: 2019, startYear: 2018)
        var rng = SplitMix64(seed: 7)
        let years = 6, n = 40_000
        let need = post.normalsNeeded(years: years)
        var normals = [Double](repeating: 0, count: need)
        var path = [Double](repeating: 0, count: years)
        var sum = [Double](repeating: 0, count: years), sum2 = sum
        for _ in 0..<n {
            for i in 0..<need { normals[i] = rng.normal() }
            post.samplePath(uniform: rng.uniform(), normals: normals, into: &path, count: years)
            for i in 0..<years { sum[i] += path[i]; sum2[i] += path[i] * path[i] }
        }
        for i in 0..<years {
            let comps = post.predictive(year: 2018 + i)
            let mean = comps.reduce(0) { $0 + $1.weight * $1.mean }
            let second = comps.reduce(0) { $0 + $1.weight * ($1.variance + $1.mean * $1.mean) }
            let variance = second - mean * mean
            let m = sum[i] / Double(n), v = sum2[i] / Double(n) - m * m
            #expect(abs(m - mean) < 4 * (variance / Double(n)).squareRoot(), "year \(2018 + i): \(m) vs \(mean)")
            #expect(abs(v / variance - 1) < 0.05, "year \(2018 + i): variance \(v) vs \(variance)")
        }
    }

    /// Two observations give a wider band than twenty from the same process.
    @Test func moreHistoryNarrowsTheBand() throws {
        var rng = SplitMix64(seed: 11)
        var x = log(1000.0)
        var obs: [TrendObservation] = []
        for year in 2000...2019 {
            x += 0.08 + 0.12 * rng.normal()
            obs.append(TrendObservation(year: year, kind: .level, value: x, variance: 0.02 * 0.02))
        }
        func width(_ o: [TrendObservation]) throws -> Double {
            let p = try GrowthPosterior(observations: o, prior: TrendPrior(), endYear: 2019)
            return p.quantile(year: 2024, 0.9) - p.quantile(year: 2024, 0.1)
        }
        let short = try width(Array(obs.suffix(2))), long = try width(obs)
        #expect(short > 1.3 * long, "P10–P90 width: 2 years \(short), 20 years \(long)")
    }

    /// The same year given as a full-year level, or as a Q1 figure with its seasonal share, gives
    /// the same answer when the Q1 figure carries no more noise; with the share's uncertainty it
    /// gives the same centre and a wider band.
    @Test func partialYearAndGrowthFormsAreConsistent() throws {
        let levels = (2012...2019).map { y in
            TrendObservation(year: y, kind: .level, value: log(500) + 0.1 * Double(y - 2012) + (y % 2 == 0 ? 0.03 : -0.02), variance: 0.0004)
        }
        // The same figures as one level and seven growth rates.
        var growthForm = [levels[0]]
        for i in 1..<levels.count {
            growthForm.append(TrendObservation(year: levels[i].year, kind: .growth, value: levels[i].value - levels[i - 1].value, variance: 0.0008))
        }
        // Last year's level as a Q1 figure: ln(Q1) = x + ln 0.22.
        var quarterForm = levels
        quarterForm[quarterForm.count - 1] = TrendObservation(
            year: 2019, kind: .level, value: levels.last!.value + log(0.22), offset: log(0.22), variance: 0.0004)
        let a = try GrowthPosterior(observations: levels, prior: TrendPrior(), endYear: 2019)
        let q = try GrowthPosterior(observations: quarterForm, prior: TrendPrior(), endYear: 2019)
        #expect(abs(a.quantile(year: 2023, 0.5) - q.quantile(year: 2023, 0.5)) < 1e-9)
        let g = try GrowthPosterior(observations: growthForm, prior: TrendPrior(), endYear: 2019)
        let spread = a.quantile(year: 2023, 0.9) - a.quantile(year: 2023, 0.1)
        #expect(abs(a.quantile(year: 2023, 0.5) - g.quantile(year: 2023, 0.5)) < 0.1 * spread)
        var noisyQuarter = quarterForm
        noisyQuarter[noisyQuarter.count - 1].variance = 0.0004 + 0.15 * 0.15
        let nq = try GrowthPosterior(observations: noisyQuarter, prior: TrendPrior(), endYear: 2019)
        #expect(abs(a.quantile(year: 2023, 0.5) - nq.quantile(year: 2023, 0.5)) < 0.2 * spread)
        #expect(nq.quantile(year: 2023, 0.9) - nq.quantile(year: 2023, 0.1) > spread)
    }

    /// An actual far below the path lowers P(target met); one far above raises it.
    @Test func actualsMoveTheProbability() throws {
        let history = (2015...2020).map { y in
            TrendObservation(year: y, kind: .level, value: log(1000) + 0.12 * Double(y - 2015), variance: 0.0004)
        }
        let target = log(1000) + 0.12 * 5 + log(2)  // doubling 2020 by 2025
        func p(_ obs: [TrendObservation]) throws -> Double {
            let post = try GrowthPosterior(observations: obs, prior: TrendPrior(), endYear: 2020)
            return 1 - post.cumulativeProbability(year: 2025, target)
        }
        let base = try p(history)
        let level2021 = log(1000) + 0.12 * 6
        let low = try p(history + [TrendObservation(year: 2021, kind: .level, value: level2021 - 0.3, variance: 0.0004)])
        let high = try p(history + [TrendObservation(year: 2021, kind: .level, value: level2021 + 0.3, variance: 0.0004)])
        #expect(low < base - 0.1 && high > base + 0.1, "P(target met): \(low) < \(base) < \(high)")
    }

    @Test func noLevelIsAnError() {
        #expect(throws: TrendEstimationError.noLevel) {
            try GrowthPosterior(
                observations: [TrendObservation(year: 2020, kind: .growth, value: 0.1, variance: 0.01)],
                prior: TrendPrior(), endYear: 2020)
        }
    }
}

extension SplitMix64 {
    /// Standard normal by Box–Muller (test data only).
    mutating func normal() -> Double {
        let u1 = Swift.max(uniform(), 1e-300), u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
