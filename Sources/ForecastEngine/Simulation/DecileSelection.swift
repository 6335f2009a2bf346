/// P10, P50 and P90 of a long row of draws without reordering the whole row: the same values as
/// `Statistics.deciles` (numpy's `linear` method), found by sample brackets (the idea of Floyd &
/// Rivest's SELECT).
///
/// 1. A stride sample of s = N/16 elements (256 … 2,048), sorted, gives for each quantile q a value bracket
///    [lo_q, hi_q] around sample rank q·(s − 1) ± 3.5·√(s·q·(1 − q)) + 2, which holds the order
///    statistics x₍k₎ and x₍k+1₎ (k = ⌊(N − 1)·q⌋) unless the sample is off by more than 3.5
///    standard deviations.
/// 2. One branch-free pass counts, per bracket, the elements below it and inside it.
/// 3. If every needed rank lies inside its bracket, a second pass copies each bracket's elements
///    (a few percent of N) into the scratch buffer, and the order statistics are selected there:
///    x₍k₎ is the (k − below)-th smallest of the bracket.
///
/// Otherwise (the sample missed, ties fill the brackets, NaN, or N < 4,096) the row is copied and
/// `Statistics.deciles` runs on all of it. Order statistics are unique values, so both ways return
/// the same numbers; the brackets only save time (quickselect over all N draws is limited by branch
/// mispredictions: ~2 ms per row of 100k draws, this ~0.5 ms).
enum DecileSelection {
    /// Largest stride sample (N/16, at least 256).
    static let sampleSize = 2048
    static let minimumCount = 4096

    /// P10/P50/P90 of `row`. `scratch` must hold at least `row.count` elements; `row` is not changed.
    static func deciles(
        _ row: UnsafeBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>
    ) -> (p10: Double, p50: Double, p90: Double) {
        let n = row.count
        precondition(scratch.count >= n, "scratch smaller than the row")
        if n >= minimumCount, let q = bracketed(row, scratch) { return q }
        let all = UnsafeMutableBufferPointer(rebasing: scratch[0..<n])
        _ = all.initialize(from: row)
        return Statistics.deciles(all)
    }

    /// One quantile's ranks and bracket.
    private struct Target {
        /// h = (N − 1)·q, k = ⌊h⌋; `needsNext` when the answer interpolates towards x₍k+1₎.
        let h: Double
        let k: Int
        let needsNext: Bool
        var low = -Double.infinity
        var high = Double.infinity
        var below = 0
        var inside = 0

        init(_ q: Double, count n: Int) {
            h = Double(n - 1) * q
            k = Int(h.rounded(.down))
            needsNext = h != Double(k) && k + 1 < n
        }

        /// x₍k₎ and x₍k+1₎ are both inside the bracket.
        var covers: Bool { below <= k && (needsNext ? k + 1 : k) < below + inside }
    }

