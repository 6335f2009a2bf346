import Foundation

/// A linear map from data values (the domain) to drawing coordinates (the range). The range may be
/// reversed, as for a y axis where larger values are higher up (smaller SVG y).
public struct LinearScale: Sendable, Equatable {
    public var domainLower: Double
    public var domainUpper: Double
    public var rangeLower: Double
    public var rangeUpper: Double

    /// `domainLower` maps to `rangeLower`, `domainUpper` to `rangeUpper`.
    public init(domain: ClosedRange<Double>, range from: Double, _ to: Double) {
        domainLower = domain.lowerBound
        domainUpper = domain.upperBound
        rangeLower = from
        rangeUpper = to
    }

    /// The coordinate of `value` (the middle of the range when the domain is a single point).
    public func callAsFunction(_ value: Double) -> Double {
        let span = domainUpper - domainLower
        guard span != 0, span.isFinite else { return (rangeLower + rangeUpper) / 2 }
        return rangeLower + (value - domainLower) / span * (rangeUpper - rangeLower)
    }

    /// The value at coordinate `position`.
    public func invert(_ position: Double) -> Double {
        let span = rangeUpper - rangeLower
        guard span != 0 else { return domainLower }
        return domainLower + (position - rangeLower) / span * (domainUpper - domainLower)
    }
}

/// "Nice" axis ticks: a step of 1, 2 or 5 × 10^k — the smallest such step at least
/// (upper − lower) / `count` — and every multiple of it from the one at or below `lower` to the
/// one at or above `upper`. For 0…3,907 that is 0, 1,000, …, 4,000; for 1,453…3,906 the step is 500
/// (1,000 … 4,000).
public struct NiceTicks: Sendable, Equatable {
    /// The distance between ticks.
    public let step: Double
    /// Tick values, ascending; the first is ≤ the data's lower bound, the last ≥ its upper bound.
    public let values: [Double]
    /// Digits after the point that the step needs (0 for steps ≥ 1).
    public let decimals: Int

    /// Ticks covering `lower…upper` with about `count` intervals (at least 1).
    public init(covering lower: Double, _ upper: Double, count: Int = 5) {
        var lo = min(lower, upper), hi = max(lower, upper)
        if !lo.isFinite || !hi.isFinite { (lo, hi) = (0, 1) }
        if hi == lo {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            (lo, hi) = (lo - pad, hi + pad)
            if lower == 0 && upper == 0 { (lo, hi) = (0, 1) }
        }
        let step = Self.niceStep((hi - lo) / Double(max(1, count)))
        let decimals = max(0, Int(-floor(log10(step) + 1e-9)))
        let first = Int(floor(lo / step + 1e-9)), last = Int(ceil(hi / step - 1e-9))
        let scale = pow(10, Double(decimals))
        self.step = step
        self.decimals = decimals
        self.values = (first...max(first, last)).map { k in
            let v = (Double(k) * step * scale).rounded() / scale
            return v == 0 ? 0 : v  // no -0
        }
    }

    /// The smallest of 1, 2, 5, 10 × 10^k that is ≥ `raw` (raw > 0).
    public static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 5, 10] where m * magnitude >= raw * (1 - 1e-12) { return m * magnitude }
        return 10 * magnitude
    }

    public var lower: Double { values.first ?? 0 }
    public var upper: Double { values.last ?? 1 }

    /// A tick label with thousands separators and the step's decimals: `1,000`, `2.5`.
    public func label(_ value: Double) -> String { NumberFormatting.grouped(value, decimals: decimals) }
}
