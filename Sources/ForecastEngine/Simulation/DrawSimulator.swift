import LibC

/// Where the draws write. Per-draw series are stored year-major (`[y·N + d]`) for the quantiles;
/// per-chunk accumulators (`[c·stride + …]`) are reduced in chunk order afterwards, so every
/// result is the same for any number of workers.
final class DrawOutputs: @unchecked Sendable {
    /// Draws stored here (all of the run, or one shard's).
    let draws: Int
    let years: Int
    let chunkSize: Int
    let chunkCount: Int
    /// The first draw and chunk stored (0 unless this holds a shard of a larger run).
    let firstDraw: Int
    let firstChunk: Int
    let total: UnsafeMutablePointer<Double>
    let domestic: UnsafeMutablePointer<Double>
    let foreign: UnsafeMutablePointer<Double>
    /// Accumulator layout within one chunk: source pipeline sums [S·Y], major sums [M·Y],
    /// stage entry sums [K·Y], stage targets met [K·Y], all stage targets met [Y].
    let accumulatorStride: Int
    let accumulators: UnsafeMutablePointer<Double>
    let sourceOffset = 0
    let majorOffset: Int
    let stageSumOffset: Int
    let stageMetOffset: Int
    let allMetOffset: Int
    /// Only when segments were asked for (`ForecastEngine.runWithSegments`), else nil: per draw,
    /// source pipeline amounts in place [(s·Y + y)·N + d] and major-project amounts in place
    /// [(m·Y + y)·N + d] (0 where the project did not land), 亿元.
    let sourceDraws: UnsafeMutablePointer<Double>?
    let majorDraws: UnsafeMutablePointer<Double>?

    init(model m: DrawBuffers, draws: Int, chunkSize: Int, segments: Bool = false, firstDraw: Int = 0) {
        precondition(firstDraw % chunkSize == 0, "a shard starts at a chunk boundary")
        self.draws = draws
        self.years = m.yearCount
        self.chunkSize = chunkSize
        self.firstDraw = firstDraw
        firstChunk = firstDraw / chunkSize
        chunkCount = (draws + chunkSize - 1) / chunkSize
        let cells = Swift.max(draws * m.yearCount, 1)
        total = LargeBuffer.allocate(cells)
        domestic = LargeBuffer.allocate(cells)
        foreign = LargeBuffer.allocate(cells)
        let Y = m.yearCount
        majorOffset = m.sourceCount * Y
        stageSumOffset = majorOffset + m.majorCount * Y
        stageMetOffset = stageSumOffset + m.stageCount * Y
        allMetOffset = stageMetOffset + m.stageCount * Y
        accumulatorStride = allMetOffset + Y
        accumulators = .allocate(capacity: Swift.max(accumulatorStride * chunkCount, 1))
        accumulators.initialize(repeating: 0, count: Swift.max(accumulatorStride * chunkCount, 1))
        if segments {
            let s = Swift.max(m.sourceCount * cells, 1), j = Swift.max(m.majorCount * cells, 1)
            sourceDraws = .allocate(capacity: s)
            sourceDraws?.initialize(repeating: 0, count: s)
            majorDraws = .allocate(capacity: j)
            majorDraws?.initialize(repeating: 0, count: j)
        } else {
            sourceDraws = nil
            majorDraws = nil
        }
    }

    deinit {
        sourceDraws?.deallocate()
        majorDraws?.deallocate()
        LargeBuffer.release(total)
        LargeBuffer.release(domestic)
        LargeBuffer.release(foreign)
        accumulators.deallocate()
    }
}

/// Per-worker scratch, allocated once per worker and reused for every draw.
struct DrawScratch {
    let occupancy: UnsafeMutablePointer<Int>
    let entries: UnsafeMutablePointer<Int>
    let landed: UnsafeMutablePointer<Double>
    /// Counted landings per source and year, [s·Y + y].
    let landedCounted: UnsafeMutablePointer<Int>
    /// Yearly arrival shocks Z_y.
    let shock: UnsafeMutablePointer<Double>
    /// Yearly multiplier R_y of the pipeline's investment in place (1 without estimated growth).
    let level: UnsafeMutablePointer<Double>
    /// The draw's growth path x_B … x_{B+Y} and the normals it is made from.
    let path: UnsafeMutablePointer<Double>
    let normals: UnsafeMutablePointer<Double>
    /// Expected small-project landings of one source given the shocks, per year.
    let smallExpected: UnsafeMutablePointer<Double>
    /// Number of 五个一百 stage targets met, per year.
    let stagesMet: UnsafeMutablePointer<Int>
    /// Inversion tables of the fixed binomial probabilities (`DrawBuffers.binomialSlotCount`).
    let binomials: BinomialTableCache

