/// Mean and quantiles of one quantity over the Monte Carlo draws (P10/P50/P90 by linear
/// interpolation between order statistics, numpy's default).
public struct QuantileSummary: Sendable, Equatable, Codable {
    /// Arithmetic mean over the draws, in the unit of the quantity (e.g. 亿元); NaN without draws.
    public var mean: Double
    /// 10th percentile (P10). With the n draws sorted, x₀ ≤ … ≤ xₙ₋₁, h = 0.1 · (n − 1) and
    /// k = ⌊h⌋: P10 = x_k + (h − k) · (x_{k+1} − x_k), numpy's default linear interpolation. A low
    /// case, reached or exceeded in about 90 % of the draws.
    public var p10: Double
    /// Median (P50): the same interpolation with h = 0.5 · (n − 1).
    public var p50: Double
    /// 90th percentile (P90): the same interpolation with h = 0.9 · (n − 1). A high case, exceeded
    /// in about 10 % of the draws.
    public var p90: Double

    /// A summary from given statistics (use `init(of:)` to compute them from draws).
    public init(mean: Double, p10: Double, p50: Double, p90: Double) {
        self.mean = mean
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
    }

    /// Summary of `values` (any order; NaN-free).
    public init(of values: [Double]) {
        let sorted = values.sorted()
        let n = sorted.count
        self.init(
            mean: n > 0 ? values.reduce(0, +) / Double(n) : .nan, p10: Self.quantile(sorted: sorted, 0.1),
            p50: Self.quantile(sorted: sorted, 0.5), p90: Self.quantile(sorted: sorted, 0.9))
    }
}

extension QuantileSummary {
    /// The p-quantile (0 ≤ p ≤ 1) of `sorted` (ascending) by linear interpolation between order
    /// statistics (numpy's default); NaN when empty.
    public static func quantile(sorted: [Double], _ p: Double) -> Double {
        let n = sorted.count
        guard n > 0 else { return .nan }
        let h = min(max(p, 0), 1) * Double(n - 1)
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, n - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }
}


