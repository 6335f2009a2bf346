import LibC

/// Scores of a probabilistic forecast against what happened (Gneiting & Raftery 2007), for
/// backtests. Every score is lower-is-better except coverage.
public enum ForecastScores {
    /// CRPS of an ensemble x₁…x_n against y: (1/n)Σ|x_i − y| − (1/(2n²))Σ_iΣ_j|x_i − x_j|, the
    /// second term from the sorted sample as (1/n²)Σ_i (2i − n − 1)·x₍i₎ (i = 1…n).
    public static func crps(ensemble: [Double], observation y: Double) -> Double {
        let n = ensemble.count
        guard n > 0 else { return .nan }
        let x = ensemble.sorted()
        var absolute = 0.0, spread = 0.0
        for (i, v) in x.enumerated() {
            absolute += Swift.abs(v - y)
            spread += Double(2 * (i + 1) - n - 1) * v
        }
        let nn = Double(n)
        return absolute / nn - spread / (nn * nn)
    }

    /// CRPS of N(μ, σ²) against y: σ·[z(2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ.
    public static func crpsNormal(mean: Double, standardDeviation s: Double, observation y: Double) -> Double {
        let z = (y - mean) / s
        let phi = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
        let cdf = 0.5 * erfc(-z / 2.0.squareRoot())
        return s * (z * (2 * cdf - 1) + 2 * phi - 1 / Double.pi.squareRoot())
    }

    /// Interval score of the central (1 − α) interval [l, u]: (u − l) + (2/α)(l − y)·1{y < l} +
    /// (2/α)(y − u)·1{y > u}.
    public static func intervalScore(lower l: Double, upper u: Double, observation y: Double, alpha: Double) -> Double {
        var s = u - l
        if y < l { s += 2 / alpha * (l - y) }
        if y > u { s += 2 / alpha * (y - u) }
        return s
    }

    /// Brier score of probabilities for events: mean of (p − 1{event})².
    public static func brier(_ probabilities: [Double], _ events: [Bool]) -> Double {
        guard !probabilities.isEmpty else { return .nan }
        return zip(probabilities, events).reduce(0) { $0 + pow($1.0 - ($1.1 ? 1 : 0), 2) } / Double(probabilities.count)
    }

    /// One bin of a reliability diagram.
    public struct ReliabilityBin: Sendable, Equatable {
        /// Probability range of the bin, [lower, upper).
        public let lower: Double
        public let upper: Double
        public let count: Int
        public let meanProbability: Double
        public let frequency: Double
    }

    /// Murphy's decomposition of the Brier score over `bins` equal-width bins:
    /// BS = reliability − resolution + uncertainty (exact when every p in a bin is equal).
    public struct Reliability: Sendable, Equatable {
        public let bins: [ReliabilityBin]
        /// Σ_k n_k (p̄_k − ō_k)² / N: 0 for perfectly calibrated probabilities.
        public let reliability: Double
        /// Σ_k n_k (ō_k − ō)² / N.
        public let resolution: Double
        /// ō(1 − ō): the Brier score of always answering the base rate.
        public let uncertainty: Double
    }

    public static func reliability(_ probabilities: [Double], _ events: [Bool], bins: Int = 5) -> Reliability {
        let n = Double(probabilities.count)
        let base = n > 0 ? Double(events.filter { $0 }.count) / n : .nan
        var out: [ReliabilityBin] = []
        var rel = 0.0, res = 0.0
        for b in 0..<bins {
            let lo = Double(b) / Double(bins), hi = Double(b + 1) / Double(bins)
            let idx = probabilities.indices.filter { probabilities[$0] >= lo && (probabilities[$0] < hi || (b == bins - 1 && probabilities[$0] <= hi)) }
            guard !idx.isEmpty else { continue }
            let c = Double(idx.count)
            let p = idx.reduce(0) { $0 + probabilities[$1] } / c
            let f = Double(idx.filter { events[$0] }.count) / c
            rel += c * (p - f) * (p - f) / n
            res += c * (f - base) * (f - base) / n
            out.append(ReliabilityBin(lower: lo, upper: hi, count: idx.count, meanProbability: p, frequency: f))
        }
        return Reliability(bins: out, reliability: rel, resolution: res, uncertainty: base * (1 - base))
    }
}
