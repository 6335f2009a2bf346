import LibC

/// Exact binomial sampling by table inversion for the model's fixed success probabilities.
///
/// For a probability slot (one `BinomialProbability` of the compiled model) and a count n ≤ `maxN`,
/// the table holds the cumulative distribution of Binomial(n, p') (p' = min(p, 1 − p)) on
/// k_lo … k_hi, the range where the probability mass function is at least 1e-22 (the mass left out
/// is below 1e-20, far below the 2⁻⁵³ resolution of the uniform), normalised to 1, plus a guide
/// table (Chen & Asau) so that the inversion X = min{k : F(k) ≥ U} takes one uniform, one lookup
/// and on average fewer than two comparisons.
///
/// Tables are built on first use, per worker, and never change afterwards. The sample is a pure
/// function of (p, n, U): building a table is deterministic, so the result does not depend on which
/// worker built which tables — the draws stay bit-identical for any number of workers. Memory grows
/// in 2 MiB blocks (a few per run), not per draw.
final class BinomialTableCache {
    /// Number of 64·a tables per slot (a = 0 … largeTables − 1).
    ///
    /// Chosen by measurement (Benchmarks/forecast/README.md, 100k draws × 10 years, estimated
    /// growth, 2-core AMD EPYC): with tables up to n = 4,159 (65 per slot) the counts spread by the
    /// estimated growth touch ≈ 15 MB of tables and the lookups miss the cache (Swift-1 1.15 s,
    /// Swift-2 0.62 s); up to n = 1,087 (17 per slot, BTRS above) 0.94 s / 0.46 s; up to n = 319
    /// (5 per slot) 0.92 s / 0.48 s.
    static let largeTables = 17
    /// Counts above this use `RandomStream.binomial` (BTRS); the choice depends only on n.
    static let maxN = 64 * largeTables - 1
    static let block = 64
    /// Per slot: counts 0 … 63, then 64·a for a = 0 … largeTables − 1.
    static let tablesPerSlot = 64 + largeTables
    /// Smallest tabulated probability mass.
    static let tiny = 1e-22
    static let blockDoubles = 1 << 18

    let slots: Int
    /// [slot·tablesPerSlot + i]: the table of count i (i < 64) or 64·(i − 64), or nil before its first use.
    let directory: UnsafeMutablePointer<UnsafeMutablePointer<Double>?>
    /// Probability masses while a table is built, [0 … maxN].
    let pmf: UnsafeMutablePointer<Double>
    private var blocks: [UnsafeMutablePointer<Double>] = []
    private var block: UnsafeMutablePointer<Double>? = nil
    private var blockUsed = 0

    init(slots: Int) {
        self.slots = Swift.max(slots, 1)
        let entries = self.slots * Self.tablesPerSlot
        // calloc: zero (nil) pages are only touched where tables are used.
        directory = calloc(entries, MemoryLayout<UnsafeMutablePointer<Double>?>.stride)!
            .bindMemory(to: UnsafeMutablePointer<Double>?.self, capacity: entries)
        pmf = .allocate(capacity: Self.maxN + 1)
    }

    deinit {
        free(directory)
        pmf.deallocate()
        for b in blocks { b.deallocate() }
    }

    /// Binomial(n, p') for 0 < n ≤ maxN, p' = `pc.p` (the caller applies the flip): with
    /// n = 64·a + b (b < 64), the sum of independent Binomial(64·a, p') and Binomial(b, p') draws
    /// (a sum of independent binomials with one p is binomial), each by its table. Two small
    /// families of tables instead of one per n keep the tables in cache.
    @inline(__always)
    func sample(_ rng: inout RandomStream, _ n: Int, _ pc: BinomialProbability, slot: Int, _ lf: LogFactorialView)
        -> Int
    {
        let base = slot &* Self.tablesPerSlot
        if n < Self.block { return invert(&rng, base &+ n, n, pc, lf) }
        let a = n &>> 6, b = n & (Self.block - 1)
        let k = invert(&rng, base &+ Self.block &+ a, a &<< 6, pc, lf)
        return b == 0 ? k : k &+ invert(&rng, base &+ b, b, pc, lf)
    }

