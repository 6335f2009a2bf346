import LibC

/// Exact samplers on a `RandomStream`. All are value-type methods with no allocation, so they can
/// run inside the per-draw loop.
extension RandomStream {
    /// Standard normal N(0, 1) by Marsaglia's polar method; the second deviate of each pair is kept.
    @inlinable
    public mutating func normal() -> Double {
        if !spareNormal.isNaN {
            let z = spareNormal
            spareNormal = .nan
            return z
        }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s < 1 && s > 0 {
                let f = (-2 * log(s) / s).squareRoot()
                spareNormal = v * f
                return u * f
            }
        }
    }

    /// Lognormal: exp(μ + σ·Z). Mean exp(μ + σ²/2).
    @inlinable
    public mutating func logNormal(logMean mu: Double, logStandardDeviation sigma: Double) -> Double {
        exp(mu + sigma * normal())
    }

    /// Pareto (type I) with minimum `xMin` and exponent α: x = xMin·U^(−1/α).
    /// Mean α·xMin/(α − 1) for α > 1.
    @inlinable
    public mutating func pareto(minimum xMin: Double, exponent alpha: Double) -> Double {
        xMin * exp(-log(uniform()) / alpha)
    }

    /// Poisson(mean). Inversion by sequential search for mean < 10 (expected mean + 1 steps);
    /// Hörmann's PTRS transformed rejection with squeeze for mean ≥ 10 (exact, O(1)).
    @inlinable
    public mutating func poisson(_ mean: Double) -> Int { poisson(mean, LogFactorialView.none) }

    /// Poisson(mean) with a log-factorial table for the rejection step.
    @inlinable
    public mutating func poisson(_ mean: Double, table: LogFactorialTable) -> Int {
        withExtendedLifetime(table) { poisson(mean, table.view) }
    }

    /// Means above 1e15 are outside the exact range and return 1e15 (the engine never asks for them).
    @inlinable @inline(__always)
    mutating func poisson(_ mean: Double, _ table: LogFactorialView) -> Int {
        if !(mean > 0) { return 0 }
        if !(mean <= 1e15) { return mean.isFinite ? Int(1e15) : 0 }
        if mean < 10 {
            let u = uniform()
            var p = exp(-mean)
            var cdf = p
            var k = 0
            while u > cdf && k < 400 {
                k += 1
                p *= mean / Double(k)
                cdf += p
            }
            return k
        }
        let slam = mean.squareRoot()
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let twoA = 2 * a
        let vr = 0.9277 - 3.6224 / (b - 2)
        var loglam = Double.nan  // set with invalpha on the first slow-path iteration
        var invalpha = 0.0
        let kMax = Swift.min(4 * mean + 1e6, 9.0e15)  // beyond: probability below 1e-300 (mean ≤ 1e15)
        while true {
            let u = uniform() - 0.5
            let v = uniform()
            let us = 0.5 - abs(u)
            let invUs = 1 / us
            let x = (twoA * invUs + b) * u + mean + 0.43
            if !(x >= 0 && x < kMax) { continue }
            let kd = Double(Int(x))
            if us >= 0.07 && v <= vr { return Int(kd) }
            if us < 0.013 && v > us { continue }
            if loglam.isNaN {
                loglam = RandomStream.slowPathLog(mean)
                invalpha = 1.1239 + 1.1328 / (b - 3.4)
            }
            if RandomStream.logIsBelow(v * invalpha / (a * invUs * invUs + b), -mean + kd * loglam - table.logFactorial(kd)) {
                return Int(kd)
            }
        }
    }

    /// log(x) behind a call the optimiser cannot speculate: `log` is an LLVM intrinsic, so a
    /// loop-invariant log in a rarely taken branch (PTRS's log(mean), needed in ~14 % of calls) is
    /// otherwise hoisted out and computed on every call. Same value as `log`.
    @usableFromInline @inline(never)
    static func slowPathLog(_ x: Double) -> Double { log(x) }

    /// log(x) ≤ t, deciding most cases without the logarithm: 1 − 1/x ≤ log x ≤ x − 1 for x > 0, so
    /// x − 1 ≤ t accepts and 1 − 1/x > t rejects. A margin of 1e-12 (far above the rounding of these
    /// expressions and of `log`) sends near-ties to the exact test, so the decision — and hence the
    /// random stream — is the same as `log(x) <= t`.
    @inlinable @inline(__always)
    static func logIsBelow(_ x: Double, _ t: Double) -> Bool {
        if x - 1 <= t - 1e-12 { return true }
        if 1 - 1 / x > t + 1e-12 { return false }
        return log(x) <= t
    }

    /// Binomial(n, p), exact. For n·min(p, 1−p) < 10: chop-down inversion (one uniform, expected
    /// n·p + 1 steps); otherwise Hörmann's BTRS transformed rejection (O(1)).
    /// Uses the symmetry X(n, p) = n − X(n, 1 − p) for p > ½.
    @inlinable
    public mutating func binomial(_ n: Int, _ p: Double) -> Int { binomial(n, p, LogFactorialView.none) }

    /// Binomial(n, p) with a log-factorial table for the rejection step (same distribution).
    @inlinable
    public mutating func binomial(_ n: Int, _ p: Double, table: LogFactorialTable) -> Int {
        withExtendedLifetime(table) { binomial(n, p, table.view) }
    }

    @inlinable
    mutating func binomial(_ n: Int, _ p: Double, _ table: LogFactorialView) -> Int {
        if n <= 0 || !(p > 0) { return 0 }
        if p >= 1 { return n }
        return binomial(n, BinomialProbability(p), table)
    }

    /// Binomial(n, p) with the constants of p computed once (`BinomialProbability`); the same
    /// numbers as `binomial(n, p)` for the same stream.
    @inlinable @inline(__always)
    mutating func binomial(_ n: Int, _ p: BinomialProbability, _ table: LogFactorialView) -> Int {
        if n <= 0 || p.kind == .zero { return 0 }
        if p.kind == .one { return n }
        let k = binomialSmallP(n, p, table)
        return p.kind == .flipped ? n - k : k
    }

    @inlinable
    mutating func binomialSmallP(_ n: Int, _ pc: BinomialProbability, _ table: LogFactorialView) -> Int {
        let count = Double(n)
        let p = pc.p, q = pc.q
        if count * p < 10 {
            // Chop-down inversion: P(0) = qⁿ, P(k) = P(k−1)·(n−k+1)/k·p/q. The cap (far beyond the
            // mean, probability < 1e-30) only guards against rounding; the draw is then repeated.
            let ratio = pc.ratio
            let p0 = exp(count * pc.logQ)
            let cap = Swift.min(n, Int(count * p + 40 * (count * p + 1).squareRoot() + 40))
            while true {
                var u = uniform()
                var f = p0
                var k = 0
                while u > f {
                    u -= f
                    k += 1
                    if k > cap { break }
                    f *= ratio * Double(n - k + 1) / Double(k)
                }
                if k <= cap { return k }
            }
        }
        let spq = (count * p * q).squareRoot()
        let b = 1.15 + 2.53 * spq
        let invB = 1 / b
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let twoA = 2 * a
        let c = count * p + 0.5
        let vr = 0.92 - 4.2 * invB
        // Slow path: log f(k)/f(m) = lf(m) + lf(n−m) − lf(k) − lf(n−k) + (k − m)·log r with
        // lf = log-factorial (table, or log Γ(k+1)), r = p/q, m = ⌊(n+1)p⌋; set up on first use.
        let logR = pc.logRatio
        var modeTerm = Double.nan
        var alpha = 0.0
        while true {
            let u = uniform() - 0.5
            let v = uniform()
            let us = 0.5 - abs(u)
            let invUs = 1 / us
            let x = (twoA * invUs + b) * u + c
            if !(x >= 0 && x < count + 1) { continue }
            let k = Double(Int(x))
            if us >= 0.07 && v <= vr { return Int(k) }
            if modeTerm.isNaN {
                let m = ((count + 1) * p).rounded(.down)
                modeTerm = table.logFactorial(m) + table.logFactorial(count - m) - m * logR
                alpha = (2.83 + 5.1 * invB) * spq
            }
            let upper = modeTerm + k * logR - table.logFactorial(k) - table.logFactorial(count - k)
            let ratio = v * alpha / (a * invUs * invUs + b)
            if RandomStream.logIsBelow(ratio, upper) { return Int(k) }
        }
    }

    /// Gamma(shape, scale = 1), exact: Marsaglia & Tsang (2000) for shape ≥ 1 with ziggurat
    /// normals; for shape < 1, Gamma(shape + 1)·U^(1/shape). Mean = shape, variance = shape.
    @inlinable
    public mutating func gamma(shape: Double) -> Double {
        let t = ZigguratTable.shared
        return withExtendedLifetime(t) { gamma(shape: shape, t.view) }
    }

    @inlinable @inline(__always)
    mutating func gamma(shape: Double, _ z: ZigguratView) -> Double {
        if !(shape > 0) { return 0 }
        if shape < 1 {
            let g = gamma(shape: shape + 1, z)
            return g * exp(log(uniform()) / shape)
        }
        let d = shape - 1.0 / 3.0
        return gamma(d: d, c: 1 / (9 * d).squareRoot(), z)
    }

    /// Standard normal conditioned on Z ≥ a, exact. For a ≤ 0, ziggurat normals until one is ≥ a
    /// (acceptance P(Z ≥ a) ≥ ½); for a > 0, Robert's (1995) rejection from the shifted exponential
    /// a + Exp(λ) with the optimal rate λ = (a + √(a² + 4))/2, accepting x with probability
    /// exp(−(x − λ)²/2) (acceptance ≥ 0.76, → 1 as a grows). `rate` must be that λ (computed once
    /// per threshold by `normalTailRate`).
    @inlinable @inline(__always)
    mutating func normalTail(above a: Double, rate lambda: Double, _ z: ZigguratView) -> Double {
        if !(a > 0) {
            while true {
                let x = normal(z)
                if x >= a { return x }
            }
        }
        while true {
            let x = a - log(uniform()) / lambda
            let d = x - lambda
            if RandomStream.logIsBelow(uniform(), -0.5 * d * d) { return x }
        }
    }

    /// λ = (a + √(a² + 4))/2, the rate of `normalTail`'s exponential proposal for threshold a
    /// (0 for a ≤ 0, where it is not used).
    @inlinable
    static func normalTailRate(_ a: Double) -> Double { a > 0 ? 0.5 * (a + (a * a + 4).squareRoot()) : 0 }

    /// Marsaglia–Tsang for shape ≥ 1 with its constants given: d = shape − 1/3, c = 1/√(9d)
    /// (the same numbers as `gamma(shape:)` for the same stream).
    @inlinable @inline(__always)
    mutating func gamma(d: Double, c: Double, _ z: ZigguratView) -> Double {
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal(z)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
        }
    }
}

/// The constants of one success probability for `RandomStream.binomial`, computed once (per model
/// parameter) instead of per call: p' = min(p, 1 − p) and its q = 1 − p', p'/q, log(p'/q), log(1 − p').
@frozen @usableFromInline
struct BinomialProbability: Sendable {
    @usableFromInline enum Kind: UInt8, Sendable { case zero, one, direct, flipped }
    @usableFromInline let kind: Kind
    /// min(p, 1 − p).
    @usableFromInline let p: Double
    @usableFromInline let q: Double
    @usableFromInline let ratio: Double
    @usableFromInline let logRatio: Double
    @usableFromInline let logQ: Double

    @inlinable
    init(_ probability: Double) {
        if !(probability > 0) {
            kind = .zero
        } else if probability >= 1 {
            kind = .one
        } else {
            kind = probability <= 0.5 ? .direct : .flipped
        }
        let small = kind == .flipped ? 1 - probability : (kind == .direct ? probability : 0)
        p = small
        q = 1 - small
        ratio = kind == .direct || kind == .flipped ? small / (1 - small) : 0
        logRatio = kind == .direct || kind == .flipped ? log(small / (1 - small)) : 0
        logQ = log1p(-small)
    }
}
