import LibC
import NumericTestSupport
import Testing
import TrendEstimation

/// Simulation-based calibration (Talts et al. 2018): parameters drawn from the prior, a history and
/// a future simulated from the model, the posterior fitted on the history alone. If the posterior
/// is right, the P10–P90 band of the 5-year-ahead level covers the truth in 80 % of cases, and
/// the events given probability p happen with frequency p.
@Suite struct SimulationBasedCalibrationTests {
    struct Outcome { var covered80 = 0, covered90 = 0, cases = 0; var probabilities: [Double] = []; var events: [Bool] = [] }

    static func run(historyYears: Int, cases: Int, seed: UInt64) throws -> Outcome {
        let prior = TrendPrior()
        let (sigmas, weights) = try prior.grid()
        var cumulative: [Double] = []
        var c = 0.0
        for w in weights { c += w; cumulative.append(c) }
        var rng = SplitMix64(seed: seed)
        var out = Outcome()
        let horizon = 5, first = 2000, last = first + historyYears - 1
        for _ in 0..<cases {
            let u = rng.uniform()
            let sigma = sigmas[cumulative.firstIndex { $0 > u } ?? sigmas.count - 1]
            let mu = prior.driftMean + prior.driftStandardDeviation * rng.normal()
            var x = 3 + 5 * rng.uniform()
            var obs: [TrendObservation] = []
            var lastObserved = 0.0
            for year in first...(last + horizon) {
                if year > first { x += mu + sigma * rng.normal() }
                if year <= last {
                    // Alternate the kinds of figure: levels of different quality and growth rates.
                    let noise = year % 3 == 0 ? 0.05 : 0.02
                    lastObserved = x + noise * rng.normal()
                    obs.append(TrendObservation(year: year, kind: .level, value: lastObserved, variance: noise * noise))
                }
            }
            let post = try GrowthPosterior(observations: obs, prior: prior, endYear: last)
            let target = last + horizon
            if post.quantile(year: target, 0.1) <= x && x <= post.quantile(year: target, 0.9) { out.covered80 += 1 }
            if post.quantile(year: target, 0.05) <= x && x <= post.quantile(year: target, 0.95) { out.covered90 += 1 }
            // "Target met": the level 5 years on at least 1.6 × the last observed figure.
            let threshold = lastObserved + log(1.6)
            out.probabilities.append(1 - post.cumulativeProbability(year: target, threshold))
            out.events.append(x >= threshold)
            out.cases += 1
        }
        return out
    }

    @Test(arguments: [2, 5, 10])
    func bandsCoverAtTheirLevel(historyYears: Int) throws {
        let n = 400
        let o = try Self.run(historyYears: historyYears, cases: n, seed: 100 + UInt64(historyYears))
        // Binomial tolerance: 3.5 standard deviations.
        let tol80 = 3.5 * (0.8 * 0.2 / Double(n)).squareRoot(), tol90 = 3.5 * (0.9 * 0.1 / Double(n)).squareRoot()
        let c80 = Double(o.covered80) / Double(n), c90 = Double(o.covered90) / Double(n)
        #expect(abs(c80 - 0.8) < tol80, "P10–P90 coverage with \(historyYears) years: \(c80)")
        #expect(abs(c90 - 0.9) < tol90, "P5–P95 coverage with \(historyYears) years: \(c90)")
    }

    @Test(arguments: [2, 5, 10])
    func probabilitiesAreCalibrated(historyYears: Int) throws {
        let o = try Self.run(historyYears: historyYears, cases: 400, seed: 900 + UInt64(historyYears))
        // Reliability: in each fifth of the predicted probabilities the event frequency is within
        // 3.5 binomial standard deviations of the mean prediction.
        let order = o.probabilities.indices.sorted { o.probabilities[$0] < o.probabilities[$1] }
        let bins = 5, size = order.count / bins
        for b in 0..<bins {
            let idx = order[(b * size)..<((b + 1) * size)]
            let p = idx.reduce(0) { $0 + o.probabilities[$1] } / Double(size)
            let f = Double(idx.filter { o.events[$0] }.count) / Double(size)
            let sd = (idx.reduce(0) { $0 + o.probabilities[$1] * (1 - o.probabilities[$1]) }).squareRoot() / Double(size)
            #expect(abs(f - p) < 3.5 * sd + 0.02, "bin \(b) with \(historyYears) years: frequency \(f), mean p \(p)")
        }
        // And the forecast beats always answering the base rate of the events (Brier skill > 0).
        let base = Double(o.events.filter { $0 }.count) / Double(o.events.count)
        let brier = zip(o.probabilities, o.events).reduce(0) { $0 + pow($1.0 - ($1.1 ? 1 : 0), 2) } / Double(o.events.count)
        let climatology = base * (1 - base)
        #expect(brier < climatology, "Brier \(brier) vs base rate \(climatology)")
    }
}
