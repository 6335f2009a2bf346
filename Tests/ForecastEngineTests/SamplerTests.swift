import Testing
@testable import ForecastEngine

/// Sample mean and unbiased variance.
private func moments(_ n: Int, _ draw: (inout RandomStream) -> Double) -> (mean: Double, variance: Double) {
    var rng = RandomStream(seed: 12345, draw: 0)
    var sum = 0.0, sumSq = 0.0
    var xs = [Double](repeating: 0, count: n)
    for i in 0..<n {
        xs[i] = draw(&rng)
        sum += xs[i]
    }
    let mean = sum / Double(n)
    for x in xs { sumSq += (x - mean) * (x - mean) }
    return (mean, sumSq / Double(n - 1))
}

/// |estimate − truth| ≤ 5 standard errors (false-alarm rate ≈ 6e-7 per check).
private func within5SE(_ estimate: Double, _ truth: Double, variance: Double, n: Int) -> Bool {
    abs(estimate - truth) <= 5 * (variance / Double(n)).squareRoot()
}

private let table = LogFactorialTable()

@Test(arguments: [0.7, 3.5, 9.99, 10.0, 57.0, 2500.0, 40_000.0], [false, true])
func poissonMeanAndVariance(lambda: Double, withTable: Bool) {
    let n = 200_000
    let m = moments(n) { Double(withTable ? $0.poisson(lambda, table: table) : $0.poisson(lambda)) }
    #expect(within5SE(m.mean, lambda, variance: lambda, n: n))
    // Var(s²) ≈ (μ₄ − σ⁴)/n with μ₄ = λ(1 + 3λ) for the Poisson.
    #expect(within5SE(m.variance, lambda, variance: lambda + 2 * lambda * lambda, n: n))
}

private let binomialCases: [(Int, Double, Bool)] =
    [(20, 0.3), (1000, 0.004), (1000, 0.3), (5000, 0.8), (37, 0.97), (100_000, 0.5), (60, 0.17)]
    .flatMap { [($0.0, $0.1, false), ($0.0, $0.1, true)] }

@Test(arguments: binomialCases)
func binomialMeanAndVariance(trials: Int, p: Double, withTable: Bool) {
    let n = 200_000
    let m = moments(n) { Double(withTable ? $0.binomial(trials, p, table: table) : $0.binomial(trials, p)) }
    let mean = Double(trials) * p, variance = Double(trials) * p * (1 - p)
    #expect(within5SE(m.mean, mean, variance: variance, n: n))
    // μ₄ − σ⁴ for the binomial: σ²(1 − 6pq)/… ≈ 2σ⁴ + σ²(1 − 6pq); use 2σ⁴ + σ² as a bound.
    #expect(within5SE(m.variance, variance, variance: 2 * variance * variance + variance, n: n))
}

@Test func binomialEdgeCases() {
    var rng = RandomStream(seed: 1, draw: 2)
    #expect(rng.binomial(0, 0.5) == 0)
    #expect(rng.binomial(10, 0) == 0)
    #expect(rng.binomial(10, 1) == 10)
    #expect(rng.poisson(0) == 0)
}

@Test func logNormalMean() {
    let n = 200_000, mu = -1.0, sigma = 0.8
    let m = moments(n) { $0.logNormal(logMean: mu, logStandardDeviation: sigma) }
    let mean = exp(mu + sigma * sigma / 2)
    let variance = (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)
    #expect(within5SE(m.mean, mean, variance: variance, n: n))
}

@Test func paretoMeanForAlphaAboveTwo() {
    // α = 3, x_min = 2: mean αx/(α−1) = 3, variance x²α/((α−1)²(α−2)) = 3.
    let n = 200_000
    let m = moments(n) { $0.pareto(minimum: 2, exponent: 3) }
    #expect(within5SE(m.mean, 3, variance: 3, n: n))
}

@Test(arguments: [0.3, 1.0, 4.5, 800.0])
func gammaMeanAndVariance(shape: Double) {
    let n = 200_000
    let m = moments(n) { $0.gamma(shape: shape) }
    #expect(within5SE(m.mean, shape, variance: shape, n: n))
    // μ₄ − σ⁴ = 6k + 2k² for Gamma(k, 1).
    #expect(within5SE(m.variance, shape, variance: 6 * shape + 2 * shape * shape, n: n))
}

@Test func normalMeanAndVariance() {
    let n = 200_000
    let m = moments(n) { $0.normal() }
    #expect(within5SE(m.mean, 0, variance: 1, n: n))
    #expect(within5SE(m.variance, 1, variance: 2, n: n))
}

@Test func inverseNormalCDFInvertsTheCDF() {
    for p in [1e-300, 1e-12, 0.001, 0.02425, 0.3, 0.5, 0.9, 0.999999] {
        let x = SpecialFunctions.inverseNormalCDF(p)
        #expect(abs(SpecialFunctions.normalCDF(x) - p) <= 1e-12 * Swift.max(p, 1e-3))
    }
    #expect(abs(SpecialFunctions.inverseNormalCDF(0.975) - 1.959963984540054) < 1e-12)
}

