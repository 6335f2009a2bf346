/// Morris elementary effects (screening with few runs): the inputs move one at a time along r
/// trajectories of D + 1 points each (rows in the order of SALib's `sample.morris.sample`).
/// Between consecutive points of a trajectory exactly one input j changes, by Δx_j; its
/// elementary effect is EE_j = (y_after − y_before) / (Δx_j / (upper_j − lower_j)).
/// Per input: μ = mean EE, μ* = mean |EE| (Campolongo et al. 2007), σ = sd of EE (n − 1).
public enum MorrisScreening {
    public struct Result: Sendable, Equatable {
        public var mu: [Double]
        public var muStar: [Double]
        public var sigma: [Double]
    }

    /// Effects from the design `x` (rows) and outputs `y` for `problem`.
    /// - Returns: nil when the rows do not form whole trajectories.
    public static func analyze(_ x: [[Double]], _ y: [Double], problem: SensitivityProblem) -> Result? {
        let d = problem.dimensions
        let size = d + 1
        guard d > 0, x.count == y.count, x.count % size == 0, x.count > 0 else { return nil }
        var effects = [[Double]](repeating: [], count: d)
        for t in 0..<(x.count / size) {
            for k in 0..<d {
                let r0 = t * size + k, r1 = r0 + 1
                var j = 0, largest = 0.0
                for i in 0..<d where abs(x[r1][i] - x[r0][i]) > largest {
                    largest = abs(x[r1][i] - x[r0][i])
                    j = i
                }
                guard largest > 0 else { continue }
                let delta = (x[r1][j] - x[r0][j]) / (problem.upper[j] - problem.lower[j])
                effects[j].append((y[r1] - y[r0]) / delta)
            }
        }
        func mean(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.reduce(0, +) / Double(v.count) }
        func sd(_ v: [Double]) -> Double {
            guard v.count > 1 else { return 0 }
            let m = mean(v)
            return (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot()
        }
        return Result(mu: effects.map(mean), muStar: effects.map { mean($0.map(abs)) }, sigma: effects.map(sd))
    }
}

extension MorrisScreening {
    /// A Morris design in the unit cube: `trajectories` random trajectories of D + 1 points on a
    /// grid of `levels` levels, each moving one input at a time by Δ = levels / (2(levels − 1)),
    /// in a random order (seeded, so the same seed gives the same design).
    public static func design(dimensions d: Int, trajectories r: Int, levels p: Int = 4, seed: UInt64) -> [[Double]] {
        var rng = SeededGenerator(seed: seed)
        let delta = Double(p) / (2 * Double(p - 1))
        // Base levels from which +Δ stays in [0, 1]: 0, 1/(p−1), …, up to 1 − Δ.
        let starts = (0..<p).map { Double($0) / Double(p - 1) }.filter { $0 + delta <= 1 + 1e-12 }
        var rows: [[Double]] = []
        for _ in 0..<r {
            var x = (0..<d).map { _ in starts[rng.index(starts.count)] }
            var order = Array(0..<d)
            for i in stride(from: d - 1, to: 0, by: -1) { order.swapAt(i, rng.index(i + 1)) }
            rows.append(x)
            for j in order {
                x[j] += delta
                rows.append(x)
            }
        }
        return rows
    }
}
