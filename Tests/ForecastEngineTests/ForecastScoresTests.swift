import LibC
import Testing
@testable import ForecastEngine

@Suite struct ForecastScoresTests {
    /// The ensemble CRPS of many normal quantiles tends to the closed form (Gneiting & Raftery
    /// 2007, eq. 21); at z = 0 the closed form is σ(2φ(0) − 1/√π) = σ(√2 − 1)/√π.
    @Test func ensembleCRPSApproachesTheNormalClosedForm() {
        let n = 20_000
        // Normal quantiles at (i − ½)/n by bisection on erfc (an even, deterministic ensemble).
        func quantile(_ p: Double) -> Double {
            var lo = -10.0, hi = 10.0
            for _ in 0..<80 { let m = 0.5 * (lo + hi); if 0.5 * erfc(-m / 2.0.squareRoot()) < p { lo = m } else { hi = m } }
            return 0.5 * (lo + hi)
        }
        let z = (0..<n).map { quantile((Double($0) + 0.5) / Double(n)) }
        for (mu, s, y) in [(0.0, 1.0, 0.0), (1.0, 2.0, 4.0), (-0.5, 0.3, -1.2)] {
            let ens = z.map { mu + s * $0 }
            let closed = ForecastScores.crpsNormal(mean: mu, standardDeviation: s, observation: y)
            #expect(abs(ForecastScores.crps(ensemble: ens, observation: y) - closed) < 1e-3 * s)
        }
        #expect(abs(ForecastScores.crpsNormal(mean: 0, standardDeviation: 1, observation: 0) - (2.0.squareRoot() - 1) / Double.pi.squareRoot()) < 1e-12)
    }

    /// CRPS of a two-point ensemble by hand: {0, 2} against 3 → (3 + 1)/2 − (0 + 2 + 2 + 0)/(2·4) = 1.5.
    @Test func crpsByHand() {
        #expect(ForecastScores.crps(ensemble: [2, 0], observation: 3) == 1.5)
        #expect(ForecastScores.crps(ensemble: [5], observation: 3) == 2)
    }

    @Test func intervalScoreByHand() {
        // 80 % interval [1, 3]: inside → width 2; y = 4 → 2 + 10·1 = 12; y = 0.5 → 2 + 10·0.5 = 7.
        #expect(ForecastScores.intervalScore(lower: 1, upper: 3, observation: 2, alpha: 0.2) == 2)
        #expect(abs(ForecastScores.intervalScore(lower: 1, upper: 3, observation: 4, alpha: 0.2) - 12) < 1e-12)
        #expect(abs(ForecastScores.intervalScore(lower: 1, upper: 3, observation: 0.5, alpha: 0.2) - 7) < 1e-12)
    }

    /// With one probability per bin Murphy's decomposition is exact: BS = REL − RES + UNC.
    @Test func brierDecomposes() {
        let p = [0.1, 0.1, 0.1, 0.5, 0.5, 0.9, 0.9, 0.9, 0.9, 0.3]
        let e = [false, false, true, true, false, true, true, true, false, false]
        let r = ForecastScores.reliability(p, e, bins: 5)
        #expect(abs(ForecastScores.brier(p, e) - (r.reliability - r.resolution + r.uncertainty)) < 1e-12)
        #expect(r.bins.map(\.count).reduce(0, +) == p.count)
    }
}
