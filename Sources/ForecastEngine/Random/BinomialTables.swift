import LibC

/// Exact binomial sampling by alias tables for the model's fixed success probabilities.
///
/// For a probability slot (one `BinomialProbability` of the compiled model) and a count n ≤ `maxN`,
/// the table holds Walker's alias table (built by Vose's method) of Binomial(n, p') (p' = min(p, 1 − p))
/// on k_lo … k_hi, the range where the probability mass function is at least 1e-22 (the mass left
/// out is below 1e-20, far below the 2⁻⁵³ resolution of a uniform), normalised to 1. One 64-bit
/// random word x gives the cell j = ⌊x·m/2⁶⁴⌋ (the high word of x·m) and a uniform fraction (the low
/// word); the sample is k_lo + j if the fraction's top 53 bits are below the cell's threshold, else
/// k_lo + alias(j). So a sample reads one 8-byte cell: with the table's size and first k kept in the
/// directory beside its address, there is one dependent memory access into the tables instead of the
/// three of a guide-table inversion (header, guide, cumulative probabilities), whose cache misses
/// were most of the pipeline's time (Benchmarks/forecast/README.md).
///
/// P(k_lo + i) = (t_i + Σ_{j: alias(j) = i} (2⁵³ − t_j)) / (m·2⁵³) with t the thresholds in units of
/// 2⁻⁵³: the pmf to within the rounding of the construction (≈ m·ε) and the 2⁻⁵³ resolution of
/// the thresholds, as the cumulative table was to the resolution of its uniform.
///
/// Tables are built on first use, per worker, and never change afterwards. The sample is a pure
/// function of (p, n, x): building a table is deterministic, so the result does not depend on which
/// worker built which tables — the draws stay bit-identical for any number of workers. Memory grows
/// in 2 MiB blocks (a few per run), not per draw.
final class BinomialTableCache {
    /// Number of 64·a tables per slot (a = 0 … largeTables − 1).
    ///
    /// Chosen by measurement (Benchmarks/forecast/README.md, 100k draws × 10 years, estimated
    /// growth, 2-core AMD EPYC): with guide-table inversion, tables up to n = 4,159 (65 per slot)
    /// touched ≈ 15 MB and the lookups missed the cache (Swift-1 1.15 s, Swift-2 0.62 s), up to
    /// n = 1,087 (17 per slot, BTRS above) 0.94 s / 0.46 s. With alias tables (one cell per sample),
    /// cachegrind on 20k draws × 10 years (48 KiB L1d, 1 MiB L2): tables up to n = 319 1.41 G
    /// instructions and 4.7 M L1d misses, n = 575 1.32 G / 7.0 M, n = 1,087 1.22 G / 9.4 M; in wall
    /// time n = 4,159 was slower than n = 1,087 again (three interleaved rounds, 1 worker).
    /// (Counts above go through the 1,024 table, `maxSummedN`.)
    static let largeTables = 17
    /// Counts up to this are drawn from one or two tables.
    static let maxN = 64 * largeTables - 1
    /// The largest tabulated 64·a, drawn repeatedly for counts above `maxN`.
    static let largestTabulated = 64 * (largeTables - 1)
    /// Counts up to this are drawn from tables as a sum (n = c·largestTabulated + r, r ≤ maxN:
    /// c + 1 or c + 2 table draws); above it `RandomStream.binomial` (BTRS). The choice depends
    /// only on n.
    static let maxSummedN = 4 * largestTabulated + maxN
    static let block = 64
    /// Per slot: counts 0 … 63, then 64·a for a = 0 … largeTables − 1.
    static let tablesPerSlot = 64 + largeTables
    /// Smallest tabulated probability mass.
    static let tiny = 1e-22
    /// Cells per memory block (2 MiB).
    static let blockCells = 1 << 18
    /// Bits of a cell holding the alias (so tables have fewer than 2¹⁰ cells); the threshold t ≤ 2⁵³
    /// (in units of 2⁻⁵³) is above them.
    static let aliasBits: UInt64 = 10
    static let maxCells = 1 << aliasBits

    /// One directory entry: the table's cells (nil before its first use), its size m and its first k.
    struct Entry {
        var cells: UnsafeMutablePointer<UInt64>?
        var count: Int32
        var first: Int32
    }

    let slots: Int
    /// [slot·tablesPerSlot + i]: the table of count i (i < 64) or 64·(i − 64).
    let directory: UnsafeMutablePointer<Entry>
    /// Probability masses while a table is built, [0 … maxN].
    let pmf: UnsafeMutablePointer<Double>
    /// Vose's work lists while a table is built.
    private let smallList: UnsafeMutablePointer<Int32>
    private let largeList: UnsafeMutablePointer<Int32>
    private var blocks: [UnsafeMutablePointer<UInt64>] = []
    private var block: UnsafeMutablePointer<UInt64>? = nil
    private var blockUsed = 0

