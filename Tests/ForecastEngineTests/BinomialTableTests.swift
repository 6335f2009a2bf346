import Foundation
import Testing
@testable import ForecastEngine

private let logFactorials = LogFactorialTable()

private func exactPMF(_ n: Int, _ p: Double, _ k: Int) -> Double {
    exp(logFactorials[n] - logFactorials[k] - logFactorials[n - k] + Double(k) * log(p) + Double(n - k) * log(1 - p))
}

@Test(arguments: [(5, 0.3), (63, 0.45), (40, 0.02), (1024, 0.35)])
func binomialAliasTableIsTheExactPMF(n: Int, p: Double) {
    // One table: the probabilities its cells give, P(k_lo + i) = (t_i + Σ_{j: alias(j) = i} (2⁵³ − t_j))
    // / (m·2⁵³), are the binomial pmf (to the construction's rounding, ≈ m·ε, and the 2⁻⁵³ steps of
    // the thresholds; a wrong alias or threshold moves a whole cell's mass, ≥ 1/m); outside the
    // table the mass is below 1e-20.
    let cache = BinomialTableCache(slots: 1)
    let pc = BinomialProbability(p)
    let index = n < 64 ? n : 64 + n / 64  // the directory's layout; the n ≥ 64 cases are multiples of 64
    let entry = cache.build(n, pc, index: index, logFactorials.view)
    let m = Int(entry.count), lo = Int(entry.first)
    let one = Double(1 << 53)
    var mass = [Double](repeating: 0, count: m)
    for j in 0..<m {
        let cell = entry.cells![j]
        let t = Double(cell >> BinomialTableCache.aliasBits)
        let alias = Int(cell & UInt64(BinomialTableCache.maxCells - 1))
        #expect(t <= one && alias < m)
        mass[j] += t / one / Double(m)
        mass[alias] += (one - t) / one / Double(m)
    }
    var below = 0.0
    for k in 0..<lo { below += exactPMF(n, pc.p, k) }
    #expect(below < 1e-20)  // mass below the table
    for i in 0..<m {
        #expect(abs(mass[i] - exactPMF(n, pc.p, lo + i)) < 1e-13, "n \(n) p \(p) k \(lo + i)")
    }
    var above = 0.0  // mass above the table
    if lo + m <= n { for k in (lo + m)...n { above += exactPMF(n, pc.p, k) } }
    #expect(above < 1e-20)
    #expect(cache.directory[index].cells == entry.cells)  // the directory holds what was built
}

@Test(arguments: [(100, 0.3), (1000, 0.25), (64, 0.5), (1087, 0.1), (200, 0.05), (3000, 0.05), (BinomialTableCache.maxSummedN, 0.35)])
func binomialTableFrequenciesMatchThePMF(n: Int, p: Double) {
    // n ≥ 64 is drawn as Binomial(64·a) + Binomial(b), n > maxN (up to maxSummedN) with c more
    // Binomial(largestTabulated) draws: frequencies within 5 standard errors.
    let cache = BinomialTableCache(slots: 1)
    let pc = BinomialProbability(p)
    var rng = RandomStream(seed: 91, draw: UInt64(n))
    let draws = 200_000
    var freq = [Int](repeating: 0, count: n + 1)
    var sum = 0.0
    for _ in 0..<draws {
        let k = cache.sample(&rng, n, pc, slot: 0, logFactorials.view)
        freq[k] += 1
        sum += Double(k)
    }
    for k in 0...n {
        let pk = exactPMF(n, p, k)
        let observed = Double(freq[k]) / Double(draws)
        #expect(abs(observed - pk) <= 5 * (pk * (1 - pk) / Double(draws)).squareRoot() + 1e-5, "n \(n) p \(p) k \(k)")
    }
    let mean = Double(n) * p, se = (Double(n) * p * (1 - p) / Double(draws)).squareRoot()
    #expect(abs(sum / Double(draws) - mean) < 5 * se)
}

@Test func binomialTableDrawsDoNotDependOnWhichTablesExist() {
    // The same stream gives the same numbers whether the tables were built before (in another
    // order) or on first use, so per-worker caches keep runs bit-identical for any worker count.
    let pc = BinomialProbability(0.37)
    let counts = [3, 700, 64, 1, 129, BinomialTableCache.maxN, 63, 700, 3, 4100, BinomialTableCache.maxN + 1,
                  BinomialTableCache.maxSummedN]
    let warm = BinomialTableCache(slots: 2)
    var other = RandomStream(seed: 5, draw: 9)
    for n in counts.reversed() { _ = warm.sample(&other, n, pc, slot: 1, logFactorials.view) }
    let cold = BinomialTableCache(slots: 2)
    var a = RandomStream(seed: 1, draw: 2), b = RandomStream(seed: 1, draw: 2)
    let fromWarm = counts.map { warm.sample(&a, $0, pc, slot: 1, logFactorials.view) }
    let fromCold = counts.map { cold.sample(&b, $0, pc, slot: 1, logFactorials.view) }
    #expect(fromWarm == fromCold)
}