/// Z | Z ≥ a (the lognormal part of the top size class): every draw ≥ a, the mean equals the
/// inverse Mills ratio φ(a)/Φ(−a), and the empirical CDF is within the 0.1 % Kolmogorov–Smirnov
/// bound (1.95/√n) of the exact F(x) = 1 − Φ(−x)/Φ(−a) — on both sampler branches (a ≤ 0: normal
/// rejection; a > 0: Robert's exponential rejection).
@Test(arguments: [-1.5, 0.0, 0.3, 1.7, 4.0])
func normalTailMatchesTheTruncatedNormal(_ a: Double) {
    let n = 200_000
    var rng = RandomStream(seed: 21, draw: UInt64(a.bitPattern % 1000))
    let rate = RandomStream.normalTailRate(a)
    let z = ZigguratTable.shared
    var x = withExtendedLifetime(z) { (0..<n).map { _ in rng.normalTail(above: a, rate: rate, z.view) } }
    #expect(x.allSatisfy { $0 >= a })
    let survival = SpecialFunctions.normalCDF(-a)
    let mills = exp(-0.5 * a * a) / (2 * Double.pi).squareRoot() / survival
    let variance = 1 + a * mills - mills * mills
    let m = x.reduce(0, +) / Double(n)
    #expect(abs(m - mills) < 5 * (variance / Double(n)).squareRoot(), "a = \(a): mean \(m) vs \(mills)")
    x.sort()
    var ks = 0.0
    for (i, v) in x.enumerated() {
        let f = 1 - SpecialFunctions.normalCDF(-v) / survival
        ks = Swift.max(ks, abs(f - Double(i) / Double(n)), abs(f - Double(i + 1) / Double(n)))
    }
    #expect(ks < 1.95 / Double(n).squareRoot(), "a = \(a): KS distance \(ks)")
}

@Test func binomialProbabilitiesMatchThePMF() {
    // Chi-square-free check: frequencies of each k for Binomial(30, 0.4) (BTRS) and Binomial(30, 0.2)
    // (inversion) within 5 binomial standard errors of the exact pmf.
    for p in [0.4, 0.2] {
        let trials = 30, n = 200_000
        var rng = RandomStream(seed: 77, draw: 1)
        var freq = [Int](repeating: 0, count: trials + 1)
        for _ in 0..<n { freq[rng.binomial(trials, p, table: table)] += 1 }
        for k in 0...trials {
            let logPmf = table[trials] - table[k] - table[trials - k] + Double(k) * log(p) + Double(trials - k) * log(1 - p)
            let pk = exp(logPmf)
            let observed = Double(freq[k]) / Double(n)
            #expect(abs(observed - pk) <= 5 * (pk * (1 - pk) / Double(n)).squareRoot() + 1e-6, "p \(p) k \(k)")
        }
    }
}

@Test func logGammaMatchesFactorials() {
    #expect(abs(SpecialFunctions.logGamma(11) - log(3628800.0)) < 1e-12)
    #expect(abs(SpecialFunctions.logGamma(4) - log(6.0)) < 1e-13)
}

@Test func streamsAreReproducibleAndDistinct() {
    var a = RandomStream(seed: 2021, draw: 5)
    var b = RandomStream(seed: 2021, draw: 5)
    var c = RandomStream(seed: 2021, draw: 6)
    var d = RandomStream(seed: 2021, draw: 5, substream: 1)
    let xa = (0..<8).map { _ in a.next() }
    #expect(xa == (0..<8).map { _ in b.next() })
    #expect(xa != (0..<8).map { _ in c.next() })
    #expect(xa != (0..<8).map { _ in d.next() })
    var u = RandomStream(seed: 0, draw: 0)
    for _ in 0..<10_000 {
        let x = u.uniform()
        #expect(x > 0 && x < 1)
    }
}

@Test func quantilesFollowNumpyLinearInterpolation() {
    var xs: [Double] = [4, 1, 3, 2]
    xs.withUnsafeMutableBufferPointer { b in
        #expect(abs(Statistics.quantile(b, 0.1) - 1.3) < 1e-12)
        #expect(abs(Statistics.quantile(b, 0.5) - 2.5) < 1e-12)
        #expect(abs(Statistics.quantile(b, 0.9) - 3.7) < 1e-12)
    }
    // Larger shuffled input against a sorted reference.
    var rng = RandomStream(seed: 3, draw: 0)
    let values = (0..<1001).map { _ in rng.uniform() }
    let sorted = values.sorted()
    var copy = values
    copy.withUnsafeMutableBufferPointer { b in
        #expect(Statistics.quantile(b, 0.5) == sorted[500])
        let h = 1000 * 0.9
        #expect(abs(Statistics.quantile(b, 0.9) - (sorted[900] + (h - 900) * (sorted[901] - sorted[900]))) < 1e-15)
    }
}

import LibC