    init(slots: Int) {
        self.slots = Swift.max(slots, 1)
        let entries = self.slots * Self.tablesPerSlot
        // calloc: zero entries have nil cells, and their pages are only touched where tables are used.
        directory = calloc(entries, MemoryLayout<Entry>.stride)!.bindMemory(to: Entry.self, capacity: entries)
        pmf = .allocate(capacity: Self.maxN + 1)
        smallList = .allocate(capacity: Self.maxCells)
        largeList = .allocate(capacity: Self.maxCells)
    }

    deinit {
        free(directory)
        pmf.deallocate()
        smallList.deallocate()
        largeList.deallocate()
        for b in blocks { b.deallocate() }
    }

    /// Binomial(n, p') for 0 < n ≤ maxSummedN, p' = `pc.p` (the caller applies the flip): with
    /// n = 64·a + b (b < 64), the sum of independent Binomial(64·a, p') and Binomial(b, p') draws
    /// (a sum of independent binomials with one p is binomial), each by its table; above `maxN`,
    /// first Binomial(largestTabulated, p') draws until the rest is at most `maxN`. Two small
    /// families of tables instead of one per n keep the tables in cache.
    @inline(__always)
    func sample(_ rng: inout RandomStream, _ n: Int, _ pc: BinomialProbability, slot: Int, _ lf: LogFactorialView)
        -> Int
    {
        let base = slot &* Self.tablesPerSlot
        if n < Self.block { return draw(&rng, base &+ n, n, pc, lf) }
        var n = n, k = 0
        // Above maxN (1,087): the rest stays above maxN − largestTabulated = 63, so it is 64·a + b.
        while n > Self.maxN {
            k &+= draw(&rng, base &+ Self.tablesPerSlot &- 1, Self.largestTabulated, pc, lf)
            n &-= Self.largestTabulated
        }
        let a = n &>> 6, b = n & (Self.block - 1)
        k &+= draw(&rng, base &+ Self.block &+ a, a &<< 6, pc, lf)
        return b == 0 ? k : k &+ draw(&rng, base &+ b, b, pc, lf)
    }

    /// Binomial(count, p') by the table at `index` of the directory.
    @inline(__always)
    func draw(_ rng: inout RandomStream, _ index: Int, _ count: Int, _ pc: BinomialProbability, _ lf: LogFactorialView)
        -> Int
    {
        var entry = directory[index]
        if entry.cells == nil { entry = build(count, pc, index: index, lf) }
        let x = rng.next()
        let (j, fraction) = x.multipliedFullWidth(by: UInt64(truncatingIfNeeded: entry.count))
        let cell = entry.cells.unsafelyUnwrapped[Int(truncatingIfNeeded: j)]
        let i = fraction &>> 11 < cell &>> Self.aliasBits
            ? Int(truncatingIfNeeded: j) : Int(truncatingIfNeeded: cell & UInt64(Self.maxCells - 1))
        return Int(truncatingIfNeeded: entry.first) &+ i
    }

    /// Builds the table of Binomial(n, p') into the directory at `index` and returns its entry.
    @inline(never)
    func build(_ n: Int, _ pc: BinomialProbability, index: Int, _ lf: LogFactorialView) -> Entry {
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
        precondition(m < Self.maxCells, "binomial table too wide")  // ≤ 21 s.d. + 1 ≤ 350 for n ≤ 1087
        if block == nil || blockUsed + m > Self.blockCells {
            let b = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.blockCells)
            blocks.append(b)
            block = b
            blockUsed = 0
        }
        let cells = block! + blockUsed
        blockUsed += m
        // Vose's alias method: scaled masses w_i = m·P_i; pair each w < 1 with a w ≥ 1 that fills
        // its cell. The work lists are used in a fixed order, so the table is a function of (n, p').
        var total = 0.0
        for k in lo...hi { total += pmf[k] }
        let scale = Double(m) / total
        let w = pmf + lo  // scaled in place
        var smalls = 0, larges = 0
        for i in 0..<m {
            w[i] *= scale
            if w[i] < 1 { smallList[smalls] = Int32(i); smalls += 1 } else { largeList[larges] = Int32(i); larges += 1 }
        }
        let one = Double(1 << 53)
        func threshold(_ v: Double) -> UInt64 { UInt64(Swift.min(one, Swift.max(0, (v * one).rounded()))) }
        while smalls > 0 && larges > 0 {
            smalls -= 1
            let s = Int(smallList[smalls])
            let l = Int(largeList[larges - 1])
            cells[s] = threshold(w[s]) << Self.aliasBits | UInt64(l)
            w[l] -= 1 - w[s]  // (w_l + w_s) − 1, with less rounding
            if w[l] < 1 {
                larges -= 1
                smallList[smalls] = Int32(l)
                smalls += 1
            }
        }
        // What is left is full to rounding: probability 1, its own alias.
        for r in 0..<larges { let i = Int(largeList[r]); cells[i] = threshold(1) << Self.aliasBits | UInt64(i) }
        for r in 0..<smalls { let i = Int(smallList[r]); cells[i] = threshold(1) << Self.aliasBits | UInt64(i) }
        let entry = Entry(cells: cells, count: Int32(m), first: Int32(lo))
        directory[index] = entry
        return entry
    }
}
