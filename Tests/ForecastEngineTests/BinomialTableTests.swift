import Foundation
import Testing
@testable import ForecastEngine

private let logFactorials = LogFactorialTable()

private func exactPMF(_ n: Int, _ p: Double, _ k: Int) -> Double {
    exp(logFactorials[n] - logFactorials[k] - logFactorials[n - k] + Double(k) * log(p) + Double(n - k) * log(1 - p))
}

@Test(arguments: [(5, 0.3), (63, 0.45), (40, 0.02)])
func binomialTableIsTheExactCDF(n: Int, p: Double) {
    // One table (n < 64): its cumulative probabilities are the binomial CDF.
    let cache = BinomialTableCache(slots: 1)
    let pc = BinomialProbability(p)
    let table = cache.build(n, pc, index: n, logFactorials.view)
    let m = UnsafeRawPointer(table).load(as: Int.self)
    let lo = UnsafeRawPointer(table).load(fromByteOffset: 8, as: Int.self)
    var cdf = 0.0
    for k in 0..<lo { cdf += exactPMF(n, pc.p, k) }
    #expect(cdf < 1e-20)  // mass below the table
    for i in 0..<(m - 1) {
        cdf += exactPMF(n, pc.p, lo + i)
        #expect(abs(table[2 + i] - cdf) < 1e-13, "n \(n) p \(p) k \(lo + i)")
    }
    var above = 0.0  // mass above the table
    if lo + m <= n { for k in (lo + m)...n { above += exactPMF(n, pc.p, k) } }
    #expect(above < 1e-20)
}

@Test(arguments: [(100, 0.3), (1000, 0.25), (64, 0.5), (1087, 0.1), (200, 0.05)])
func binomialTableFrequenciesMatchThePMF(n: Int, p: Double) {
    // n ≥ 64 is drawn as Binomial(64·a) + Binomial(b): frequencies within 5 standard errors.
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
    let counts = [3, 700, 64, 1, 129, 1087, 63, 700, 3]
    let warm = BinomialTableCache(slots: 2)
    var other = RandomStream(seed: 5, draw: 9)
    for n in counts.reversed() { _ = warm.sample(&other, n, pc, slot: 1, logFactorials.view) }
    let cold = BinomialTableCache(slots: 2)
    var a = RandomStream(seed: 1, draw: 2), b = RandomStream(seed: 1, draw: 2)
    let fromWarm = counts.map { warm.sample(&a, $0, pc, slot: 1, logFactorials.view) }
    let fromCold = counts.map { cold.sample(&b, $0, pc, slot: 1, logFactorials.view) }
    #expect(fromWarm == fromCold)
}
