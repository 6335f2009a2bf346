import InputOutput
import LinearAlgebra
import ScenarioKit

/// Columns of the Leontief inverse `L = (I − A)⁻¹` for a set of sectors, from one
/// multi-right-hand-side solve `(I − A)·X = [e_j …]` with the model's LU factors (L itself
/// is never formed).
struct LeontiefColumns: Sendable {
    private var position: [Int: Int]
    private var columns: Matrix

    init(model: LeontiefModel, sectors: [Int]) throws(ModuleError) {
        let unique = Array(Set(sectors)).sorted()
        var e = Matrix(rows: model.sectorCount, columns: unique.count)
        var position: [Int: Int] = [:]
        for (k, j) in unique.enumerated() {
            e[j, k] = 1
            position[j] = k
        }
        do throws(IOAnalysisError) {
            columns = try model.leontiefTimes(e)
        } catch {
            throw ModuleError(module: IndustryChainSchema.id, message: "\(error)")
        }
        self.position = position
    }

    /// Lᵢⱼ for a sector j of the set.
    func value(row i: Int, column j: Int) -> Double? {
        position[j].map { columns[i, $0] }
    }
}

/// Hypothetical extraction of a block of sectors S, each by its share dⱼ (0 < dⱼ ≤ 1, the
/// concordance share of the sector in the chain): the loss of total output T = Σᵢ xᵢ when
/// the chain's part of those sectors stops buying from (backward) or selling to (forward)
/// the rest of the economy (Dietzenbacher, van der Linden & Steenge 1993; Miller & Blair
/// 2009 §12.2, extended to a block and partial shares).
///
/// - Backward: `Ā = A − A·E_S·D·E_Sᵀ` (the chain's share of columns S removed), y fixed.
///   Woodbury with `L·A = L − I` gives, with `L_SS` the S×S block of L and m the output
///   multipliers, `loss = (m_S − 1)ᵀ·D·(I + (L_SS − I)·D)⁻¹·x_S`.
/// - Forward (Ghosh supply model): `B̄ = B − E_S·D·E_Sᵀ·B` (rows S of B = x̂⁻¹Z), primary
///   inputs fixed; with `G = x̂⁻¹·L·x̂` and `w = L·x`:
///   `loss = 1ᵀ·(I + D·(L_SS − I))⁻¹·D·(w_S − x_S)`.
///
/// For one sector with d = 1 these are the closed forms of `HypotheticalExtraction`
/// (`xⱼ(mⱼ − 1)/Lⱼⱼ`, `xⱼ(gⱼ − 1)/Lⱼⱼ`). Cost: one s×s LU per block (s = chain size), no
/// n×n re-solve; tests check them against brute-force re-solves.
struct ChainExtraction: Sendable, Equatable {
    /// Backward-extraction loss of total output (table units).
    var backwardLoss: Double
    /// Forward-extraction loss of total output (table units).
    var forwardLoss: Double

    /// - Parameters:
    ///   - members: sectors S with shares d.
    ///   - columns: L's columns for (at least) the sectors of S.
    ///   - outputMultipliers: m = 1ᵀL.
    ///   - grossOutput: x.
    ///   - leontiefTimesOutput: w = L·x (Ghosh row sums times x).
    static func compute(
        members: [ChainMember], columns: LeontiefColumns, outputMultipliers m: [Double],
        grossOutput x: [Double], leontiefTimesOutput w: [Double]
    ) throws(ModuleError) -> ChainExtraction {
        let s = members.count
        guard s > 0 else { return ChainExtraction(backwardLoss: 0, forwardLoss: 0) }
        // K = I + (L_SS − I)·D and K' = I + D·(L_SS − I).
        var kb = Matrix(rows: s, columns: s)
        var kf = Matrix(rows: s, columns: s)
        for (a, ra) in members.enumerated() {
            for (b, rb) in members.enumerated() {
                guard let l = columns.value(row: ra.sector, column: rb.sector) else {
                    throw ModuleError(module: IndustryChainSchema.id, message: "internal: missing Leontief column for sector \(rb.sector)")
                }
                let lMinusI = l - (a == b ? 1 : 0)
                kb[a, b] = (a == b ? 1 : 0) + lMinusI * rb.share
                kf[a, b] = (a == b ? 1 : 0) + ra.share * lMinusI
            }
        }
        let xs = members.map { x[$0.sector] }
        let rhsF = members.map { $0.share * (w[$0.sector] - x[$0.sector]) }
        do {
            let z = try LUFactorization(kb).solve(xs)
            let q = try LUFactorization(kf).solve(rhsF)
            var back = 0.0
            for (a, r) in members.enumerated() { back += (m[r.sector] - 1) * r.share * z[a] }
            return ChainExtraction(backwardLoss: back, forwardLoss: q.reduce(0, +))
        } catch {
            throw ModuleError(module: IndustryChainSchema.id, message: "hypothetical extraction failed: \(error)")
        }
    }
}