    init(_ m: DrawBuffers) {
        occupancy = .allocate(capacity: Swift.max(m.transientCount, 1))
        entries = .allocate(capacity: Swift.max(m.stageCount * m.yearCount, 1))
        landed = .allocate(capacity: Swift.max(m.yearCount, 1))
        landedCounted = .allocate(capacity: Swift.max(m.sourceCount * m.yearCount, 1))
        shock = .allocate(capacity: Swift.max(m.yearCount, 1))
        level = .allocate(capacity: Swift.max(m.yearCount, 1))
        level.initialize(repeating: 1, count: Swift.max(m.yearCount, 1))
        path = .allocate(capacity: m.yearCount + 1)
        normals = .allocate(capacity: Swift.max(m.growthNormals, 1))
        smallExpected = .allocate(capacity: Swift.max(m.yearCount, 1))
        stagesMet = .allocate(capacity: Swift.max(m.yearCount, 1))
        binomials = BinomialTableCache(slots: m.binomialSlotCount)
    }

    func free() {
        occupancy.deallocate()
        entries.deallocate()
        landed.deallocate()
        landedCounted.deallocate()
        shock.deallocate()
        level.deallocate()
        path.deallocate()
        normals.deallocate()
        smallExpected.deallocate()
        stagesMet.deallocate()
    }
}

extension DrawBuffers {
    /// Slots of the fixed binomial probabilities in `BinomialTableCache`: advance [k], drop given
    /// stay [n + k], landing split [2n + s·Y + y], top class [2n + S·Y + s].
    var binomialSlotCount: Int { 2 * transientCount + sourceCount * yearCount + sourceCount }

    /// Binomial(n, p) for a fixed model probability: alias tables for n ≤ `BinomialTableCache.maxSummedN`
    /// (one table draw per 1,024 above `maxN`), BTRS / chop-down above (the choice depends only on n,
    /// so the stream is the same for any worker).
    @inline(__always)
    func binomial(
        _ rng: inout RandomStream, _ n: Int, _ p: BinomialProbability, slot: Int, _ cache: BinomialTableCache
    ) -> Int {
        if n <= 0 || p.kind == .zero { return 0 }
        if p.kind == .one { return n }
        if n > BinomialTableCache.maxSummedN {
            // Out-of-line sampler on a copy: `rng`'s address never escapes, so it stays in registers.
            var outOfLine = rng
            defer { rng = outOfLine }
            return outOfLine.binomial(n, p, logFactorialView)
        }
        let k = cache.sample(&rng, n, p, slot: slot, logFactorialView)
        return p.kind == .flipped ? n - k : k
    }

    /// Sum of `count` aggregated projects: Gamma(count·shape, scale), or count·mean when degenerate.
    /// The Marsaglia–Tsang constants d = count·shape − 1/3, c = 1/√(9d) are computed here, the same
    /// numbers as `gamma(shape:)` computes: a table of them per count (3 sources × 2 classes × 4,096
    /// counts, 384 KiB) was slower, its loads missed the cache (Benchmarks/forecast/README.md).
    @inline(__always)
    func aggregate(
        _ rng: inout RandomStream, count: Int, mean: Double, shape: Double, scale: Double
    ) -> Double {
        if count <= 0 { return 0 }
        if scale == 0 { return Double(count) * mean }
        let total = Double(count) * shape
        if total >= 1 {
            let d = total - 1.0 / 3.0
            return rng.gamma(d: d, c: 1 / (9 * d).squareRoot(), ziggurat) * scale
        }
        var outOfLine = rng  // as in `binomial`
        defer { rng = outOfLine }
        return outOfLine.gamma(shape: total, ziggurat) * scale
    }

    /// One project of the top class (size ≥ τ) of source `s`.
    @inline(__always)
    func sampleTop(_ rng: inout RandomStream, _ s: Int) -> Double {
        if rng.uniform() < topLogNormalProbability[s] {
            let z = rng.normalTail(above: logNormalTopStart[s], rate: logNormalTopRate[s], ziggurat)
            return exp(logMean[s] + logStandardDeviation[s] * z)
        }
        return paretoStart[s] * exp(-log(rng.uniform()) * inverseExponent[s])
    }