    /// Binomial(count, p') by the table at `index` of the directory.
    @inline(__always)
    func invert(_ rng: inout RandomStream, _ index: Int, _ count: Int, _ pc: BinomialProbability, _ lf: LogFactorialView)
        -> Int
    {
        let table = directory[index] ?? build(count, pc, index: index, lf)
        let header = UnsafeRawPointer(table)
        let m = header.load(as: Int.self)
        // U = (x + ½)·2⁻⁵³ as `uniform()`; the guide cell ⌊x·m/2⁵³⌋ ≤ ⌊U·m⌋ (m < 2¹¹), so the
        // search starts at or below the answer.
        let x = rng.next() &>> 11
        let u = Double(x) * 0x1.0p-53 + 0x1.0p-54
        let cdf = table + 2
        let guide = UnsafeRawPointer(cdf + m).assumingMemoryBound(to: Int32.self)
        var i = Int(truncatingIfNeeded: guide[Int(truncatingIfNeeded: (x &* UInt64(truncatingIfNeeded: m)) &>> 53)])
        while u > cdf[i] { i &+= 1 }
        return header.load(fromByteOffset: 8, as: Int.self) &+ i
    }

    /// Layout: [m, k_lo (as Int), F(k_lo) … F(k_lo + m − 1) (the last set to 2), guide: m Int32].
    @inline(never)
    func build(_ n: Int, _ pc: BinomialProbability, index: Int, _ lf: LogFactorialView) -> UnsafeMutablePointer<Double> {
        let count = Double(n), ratio = pc.ratio
        let mode = Swift.min(n, Int(((count + 1) * pc.p).rounded(.down)))
        let logP = pc.logRatio + pc.logQ
        let md = Double(mode)
        let fMode = exp(
            lf.logFactorial(count) - lf.logFactorial(md) - lf.logFactorial(count - md) + md * logP
                + (count - md) * pc.logQ)
        pmf[mode] = fMode
        var lo = mode, f = fMode
        while lo > 0 {
            f = f * Double(lo) / (Double(n - lo + 1) * ratio)
            if f < Self.tiny { break }
            lo -= 1
            pmf[lo] = f
        }
        var hi = mode
        f = fMode
        while hi < n {
            f = f * ratio * Double(n - hi) / Double(hi + 1)
            if f < Self.tiny { break }
            hi += 1
            pmf[hi] = f
        }
        let m = hi - lo + 1
        precondition(m < 2048, "binomial table too wide")  // ≤ 21 s.d. + 1 ≤ 350 for n ≤ 1087
        let size = 2 + m + (m + 1) / 2
        if block == nil || blockUsed + size > Self.blockDoubles {
            let b = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(Self.blockDoubles, size))
            blocks.append(b)
            block = b
            blockUsed = 0
        }
        let table = block! + blockUsed
        blockUsed += size
        UnsafeMutableRawPointer(table).storeBytes(of: m, as: Int.self)
        UnsafeMutableRawPointer(table).storeBytes(of: lo, toByteOffset: 8, as: Int.self)
        var total = 0.0
        for k in lo...hi { total += pmf[k] }
        let cdf = table + 2
        var running = 0.0
        for i in 0..<m {
            running += pmf[lo + i]
            cdf[i] = running / total
        }
        cdf[m - 1] = 2
        let guide = UnsafeMutableRawPointer(table + 2 + m).bindMemory(to: Int32.self, capacity: m)
        var i = 0
        for j in 0..<m {
            let threshold = Double(j) / Double(m)
            while cdf[i] < threshold { i += 1 }
            guide[j] = Int32(i)
        }
        directory[index] = table
        return table
    }
}
