/// Posterior draws of a path: σ from the grid weights, (x_startYear … x_T, μ) jointly Gaussian
/// given σ, then x_t = x_{t−1} + μ + σ·z beyond T. The caller supplies the random numbers, so
/// the draws follow its own seeded streams (same seed → same path at any thread count).
extension GrowthPosterior {
    /// Standard normals one path of `count` years needs.
    public func normalsNeeded(years count: Int) -> Int {
        blockSize + Swift.max(0, count - (lastYear - startYear + 1))
    }

    /// The grid index whose cumulative weight first reaches `uniform` ∈ [0, 1).
    public func gridIndex(uniform: Double) -> Int {
        var lo = 0, hi = cumulativeWeights.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulativeWeights[mid] > uniform { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// Writes x_startYear, …, x_{startYear+count−1} (log level) into `path` and returns the draw's
    /// (σ, μ). `normals` holds `normalsNeeded(years: count)` standard normal deviates.
    @discardableResult
    public func samplePath(
        uniform: Double, normals: UnsafePointer<Double>, into path: UnsafeMutablePointer<Double>, count: Int
    ) -> (volatility: Double, drift: Double) {
        let k = gridIndex(uniform: uniform)
        let m = blockSize
        // Called once per draw: the block lives on the stack, not in a new array.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: m) { block in
            blockMean[k].withUnsafeBufferPointer { mean in
                blockCholesky[k].withUnsafeBufferPointer { l in
                    for i in 0..<m {
                        var v = mean[i]
                        for j in 0...i { v += l[i * m + j] * normals[j] }
                        block[i] = v
                    }
                }
            }
            let sigma = volatilities[k], mu = block[m - 1]
            let observed = m - 1
            for i in 0..<Swift.min(count, observed) { path[i] = block[i] }
            var x = block[observed - 1]
            var z = m
            if count > observed {
                for i in observed..<count {
                    x += mu + sigma * normals[z]
                    z += 1
                    path[i] = x
                }
            }
            return (sigma, mu)
        }
    }
}
