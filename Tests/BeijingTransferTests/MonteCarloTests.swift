import NumericTestSupport
import Testing
@testable import BeijingTransfer

/// Monte Carlo cross-checks: individual firms simulated one by one (SplitMix64, seeded), each
/// year advancing, withdrawing or staying with the tier's probabilities. Means and variances
/// must agree with the module's exact values within 5 standard errors.
@Suite struct MonteCarloTests {
    /// One replication of a tier: relocations per forecast year.
    static func simulate(_ tier: TierForecast, years: Int, rng: inout SplitMix64) -> [Int] {
        let a = tier.probabilities.advance, w = tier.probabilities.withdraw
        var counts = [Int](repeating: 0, count: years)
        func run(state start: Int, from entry: Int, rng: inout SplitMix64) {
            var s = start
            for y in entry..<years {
                let u = rng.uniform()
                if u < a[s] {
                    if s == 3 { counts[y] += 1; return }
                    s += 1
                } else if u < a[s] + w[s] {
                    return
                }
            }
        }
        for (state, count) in tier.settings.initial.enumerated() {
            for _ in 0..<Int(count) { run(state: state, from: 0, rng: &rng) }
        }
        if years > 1 {
            for entry in 1..<years {
                for _ in 0..<Int(tier.settings.newCandidates) { run(state: 0, from: entry, rng: &rng) }
            }
        }
        return counts
    }

    @Test func yearlyRelocationsMeanAndVariance() throws {
        let m = try TestSupport.module()
        let years = m.years.count
        let replications = 2000
        var rng = SplitMix64(seed: 20_240_517)
        for tier in m.tiers {
            // Whole-number counts, so the exact variance formula applies.
            #expect(tier.settings.initial.allSatisfy { $0 == $0.rounded() })
            var sum = [Double](repeating: 0, count: years), sumSq = sum
            var cumSum = sum, cumSumSq = sum
            var window = 0.0, windowSq = 0.0  // relocations in 2022…2024 (year indices 1…3)
            for _ in 0..<replications {
                let counts = Self.simulate(tier, years: years, rng: &rng)
                let inWindow = Double(counts[1] + counts[2] + counts[3])
                window += inWindow
                windowSq += inWindow * inWindow
                var running = 0.0
                for y in 0..<years {
                    let c = Double(counts[y])
                    running += c
                    sum[y] += c
                    sumSq[y] += c * c
                    cumSum[y] += running
                    cumSumSq[y] += running * running
                }
            }
            let n = Double(replications)
            let windowVariance = tier.projection.countVariance(years: 1, through: 3)
            let windowSample = (windowSq - window * window / n) / (n - 1)
            #expect(abs(windowSample - windowVariance) <= 5 * windowVariance * (2 / (n - 1)).squareRoot(), "\(tier.settings.id) window variance \(windowSample) vs \(windowVariance)")
            for y in 0..<years {
                // The window from the first year is the cumulative count.
                #expect(TestSupport.close(tier.projection.countVariance(years: 0, through: y), tier.projection.cumulativeVariance[y]))
                for (s, s2, mean, variance, what) in [
                    (sum[y], sumSq[y], tier.projection.relocations[y], tier.projection.relocationVariance[y], "yearly"),
                    (cumSum[y], cumSumSq[y], tier.projection.cumulativeRelocations[y], tier.projection.cumulativeVariance[y], "cumulative"),
                ] {
                    let sampleMean = s / n
                    let sampleVariance = (s2 - n * sampleMean * sampleMean) / (n - 1)
                    let seMean = (sampleVariance / n).squareRoot()
                    #expect(abs(sampleMean - mean) <= 5 * seMean, "\(tier.settings.id) \(m.years[y]) \(what) mean \(sampleMean) vs \(mean)")
                    // SE of a sample variance of near-normal counts: σ²·√(2/(n − 1)).
                    let seVariance = variance * (2 / (n - 1)).squareRoot()
                    #expect(abs(sampleVariance - variance) <= 5 * seVariance, "\(tier.settings.id) \(m.years[y]) \(what) variance \(sampleVariance) vs \(variance)")
                }
            }
        }
    }

    /// Single candidates followed until absorption: P(relocate), expected years to absorption and
    /// expected years given relocation.
    @Test func candidateAbsorption() throws {
        let m = try TestSupport.module()
        var rng = SplitMix64(seed: 7)
        for tier in m.tiers {
            let a = tier.probabilities.advance, w = tier.probabilities.withdraw
            let n = 40_000
            var relocated = 0, steps = 0.0, stepsSq = 0.0, relocSteps = 0.0, relocStepsSq = 0.0
            for _ in 0..<n {
                var s = 0, k = 0
                while true {
                    k += 1
                    let u = rng.uniform()
                    if u < a[s] {
                        if s == 3 { relocated += 1; relocSteps += Double(k); relocStepsSq += Double(k * k); break }
                        s += 1
                    } else if u < a[s] + w[s] {
                        break
                    }
                }
                steps += Double(k)
                stepsSq += Double(k * k)
            }
            let c = tier.chain
            let p = Double(relocated) / Double(n)
            #expect(abs(p - c.absorption[0, 0]) <= 5 * (p * (1 - p) / Double(n)).squareRoot())
            let meanT = steps / Double(n)
            let sdT = ((stepsSq / Double(n) - meanT * meanT) * Double(n) / Double(n - 1)).squareRoot()
            #expect(abs(meanT - c.expectedSteps[0]) <= 5 * sdT / Double(n).squareRoot())
            #expect(abs(sdT * sdT - c.stepVariance[0]) <= 0.05 * c.stepVariance[0])
            let r = Double(relocated)
            let meanR = relocSteps / r
            let sdR = ((relocStepsSq / r - meanR * meanR) * r / (r - 1)).squareRoot()
            #expect(abs(meanR - c.conditionalExpectedSteps(absorbedIn: 0)[0]) <= 5 * sdR / r.squareRoot())
        }
    }
}
