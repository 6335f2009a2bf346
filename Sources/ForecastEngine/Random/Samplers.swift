#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
    public mutating func poisson(_ mean: Double) -> Int {
        if !(mean > 0) { return 0 }
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
        let loglam = log(mean)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invalpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = uniform() - 0.5
            let v = uniform()
            let us = 0.5 - abs(u)
            let kd = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(kd) }
            if kd < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invalpha) - log(a / (us * us) + b)
                <= -mean + kd * loglam - SpecialFunctions.logGamma(kd + 1) {
                return Int(kd)
            }
        }
    }

    /// Binomial(n, p), exact. For n·min(p, 1−p) < 10: sum of geometric waiting times (inversion,
    /// expected n·p + 1 uniforms); otherwise Hörmann's BTRS transformed rejection (O(1)).
    /// Uses the symmetry X(n, p) = n − X(n, 1 − p) for p > ½.
    @inlinable
    public mutating func binomial(_ n: Int, _ p: Double) -> Int {
        if n <= 0 || !(p > 0) { return 0 }
        if p >= 1 { return n }
        if p <= 0.5 {
            return binomialSmallP(n, p)
        }
        return n - binomialSmallP(n, 1 - p)
    }

    @inlinable
    mutating func binomialSmallP(_ n: Int, _ p: Double) -> Int {
        let count = Double(n)
        if count * p < 10 {
            let logq = log1p(-p)
            var sum = 0.0
            var k = 0
            while true {
                sum += (log(uniform()) / logq).rounded(.up)
                if sum > count { return k }
                k += 1
            }
        }
        let q = 1 - p
        let spq = (count * p * q).squareRoot()
        let b = 1.15 + 2.53 * spq
        let a = -0.0873 + 0.0248 * b + 0.01 * p
        let c = count * p + 0.5
        let vr = 0.92 - 4.2 / b
        let r = p / q
        let alpha = (2.83 + 5.1 / b) * spq
        let m = ((count + 1) * p).rounded(.down)
        while true {
            let u = uniform() - 0.5
            var v = uniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + c).rounded(.down)
            if k < 0 || k > count { continue }
            if us >= 0.07 && v <= vr { return Int(k) }
            v = log(v * alpha / (a / (us * us) + b))
            let upper = (m + 0.5) * log((m + 1) / (r * (count - m + 1)))
                + (count + 1) * log((count - m + 1) / (count - k + 1))
                + (k + 0.5) * log(r * (count - k + 1) / (k + 1))
                + SpecialFunctions.stirlingTail(m) + SpecialFunctions.stirlingTail(count - m)
                - SpecialFunctions.stirlingTail(k) - SpecialFunctions.stirlingTail(count - k)
            if v <= upper { return Int(k) }
        }
    }

    /// Gamma(shape, scale = 1), exact: Marsaglia & Tsang (2000) for shape ≥ 1; for shape < 1,
    /// Gamma(shape + 1)·U^(1/shape). Mean = shape, variance = shape.
    @inlinable
    public mutating func gamma(shape: Double) -> Double {
        if !(shape > 0) { return 0 }
        if shape < 1 {
            let g = gamma(shape: shape + 1)
            return g * exp(log(uniform()) / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal()
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
