import LibC

/// Special functions used by the samplers and by the closed-form size moments.
public enum SpecialFunctions {
    /// Standard normal CDF Φ(x) = ½·erfc(−x/√2).
    @inlinable
    public static func normalCDF(_ x: Double) -> Double {
        if x == -.infinity { return 0 }
        if x == .infinity { return 1 }
        return 0.5 * erfc(-x * 0.7071067811865476)
    }

    /// Inverse standard normal CDF Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation
    /// (relative error 1.15e-9) refined by one Halley step (≈ machine precision).
    /// Returns ∓∞ for p ≤ 0 / p ≥ 1.
    @inlinable
    public static func inverseNormalCDF(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let pLow = 0.02425
        var x: Double
        if p < pLow {
            let q = (-2 * log(p)).squareRoot()
            x = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1)
        } else if p <= 1 - pLow {
            let q = p - 0.5
            let r = q * q
            x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                    + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1)
        }
        // One Halley step on Φ(x) − p.
        let e = 0.5 * erfc(-x * 0.7071067811865476) - p
        let u = e * 2.5066282746310002 * exp(0.5 * x * x)
        x -= u / (1 + 0.5 * x * u)
        return x
    }

    /// log Γ(x) for x ≥ 1 by the Stirling series with upward shift below 7 (the routine numpy's
    /// `random_loggam` uses); `logFactorial(k) = logGamma(k + 1)`. Pure, thread-safe (unlike glibc's
    /// `lgamma`, which writes the global `signgam`).
    @inlinable
    public static func logGamma(_ xIn: Double) -> Double {
        if xIn == 1 || xIn == 2 { return 0 }
        var x0 = xIn
        var n = 0
        if xIn < 7 { n = Int(7 - xIn); x0 = xIn + Double(n) }
        let x2 = 1 / (x0 * x0)
        var gl0 = -1.39243221690590e+00
        gl0 = gl0 * x2 + 1.796443723688307e-01
        gl0 = gl0 * x2 - 2.955065359477124e-02
        gl0 = gl0 * x2 + 6.410256410256410e-03
        gl0 = gl0 * x2 - 1.917526917526918e-03
        gl0 = gl0 * x2 + 8.417508417508418e-04
        gl0 = gl0 * x2 - 5.952380952380952e-04
        gl0 = gl0 * x2 + 7.936507936507937e-04
        gl0 = gl0 * x2 - 2.777777777777778e-03
        gl0 = gl0 * x2 + 8.333333333333333e-02
        var gl = gl0 / x0 + 0.5 * 1.8378770664093453 + (x0 - 0.5) * log(x0) - x0
        if n > 0 {
            for _ in 0..<n {
                gl -= log(x0 - 1)
                x0 -= 1
            }
        }
        return gl
    }
}
