import Dispatch

/// Order statistics and moments over the draws, deterministic for a given input order.
enum Statistics {
    /// Mean and standard error s/√N with s the sample standard deviation (N − 1), summed in index order.
    static func meanAndStandardError(_ x: UnsafeBufferPointer<Double>) -> (mean: Double, standardError: Double) {
        let n = x.count
        if n == 0 { return (.nan, .nan) }
        var sum = 0.0
        for v in x { sum += v }
        let mean = sum / Double(n)
        if n < 2 { return (mean, .nan) }
        var ss = 0.0
        for v in x {
            let e = v - mean
            ss += e * e
        }
        return (mean, (ss / Double(n - 1) / Double(n)).squareRoot())
    }

    /// Quantile with linear interpolation between order statistics (numpy's default `linear`
    /// method): h = (N − 1)·q, Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). Reorders `x` in place.
    static func quantile(_ x: UnsafeMutableBufferPointer<Double>, _ q: Double) -> Double {
        let n = x.count
        if n == 0 { return .nan }
        let h = Double(n - 1) * q
        let lo = Int(h.rounded(.down))
        let vLo = select(x, lo)
        if lo + 1 >= n || h == Double(lo) { return vLo }
        // After selection every element right of `lo` is ≥ x[lo]; the next order statistic is their minimum.
        var vHi = Double.infinity
        for i in (lo + 1)..<n where x[i] < vHi { vHi = x[i] }
        return vLo + (h - Double(lo)) * (vHi - vLo)
    }

    /// P10, P50 and P90 (numpy's `linear` method, as `quantile`) with one full selection: the median
    /// first, then P10 among the elements left of it and P90 among those right of it (about 2N
    /// element visits instead of 3N). The same values as three `quantile` calls. Reorders `x`.
    static func deciles(_ x: UnsafeMutableBufferPointer<Double>) -> (p10: Double, p50: Double, p90: Double) {
        let n = x.count
        if n == 0 { return (.nan, .nan, .nan) }
        func minimum(_ from: Int, _ to: Int) -> Double {
            var m = Double.infinity
            var i = from
            while i < to {
                if x[i] < m { m = x[i] }
                i += 1
            }
            return m
        }
        func interpolate(_ q: Double, _ lo: Int, _ vLo: Double, _ vHi: () -> Double) -> Double {
            let h = Double(n - 1) * q
            if lo + 1 >= n || h == Double(lo) { return vLo }
            return vLo + (h - Double(lo)) * (vHi() - vLo)
        }
        let k50 = Int((Double(n - 1) * 0.5).rounded(.down))
        let v50 = select(x, k50)
        let p50 = interpolate(0.5, k50, v50) { minimum(k50 + 1, n) }
        // P10: order statistic k10 ≤ k50 lies in x[0..<k50] (all ≤ x[k50]) unless k10 == k50.
        let k10 = Int((Double(n - 1) * 0.1).rounded(.down))
        let p10: Double
        if k10 >= k50 {
            p10 = interpolate(0.1, k50, v50) { minimum(k50 + 1, n) }
        } else {
            let left = UnsafeMutableBufferPointer(rebasing: x[0..<k50])
            let v10 = select(left, k10)
            p10 = interpolate(0.1, k10, v10) { k10 + 1 < k50 ? minimum(k10 + 1, k50) : v50 }
        }
        // P90: order statistic k90 ≥ k50 lies in x[(k50 + 1)...] (all ≥ x[k50]) unless k90 == k50.
        let k90 = Int((Double(n - 1) * 0.9).rounded(.down))
        let p90: Double
        if k90 <= k50 {
            p90 = interpolate(0.9, k50, v50) { minimum(k50 + 1, n) }
        } else {
            let right = UnsafeMutableBufferPointer(rebasing: x[(k50 + 1)..<n])
            let v90 = select(right, k90 - k50 - 1)
            p90 = interpolate(0.9, k90, v90) { minimum(k90 + 1, n) }
        }
        return (p10, p50, p90)
    }

    /// Hoare quickselect with median-of-three pivots: returns the k-th smallest (0-based) and leaves
    /// x[0..<k] ≤ x[k] ≤ x[k+1..<n].
    static func select(_ x: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var lo = 0, hi = x.count - 1
        while hi > lo {
            let mid = lo + (hi - lo) / 2
            if x[mid] < x[lo] { x.swapAt(mid, lo) }
            if x[hi] < x[lo] { x.swapAt(hi, lo) }
            if x[hi] < x[mid] { x.swapAt(hi, mid) }
            let pivot = x[mid]
            var i = lo, j = hi
            while i <= j {
                while x[i] < pivot { i += 1 }
                while x[j] > pivot { j -= 1 }
                if i <= j {
                    x.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                hi = j
            } else if k >= i {
                lo = i
            } else {
                return x[k]
            }
        }
        return x[k]
    }
}

/// Mean, standard error and P10/P50/P90 of every stored row (total, domestic, foreign × years),
/// rows spread over the workers (each row's result is independent of the split).
enum RowDistributions {
    /// [0..<Y] total, [Y..<2Y] domestic, [2Y..<3Y] foreign.
    static func compute(_ out: DrawOutputs, workers requested: Int?) -> [Distribution] {
        let Y = out.years, N = out.draws
        let rowCount = 3 * Y
        let results = UnsafeMutablePointer<Distribution>.allocate(capacity: Swift.max(rowCount, 1))
        let empty = Distribution(mean: .nan, standardError: .nan, p10: .nan, p50: .nan, p90: .nan)
        results.initialize(repeating: empty, count: Swift.max(rowCount, 1))
        let box = ResultBox(results)
        let workers = Swift.max(1, Swift.min(requested ?? ChunkedExecutor.availableProcessors, rowCount))
        let body: @Sendable (Int) -> Void = { w in
            let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: Swift.max(N, 1))
            defer { scratch.deallocate() }
            var r = w
            while r < rowCount {
                let series = r < Y ? out.total : (r < 2 * Y ? out.domestic : out.foreign)
                let row = UnsafeBufferPointer(start: series + (r % Y) * N, count: N)
                let (mean, se) = Statistics.meanAndStandardError(row)
                let q = DecileSelection.deciles(row, scratch: scratch)
                box.pointer[r] = Distribution(mean: mean, standardError: se, p10: q.p10, p50: q.p50, p90: q.p90)
                r += workers
            }
        }
        if workers == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: body) }
        let values = Array(UnsafeBufferPointer(start: results, count: rowCount))
        results.deallocate()
        return values
    }
}

/// A raw pointer shared by workers that write disjoint elements.
struct ResultBox: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Distribution>
    init(_ p: UnsafeMutablePointer<Distribution>) { pointer = p }
}