    /// Simulate draw `d`, writing its series into `out` and adding to the accumulators of `chunk`.
    ///
    /// Random streams: the counted pipeline and its landing split use the pipeline substream; each
    /// source's sizes and small projects use the source's substream; majors their own. Each step is
    /// its own function: with fewer values live at once, the optimiser keeps the stream's state in
    /// registers instead of reloading and storing it around every random number.
    ///
    /// `d` and `chunk` are global (they choose the random streams); `out` may hold only a shard of
    /// the draws (`DrawOutputs.firstDraw`, `firstChunk`), so storage uses the slot d − firstDraw.
    func simulateDraw(_ d: Int, chunk globalChunk: Int, scratch: DrawScratch, out: DrawOutputs) {
        let Y = yearCount, N = out.draws
        let slot = d &- out.firstDraw, chunk = globalChunk &- out.firstChunk
        for y in 0..<Y {
            out.domestic[y * N + slot] = 0
            out.foreign[y * N + slot] = 0
        }
        drawShocks(d, scratch)
        simulatePipeline(d, scratch)
        for s in 0..<sourceCount { landAndDisburse(d, slot: slot, source: s, chunk: chunk, scratch, out) }
        if majorCount > 0 { drawMajorProjects(d, slot: slot, chunk: chunk, out) }
        addTotals(slot, chunk: chunk, scratch, out)
    }

    /// 0. Yearly arrival shocks Z_y = exp(σε − σ²/2) into `scratch.shock` — or, with estimated
    /// growth, the draw's growth path, Z_y = exp(x_t − x̂_t) and the level factors R_y
    /// (`EstimatedGrowth`).
    @inline(never)
    func drawShocks(_ d: Int, _ scratch: DrawScratch) {
        let z = scratch.shock
        if let growth {
            var rng = RandomStream(seed: seed, draw: UInt64(d), substream: Self.shockSubstream)
            let u = rng.uniform()
            for i in 0..<growthNormals { scratch.normals[i] = rng.normal(ziggurat) }
            let Y = yearCount
            growth.samplePath(uniform: u, normals: scratch.normals, into: scratch.path, count: Y + 1)
            let clamp = EstimatedGrowth.arrivalLogClamp
            for y in 0..<Y {
                let gap = scratch.path[y + 1] - referencePath[y + 1]
                z[y] = exp(Swift.min(clamp, Swift.max(-clamp, gap)))
            }
            for y in 0..<Y {
                var expected = expectedInitial[y]
                for u in 0..<y { expected += z[u] * expectedKernel[u * Y + y] }
                let gap = scratch.path[y + 1] - referencePath[y + 1]
                scratch.level[y] = expected > 0 ? exp(gap) * expectedUnshocked[y] / expected : exp(gap)
            }
            return
        }
        if arrivalVolatility > 0 {
            var rng = RandomStream(seed: seed, draw: UInt64(d), substream: Self.shockSubstream)
            let sigma = arrivalVolatility, drift = -0.5 * arrivalVolatility * arrivalVolatility
            for y in 0..<yearCount { z[y] = exp(drift + sigma * rng.normal(ziggurat)) }
        } else {
            for y in 0..<yearCount { z[y] = 1 }
        }
    }

    /// 1. Counted projects (size ≥ min) of all sources: one chain with binomial transitions; stage
    /// entries into `scratch.entries` [k·Y + y], counted landings per source into
    /// `scratch.landedCounted` [s·Y + y].
    @inline(never)
    func simulatePipeline(_ d: Int, _ scratch: DrawScratch) {
        let Y = yearCount, n = transientCount, L = landingStage, S = sourceCount
        let lf = logFactorialView
        let occ = scratch.occupancy, entries = scratch.entries, z = scratch.shock
        let counted = scratch.landedCounted
        let bt = scratch.binomials
        let dropSlot = n, splitSlot = 2 * n
        var rng = RandomStream(seed: seed, draw: UInt64(d), substream: Self.pipelineSubstream)
        for k in 0..<n { occ[k] = rng.poisson(initialCounted[k], lf) }
        for y in 0..<Y {
            var k = n - 1
            while k >= 0 {
                let c = occ[k]
                var adv = 0
                if c > 0 {
                    adv = binomial(&rng, c, advance[k], slot: k, bt)
                    let rem = c - adv
                    let drop = rem > 0 ? binomial(&rng, rem, dropGivenStay[k], slot: dropSlot + k, bt) : 0
                    occ[k] = rem - drop
                    if k + 1 < n { occ[k + 1] += adv }
                }
                entries[(k + 1) * Y + y] = adv
                k -= 1
            }
            let arrivals = rng.poisson(z[y] * countedArrivals[y], lf)
            occ[0] += arrivals
            entries[y] = arrivals
            // Split the year's counted landings into sources (sequential binomials = multinomial).
            var rest = entries[L * Y + y]
            for s in 0..<S {
                let ls = rest > 0 ? binomial(&rng, rest, splitProbability[s * Y + y], slot: splitSlot + s * Y + y, bt) : 0
                counted[s * Y + y] = ls
                rest -= ls
            }
        }
    }

