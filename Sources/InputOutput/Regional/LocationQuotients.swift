import Foundation

/// Location-quotient regionalisation of a national input-output table (Flegg & Webber 1997;
/// Flegg & Tohmo 2013): regional coefficients r_ij = a_ij · min(1, LQ_ij) from the national
/// coefficients a_ij and regional sector weights, so that a regional multiplier counts only
/// the inputs bought inside the region.
///
/// With the region's and the nation's output by sector (RE_i, NE_i; totals TRE, TNE):
/// - SLQ_i = (RE_i/TRE) / (NE_i/TNE) (simple location quotient, a row property);
/// - CILQ_ij = SLQ_i / SLQ_j for i ≠ j, SLQ_i on the diagonal (cross-industry);
/// - FLQ_ij = λ*·CILQ_ij for i ≠ j, λ*·SLQ_i on the diagonal, λ* = [log₂(1 + TRE/TNE)]^δ
///   (Flegg's size term: the smaller the region, the more it imports);
/// - AFLQ_ij = FLQ_ij · [log₂(1 + SLQ_j)] where SLQ_j > 1 (augmented FLQ, Flegg & Webber 2000).
///
/// δ: the literature's estimates lie mostly in 0.1–0.4 (Flegg & Tohmo 2013 for Finland: ≈ 0.25;
/// Bonfiglio & Chelli 2008 simulations: 0.3); the default is 0.3. If SLQ_j = 0, CILQ_ij is +∞
/// (so min(1, ·) = 1) when SLQ_i > 0 and 0 when SLQ_i = 0.
public enum LocationQuotient: Sendable, Equatable, CustomStringConvertible {
    case slq
    case cilq
    case flq(delta: Double)
    case aflq(delta: Double)

    /// The literature's default δ.
    public static let defaultDelta = 0.3

    /// `slq`, `cilq`, `flq`, `flq:0.25`, `aflq`, `aflq:0.2` (case-insensitive); nil otherwise.
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return nil }
        var delta = Self.defaultDelta
        if parts.count == 2 {
            guard let d = Double(parts[1]), d.isFinite, d >= 0, d <= 1 else { return nil }
            delta = d
        }
        switch name {
        case "slq" where parts.count == 1: self = .slq
        case "cilq" where parts.count == 1: self = .cilq
        case "flq": self = .flq(delta: delta)
        case "aflq": self = .aflq(delta: delta)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .slq: return "SLQ"
        case .cilq: return "CILQ"
        case let .flq(d): return "FLQ (δ = \(d))"
        case let .aflq(d): return "AFLQ (δ = \(d))"
        }
    }
}

/// A region's sector weights against the nation's table.
public struct RegionalWeights: Sendable, Equatable {
    /// RE_i / TRE: each sector's share of the region's gross output (normalised to sum 1).
    public var outputShares: [Double]
    /// TRE / TNE: the region's gross output relative to the nation's (for FLQ's λ*).
    public var regionToNation: Double

    /// - Throws: `IOAnalysisError.invalidTable` when a share is negative or not finite, all are 0,
    ///   or the size ratio is not in (0, 1].
    public init(outputShares: [Double], regionToNation: Double) throws(IOAnalysisError) {
        guard outputShares.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw .invalidTable("regional output shares must be finite and ≥ 0")
        }
        let total = outputShares.reduce(0, +)
        guard total > 0 else { throw .invalidTable("regional output shares are all 0") }
        guard regionToNation.isFinite, regionToNation > 0, regionToNation <= 1 else {
            throw .invalidTable("the region's size relative to the nation must be in (0, 1], got \(regionToNation)")
        }
        self.outputShares = outputShares.map { $0 / total }
        self.regionToNation = regionToNation
    }
}

/// The location quotients of a regionalisation and its coefficients.
public struct Regionalization: Sendable {
    public let method: LocationQuotient
    /// SLQ_i per sector.
    public let simpleQuotients: [Double]
    /// λ* (1 for SLQ and CILQ).
    public let sizeFactor: Double
    /// LQ_ij (n × n): the quotient applied to a_ij.
    public let quotients: [[Double]]

    /// Quotients of `method` for national gross output `x` and `weights`.
    /// - Throws: `IOAnalysisError.invalidTable` when the lengths differ.
    public init(method: LocationQuotient, nationalOutput x: [Double], weights: RegionalWeights) throws(IOAnalysisError) {
        let n = x.count
        guard weights.outputShares.count == n else {
            throw .invalidTable("\(weights.outputShares.count) regional weights for \(n) sectors")
        }
        let tne = x.reduce(0, +)
        let slq = (0..<n).map { i -> Double in
            let national = tne > 0 ? x[i] / tne : 0
            return national > 0 ? weights.outputShares[i] / national : 0
        }
        func cilq(_ i: Int, _ j: Int) -> Double {
            if i == j { return slq[i] }
            if slq[j] == 0 { return slq[i] > 0 ? .infinity : 0 }
            return slq[i] / slq[j]
        }
        var lambda = 1.0
        switch method {
        case let .flq(d), let .aflq(d): lambda = pow(log2(1 + weights.regionToNation), d)
        default: break
        }
        var q = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n {
                switch method {
                case .slq: q[i][j] = slq[i]
                case .cilq: q[i][j] = cilq(i, j)
                case .flq: q[i][j] = lambda * cilq(i, j)
                case .aflq:
                    let base = lambda * cilq(i, j)
                    q[i][j] = slq[j] > 1 ? base * log2(1 + slq[j]) : base
                }
            }
        }
        self.method = method
        self.simpleQuotients = slq
        self.sizeFactor = lambda
        self.quotients = q
    }

    /// r_ij = a_ij · min(1, LQ_ij) for a coefficient `a` of row i, column j.
    @inline(__always)
    public func regional(_ a: Double, row i: Int, column j: Int) -> Double {
        a * min(1, quotients[i][j])
    }
}
