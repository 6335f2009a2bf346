import Foundation
import Testing
@testable import Sensitivity

/// Sobol' indices and Morris effects against analytic values (Ishigami) and SALib 1.6 on the same
/// samples and outputs (Fixtures/make_salib_fixture.py → salib_fixture.json).
@Suite struct SensitivityTests {
    static func fixture(_ name: String) throws -> Any {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json"))
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }

    static func ishigami(_ x: [Double]) -> Double { sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0]) }
    static let ishigamiProblem = SensitivityProblem(names: ["x1", "x2", "x3"], lower: [-.pi, -.pi, -.pi], upper: [.pi, .pi, .pi])

    /// The sequence is SALib's `sobol_sequence.sample` point for point.
    @Test func sobolSequenceEqualsSALib() throws {
        let expected = try #require(try Self.fixture("sobol_sequence_64x6") as? [[Double]])
        #expect(SobolSequence(dimensions: 6).points(64) == expected)
    }

    /// Ishigami (a = 7, b = 0.1): S1 = 0.3139, 0.4424, 0 and ST = 0.5576, 0.4424, 0.2437, each
    /// within the bootstrap confidence interval (widened by 0.01 for the estimator's bias at N).
    @Test func ishigamiIndices() throws {
        let design = SobolIndices.design(Self.ishigamiProblem, baseSamples: 8192)
        let r = try #require(SobolIndices.analyze(design.map(Self.ishigami), dimensions: 3, resamples: 200, seed: 5))
        let s1 = [0.3139, 0.4424, 0], st = [0.5576, 0.4424, 0.2437]
        for j in 0..<3 {
            #expect(abs(r.firstOrder[j] - s1[j]) <= r.firstOrderConfidence[j] + 0.01, "S1 \(j): \(r.firstOrder[j]) ± \(r.firstOrderConfidence[j])")
            #expect(abs(r.total[j] - st[j]) <= r.totalConfidence[j] + 0.01, "ST \(j): \(r.total[j]) ± \(r.totalConfidence[j])")
        }
    }

    /// On SALib's own sample matrix and outputs, the indices equal SALib's to 1e-12.
    @Test func sobolEqualsSALib() throws {
        let root = try #require(try Self.fixture("salib_fixture") as? [String: Any])
        let s = try #require(root["sobol"] as? [String: Any])
        let y = try #require(s["Y"] as? [Double])
        let r = try #require(SobolIndices.analyze(y, dimensions: 3))
        let s1 = try #require(s["S1"] as? [Double]), st = try #require(s["ST"] as? [Double])
        for j in 0..<3 {
            #expect(abs(r.firstOrder[j] - s1[j]) < 1e-12, "\(r.firstOrder[j]) vs \(s1[j])")
            #expect(abs(r.total[j] - st[j]) < 1e-12, "\(r.total[j]) vs \(st[j])")
        }
    }

    /// Morris on y = 2·x1 − 3·x2 + 0·x3 + x1·x2 over [0, 1]³: μ* equals SALib's; x3 has no effect.
    @Test func morrisEqualsSALibAndFindsTheLinearEffects() throws {
        let root = try #require(try Self.fixture("salib_fixture") as? [String: Any])
        let m = try #require(root["morris"] as? [String: Any])
        let x = try #require(m["X"] as? [[Double]]), y = try #require(m["Y"] as? [Double])
        let problem = SensitivityProblem(names: ["x1", "x2", "x3"], lower: [0, 0, 0], upper: [1, 1, 1])
        let r = try #require(MorrisScreening.analyze(x, y, problem: problem))
        let muStar = try #require(m["mu_star"] as? [Double]), sigma = try #require(m["sigma"] as? [Double])
        let mu = try #require(m["mu"] as? [Double])
        for j in 0..<3 {
            #expect(abs(r.muStar[j] - muStar[j]) < 1e-12 && abs(r.sigma[j] - sigma[j]) < 1e-12 && abs(r.mu[j] - mu[j]) < 1e-12)
        }
        // Linear effects: |2 + x2| ∈ [2, 3] for x1, |−3 + x1| ∈ [2, 3] for x2, 0 for x3.
        #expect(r.muStar[0] >= 2 && r.muStar[0] <= 3 && r.muStar[1] >= 2 && r.muStar[1] <= 3 && r.muStar[2] == 0)
    }
}