    /// 2. Amounts landed by source `s` per year, then the disbursement schedule into the draw's
    /// domestic or foreign series and the chunk's accumulators.
    @inline(never)
    func landAndDisburse(_ d: Int, slot: Int, source s: Int, chunk: Int, _ scratch: DrawScratch, _ out: DrawOutputs) {
        let Y = yearCount, J = scheduleLength, N = out.draws
        let lf = logFactorialView
        let landed = scratch.landed, smallExpected = scratch.smallExpected, z = scratch.shock
        let counted = scratch.landedCounted
        let bt = scratch.binomials
        let topSlot = 2 * transientCount + sourceCount * Y
        var rng = RandomStream(seed: seed, draw: UInt64(d), substream: substream[s])
        let pTop = topGivenPipeline[s]
        // Small projects: landings are Poisson given the shocks (marking theorem), with mean
        // q_S·(ℓ^init_y + Σ_{u<y} Z_u·a_u·h_{y−u}); the sum is accumulated u by u (the same
        // order of additions for every y), each u adding to all later years in one vector loop.
        for y in 0..<Y { smallExpected[y] = smallInitialLandings[s * Y + y] }
        for u in 0..<Y {
            let w = z[u] * smallArrivals[s * Y + u]
            let kernel = landingKernel - u
            for y in (u + 1)..<Swift.max(u + 1, Y) { smallExpected[y] += w * kernel[y] }
        }
        for y in 0..<Y {
            var amount = 0.0
            let c = counted[s * Y + y]
            if c > 0 {
                let top = binomial(&rng, c, pTop, slot: topSlot + s, bt)
                amount += aggregate(
                    &rng, count: c - top, mean: middleMean[s], shape: middleShape[s], scale: middleScale[s])
                var t = 0
                while t < top {
                    amount += sampleTop(&rng, s)
                    t += 1
                }
            }
            let small = rng.poisson(smallExpected[y], lf)
            amount += aggregate(
                &rng, count: small, mean: smallMean[s], shape: smallShape[s], scale: smallScale[s])
            landed[y] = amount
        }
        let acc = out.accumulators + chunk * out.accumulatorStride
        let series = isForeign[s] ? out.foreign : out.domestic
        let segment = out.sourceDraws.map { $0 + s * Y * N }
        for y in 0..<Y {
            var v = history[s * Y + y]
            var j = 0
            while j < J && j <= y {
                v += schedule[j] * landed[y - j]
                j += 1
            }
            let inPlace = v * rate[s * Y + y] * scratch.level[y]
            acc[out.sourceOffset + s * Y + y] += inPlace
            series[y * N + slot] += inPlace
            if let segment { segment[y * N + slot] = inPlace }
        }
    }

    /// 3. Major projects: Bernoulli(probability) in their year, then the schedule.
    @inline(never)
    func drawMajorProjects(_ d: Int, slot: Int, chunk: Int, _ out: DrawOutputs) {
        let Y = yearCount, J = scheduleLength, N = out.draws
        let acc = out.accumulators + chunk * out.accumulatorStride
        var rng = RandomStream(seed: seed, draw: UInt64(d), substream: Self.majorSubstream)
        for m in 0..<majorCount {
            let u = rng.uniform()
            if u >= majorProbability[m] { continue }
            let s = majorSource[m]
            let series = isForeign[s] ? out.foreign : out.domestic
            for j in 0..<J {
                let y = majorYear[m] + j
                if y < 0 || y >= Y { continue }
                let v = majorAmount[m] * schedule[j] * rate[s * Y + y]
                acc[out.majorOffset + m * Y + y] += v
                series[y * N + slot] += v
                if let md = out.majorDraws { md[(m * Y + y) * N + slot] = v }
            }
        }
    }

    /// 4. Totals and the 五个一百 counts (stage by stage over the years: contiguous rows; adding
    /// 0 for an unmet target leaves the count unchanged, so the sums are the same as with a branch).
    @inline(never)
    func addTotals(_ d: Int, chunk: Int, _ scratch: DrawScratch, _ out: DrawOutputs) {  // d: the slot
        let Y = yearCount, K = stageCount, N = out.draws
        let total = out.total + d, domestic = out.domestic + d, foreign = out.foreign + d
        for y in 0..<Y { total[y &* N] = domestic[y &* N] + foreign[y &* N] }
        let acc = out.accumulators + chunk * out.accumulatorStride
        let sums = acc + out.stageSumOffset, met = acc + out.stageMetOffset, allMet = acc + out.allMetOffset
        let stagesMet = scratch.stagesMet
        stagesMet.update(repeating: 0, count: Y)
        for k in 0..<K {
            let entries = scratch.entries + k &* Y, target = stageTarget[k]
            let sum = sums + k &* Y, hit = met + k &* Y
            for y in 0..<Y {
                let c = Double(entries[y])
                let isMet = c >= target
                sum[y] += c
                hit[y] += isMet ? 1 : 0
                stagesMet[y] &+= isMet ? 1 : 0
            }
        }
        for y in 0..<Y where stagesMet[y] == K { allMet[y] += 1 }
    }
}
