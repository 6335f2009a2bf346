/// Hypothetical extraction of each sector in turn: the loss of total output
/// T = Σᵢ xᵢ when sector j stops buying from (backward) or selling to (forward) other sectors.
///
/// - Backward: column j of A is set to zero, final demand y fixed, x̄ = (I − Ā)⁻¹y.
///   Loss `T − Σx̄ = xⱼ·(mⱼ − 1) / Lⱼⱼ` (Sherman–Morrison on the rank-one change).
/// - Forward: row j of B = x̂⁻¹Z is set to zero, primary inputs vᵀ = xᵀ(I − B) fixed,
///   x̄ᵀ = vᵀ(I − B̄)⁻¹ (Ghosh supply model). Loss `xⱼ·(gⱼ − 1) / Lⱼⱼ` with gⱼ the Ghosh row sum
///   (Gⱼⱼ = Lⱼⱼ).
///
/// Both are exact closed forms (no re-solve per sector), checked against brute force in tests.
/// The extracted sector's own output counts in the loss as any other sector's.
public struct HypotheticalExtraction: Equatable, Sendable {
    /// Total output T = Σᵢ xᵢ (table units).
    public var totalOutput: Double
    /// Backward-extraction loss of total output per sector (table units).
    public var backwardLoss: [Double]
    /// Forward-extraction loss of total output per sector (table units).
    public var forwardLoss: [Double]
    /// `backwardLoss / T`.
    public var backwardLossShare: [Double]
    /// `forwardLoss / T`.
    public var forwardLossShare: [Double]

    /// Closed forms from output multipliers m, Ghosh row sums g, diag(L) and x.
    static func compute(
        grossOutput x: [Double], outputMultipliers m: [Double], ghoshRowSums g: [Double],
        leontiefDiagonal d: [Double]
    ) -> HypotheticalExtraction {
        let total = x.reduce(0, +)
        let back = x.indices.map { x[$0] == 0 ? 0 : x[$0] * (m[$0] - 1) / d[$0] }
        let fwd = x.indices.map { x[$0] == 0 ? 0 : x[$0] * (g[$0] - 1) / d[$0] }
        let share = { (v: Double) in total > 0 ? v / total : 0 }
        return HypotheticalExtraction(
            totalOutput: total, backwardLoss: back, forwardLoss: fwd,
            backwardLossShare: back.map(share), forwardLossShare: fwd.map(share))
    }
}
