import LibC

/// Sobol' first-order and total indices from a Saltelli design (first order only):
/// rows in blocks of D + 2 per base point — A, AB¹ … ABᴰ (A with column j from B), B — the layout
/// of SALib's `sample.sobol.sample(calc_second_order=False)`.
///
/// With the outputs standardised (Y − mean)/sd over all rows, as SALib does:
/// - S1_j = mean(B·(AB_j − A)) / var([A; B])   (Saltelli et al. 2010);
/// - ST_j = ½·mean((A − AB_j)²) / var([A; B])   (Jansen 1999);
/// variances are population variances (numpy's default). Confidence intervals: a bootstrap of the
/// base points (seeded), half-width z·sd (sd with n − 1), z = Φ⁻¹(0.5 + level/2).
public enum SobolIndices {
    public struct Result: Sendable, Equatable {
        public var firstOrder: [Double]
        public var total: [Double]
        /// Half-widths of the confidence intervals (same order).
        public var firstOrderConfidence: [Double]
        public var totalConfidence: [Double]
    }

    /// The design for `problem` with `n` base points: the Sobol' sequence in 2D dimensions (point
    /// 0 skipped), A from the first D columns, B from the last D, scaled to the bounds.
    public static func design(_ problem: SensitivityProblem, baseSamples n: Int) -> [[Double]] {
        let d = problem.dimensions
        let base = SobolSequence(dimensions: 2 * d).points(n + 1).dropFirst()
        var rows: [[Double]] = []
        rows.reserveCapacity(n * (d + 2))
        for p in base {
            let a = Array(p[0..<d]), b = Array(p[d..<(2 * d)])
            rows.append(problem.scale(a))
            for j in 0..<d {
                var ab = a
                ab[j] = b[j]
                rows.append(problem.scale(ab))
            }
            rows.append(problem.scale(b))
        }
        return rows
    }

    /// Indices from the outputs `y` of a design with `dimensions` inputs.
    /// - Returns: nil when `y.count` is not a multiple of D + 2 or y is constant.
    public static func analyze(
        _ y: [Double], dimensions d: Int, resamples: Int = 100, level: Double = 0.95, seed: UInt64 = 1
    ) -> Result? {
        let step = d + 2
        guard d > 0, y.count % step == 0, y.count > 0 else { return nil }
        let n = y.count / step
        let mean = y.reduce(0, +) / Double(y.count)
        let sd = (y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(y.count)).squareRoot()
        guard sd > 0 else { return nil }
        let z = y.map { ($0 - mean) / sd }
        let a = (0..<n).map { z[$0 * step] }, b = (0..<n).map { z[$0 * step + step - 1] }
        let ab = (0..<d).map { j in (0..<n).map { z[$0 * step + 1 + j] } }
        func indices(_ rows: [Int]) -> (first: [Double], total: [Double]) {
            let aa = rows.map { a[$0] }, bb = rows.map { b[$0] }
            let all = aa + bb
            let m = all.reduce(0, +) / Double(all.count)
            let variance = all.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(all.count)
            let count = Double(rows.count)
            var first: [Double] = [], total: [Double] = []
            for j in 0..<d {
                var s1 = 0.0, st = 0.0
                for (k, r) in rows.enumerated() {
                    let abj = ab[j][r]
                    s1 += bb[k] * (abj - aa[k])
                    st += (aa[k] - abj) * (aa[k] - abj)
                }
                first.append(s1 / count / variance)
                total.append(0.5 * st / count / variance)
            }
            return (first, total)
        }
        let point = indices(Array(0..<n))
        // Bootstrap of the base points.
        var rng = SeededGenerator(seed: seed)
        var firstSamples = [[Double]](repeating: [], count: d), totalSamples = [[Double]](repeating: [], count: d)
        for _ in 0..<max(resamples, 2) {
            let rows = (0..<n).map { _ in rng.index(n) }
            let r = indices(rows)
            for j in 0..<d {
                firstSamples[j].append(r.first[j])
                totalSamples[j].append(r.total[j])
            }
        }
        let q = inverseNormal(0.5 + level / 2)
        func halfWidth(_ s: [Double]) -> Double {
            let m = s.reduce(0, +) / Double(s.count)
            return q * (s.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(s.count - 1)).squareRoot()
        }
        return Result(
            firstOrder: point.first, total: point.total, firstOrderConfidence: firstSamples.map(halfWidth),
            totalConfidence: totalSamples.map(halfWidth))
    }

    /// Φ⁻¹(p) by bisection on erfc (enough digits for a confidence level).
    static func inverseNormal(_ p: Double) -> Double {
        var lo = -10.0, hi = 10.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if 0.5 * erfc(-mid / 2.0.squareRoot()) < p { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