    /// The bracketed selection alone: nil when it cannot answer (then `deciles` selects over the whole row).
    static func bracketed(
        _ row: UnsafeBufferPointer<Double>, _ scratch: UnsafeMutableBufferPointer<Double>
    ) -> (p10: Double, p50: Double, p90: Double)? {
        let n = row.count, s = Swift.max(256, Swift.min(sampleSize, n / 16))
        let x = row.baseAddress!, buffer = scratch.baseAddress!
        var targets = [0.1, 0.5, 0.9].map { Target($0, count: n) }
        // 1. Brackets from a sorted stride sample (the draws are in random order).
        for i in 0..<s { buffer[i] = x[i * n / s] }
        var sample = UnsafeMutableBufferPointer(start: buffer, count: s)
        sample.sort()
        for (t, q) in zip(targets.indices, [0.1, 0.5, 0.9]) {
            let r = q * Double(s - 1)
            let margin = Int(3.5 * (Double(s) * q * (1 - q)).squareRoot()) + 2
            let lo = Int(r.rounded(.down)) - margin, hi = Int(r.rounded(.up)) + margin
            targets[t].low = lo > 0 ? sample[lo] : -.infinity
            targets[t].high = hi < s - 1 ? sample[hi] : .infinity
        }
        // 2. Count below and up to each bracket's ends, four at a time in SIMD lanes (a scalar
        //    `count += v < l ? 1 : 0` is compiled to a branch, mispredicted half the time on draws
        //    in random order); NaN is counted apart.
        let l0 = targets[0].low, h0 = targets[0].high, l1 = targets[1].low, h1 = targets[1].high
        let l2 = targets[2].low, h2 = targets[2].high
        let bounds = [l0, h0, l1, h1, l2, h2].map { SIMD4<Double>(repeating: $0) }
        let one = SIMD4<Int64>(repeating: 1), zero = SIMD4<Int64>.zero
        var lanes = [SIMD4<Int64>](repeating: zero, count: 7)
        var i = 0
        lanes.withUnsafeMutableBufferPointer { c in
            let (L0, H0, L1, H1, L2, H2) = (bounds[0], bounds[1], bounds[2], bounds[3], bounds[4], bounds[5])
            while i + 4 <= n {
                let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Double>.self)
                c[0] &+= zero.replacing(with: one, where: v .< L0)
                c[1] &+= zero.replacing(with: one, where: v .<= H0)
                c[2] &+= zero.replacing(with: one, where: v .< L1)
                c[3] &+= zero.replacing(with: one, where: v .<= H1)
                c[4] &+= zero.replacing(with: one, where: v .< L2)
                c[5] &+= zero.replacing(with: one, where: v .<= H2)
                c[6] &+= zero.replacing(with: one, where: v .!= v)
                i += 4
            }
        }
        var counts = lanes.map { Int($0.wrappedSum()) }
        while i < n {
            let v = x[i]
            for (j, bound) in [l0, h0, l1, h1, l2, h2].enumerated() where j % 2 == 0 ? v < bound : v <= bound {
                counts[j] += 1
            }
            if v.isNaN { counts[6] += 1 }
            i += 1
        }
        let (below0, upTo0, below1, upTo1, below2, upTo2, nan) =
            (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6])
        if nan > 0 { return nil }
        targets[0].below = below0; targets[0].inside = upTo0 - below0
        targets[1].below = below1; targets[1].inside = upTo1 - below1
        targets[2].below = below2; targets[2].inside = upTo2 - below2
        let inside0 = targets[0].inside, inside1 = targets[1].inside, inside2 = targets[2].inside
        // Each bracket gets its region plus one slack slot for the branch-free append.
        if inside0 + inside1 + inside2 + 3 > scratch.count || !targets.allSatisfy(\.covers) { return nil }
        // 3. Copy each bracket's elements into its region.
        let start0 = buffer, start1 = buffer + inside0 + 1, start2 = start1 + inside1 + 1
        var c0 = 0, c1 = 0, c2 = 0
        for i in 0..<n {
            let v = x[i]
            start0[c0] = v
            c0 &+= flag(v >= l0) & flag(v <= h0)
            start1[c1] = v
            c1 &+= flag(v >= l1) & flag(v <= h1)
            start2[c2] = v
            c2 &+= flag(v >= l2) & flag(v <= h2)
        }
        let values = zip(targets, [start0, start1, start2]).map { target, start in
            value(target, UnsafeMutableBufferPointer(start: start, count: target.inside))
        }
        return (values[0], values[1], values[2])
    }

    @inline(__always)
    private static func flag(_ condition: Bool) -> Int { condition ? 1 : 0 }

    /// x₍k₎ + (h − k)·(x₍k+1₎ − x₍k₎) from the bracket's elements (as `Statistics.quantile`).
    private static func value(_ t: Target, _ bracket: UnsafeMutableBufferPointer<Double>) -> Double {
        let r = t.k - t.below
        let vLo = Statistics.select(bracket, r)
        if !t.needsNext { return vLo }
        var vHi = Double.infinity
        for i in (r + 1)..<bracket.count where bracket[i] < vHi { vHi = bracket[i] }
        return vLo + (t.h - Double(t.k)) * (vHi - vLo)
    }
}
