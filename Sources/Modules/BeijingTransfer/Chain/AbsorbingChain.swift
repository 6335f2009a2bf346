import LinearAlgebra

/// A problem with the transition probabilities of an absorbing Markov chain.
public enum AbsorbingChainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Q is not t × t, or R does not have t rows.
    case shape(String)
    /// A probability is negative, above 1 or not finite, at (row, column) of Q or R (0-based).
    case invalidProbability(matrix: String, row: Int, column: Int, value: Double)
    /// Row `row` of [Q R] does not sum to 1.
    case rowSum(row: Int, sum: Double)
    /// I − Q is singular: from some transient state no absorbing state can be reached.
    case noAbsorption(detail: String)

    public var description: String {
        switch self {
        case let .shape(s): return "transition matrices of the wrong shape: \(s)"
        case let .invalidProbability(m, i, j, v):
            return "\(m)[\(i + 1), \(j + 1)] = \(v) is not a probability in [0, 1]"
        case let .rowSum(i, s): return "row \(i + 1) of [Q R] sums to \(s), not 1"
        case let .noAbsorption(d): return "some transient state never reaches an absorbing state (I − Q is singular: \(d))"
        }
    }
}

/// An absorbing Markov chain in canonical form,
///
///     P = | Q  R |
///         | 0  I |,
///
/// with t transient states (Q is t × t) and r absorbing states (R is t × r), one step per period
/// (here: per year). Grinstead & Snell, *Introduction to Probability*, §11.2:
///
/// - fundamental matrix **N = (I − Q)⁻¹**: N[i][k] is the expected number of periods spent in
///   transient state k when starting in transient state i (the start counts);
/// - expected periods to absorption **t = N·1** (the period in which absorption happens counts:
///   a chain absorbed in its first step took 1 period);
/// - absorption probabilities **B = N·R**: B[i][j] = P(absorbed in j | start in i);
/// - expected periods to absorption given absorption in j — the standard result from the chain
///   conditioned on ending in j, Q̃[i][k] = Q[i][k]·B[k][j]/B[i][j], whose fundamental matrix
///   has row sums **τ_j[i] = (N·B[·, j])[i] / B[i][j]** (Kemeny & Snell, *Finite Markov Chains*,
///   ch. III);
/// - variance of the periods to absorption **(2N − I)·t − t∘t** (Kemeny & Snell, ch. III).
///
/// I − Q is factored once (LAPACK `dgetrf` through `LUFactorization`); t, B and τ are solves
/// with that factorisation, N is formed from it (`dgetri`) because it is reported.
/// Pure: no scenario types, usable for any chain (not only the relocation pipeline).
public struct AbsorbingChain: Sendable {
    /// Transient → transient transitions (t × t).
    public let q: Matrix
    /// Transient → absorbing transitions (t × r).
    public let r: Matrix
    /// The fundamental matrix N = (I − Q)⁻¹ (t × t).
    public let fundamental: Matrix
    /// Expected periods to absorption from each transient state, t = N·1.
    public let expectedSteps: [Double]
    /// Absorption probabilities B = N·R (t × r).
    public let absorption: Matrix
    /// LU factors of I − Q.
    let factors: LUFactorization

    /// Number of transient states.
    public var transientCount: Int { q.rows }
    /// Number of absorbing states.
    public var absorbingCount: Int { r.columns }

    /// Check Q and R (entries in [0, 1], rows of [Q R] summing to 1 within `tolerance`) and
    /// compute N, t and B.
    /// - Throws: `AbsorbingChainError`.
    public init(q: Matrix, r: Matrix, tolerance: Double = 1e-9) throws(AbsorbingChainError) {
        let t = q.rows
        guard q.isSquare, r.rows == t, t > 0, r.columns > 0 else {
            throw .shape("Q is \(q.rows)×\(q.columns), R is \(r.rows)×\(r.columns); expected t×t and t×r with t, r ≥ 1")
        }
        for (name, m) in [("Q", q), ("R", r)] {
            for j in 0..<m.columns {
                for i in 0..<m.rows {
                    let v = m[i, j]
                    guard v.isFinite, v >= 0, v <= 1 else { throw .invalidProbability(matrix: name, row: i, column: j, value: v) }
                }
            }
        }
        let qSums = q.rowSums, rSums = r.rowSums
        for i in 0..<t where abs(qSums[i] + rSums[i] - 1) > tolerance {
            throw .rowSum(row: i, sum: qSums[i] + rSums[i])
        }
        var iMinusQ = Matrix.identity(t)
        for k in 0..<(t * t) { iMinusQ.elements[k] -= q.elements[k] }
        do {
            let lu = try LUFactorization(iMinusQ)
            // A state that cannot leave its closed class gives an exact or numerical zero pivot.
            if try lu.reciprocalConditionNumber() < 1e-14 {
                throw AbsorbingChainError.noAbsorption(detail: "reciprocal condition number below 1e-14")
            }
            self.factors = lu
            self.fundamental = try lu.inverse()
            self.expectedSteps = try lu.solve([Double](repeating: 1, count: t))
            self.absorption = try lu.solve(r)
        } catch let e as AbsorbingChainError {
            throw e
        } catch {
            throw .noAbsorption(detail: "\(error)")
        }
        self.q = q
        self.r = r
    }

    /// Expected periods to absorption from each transient state, given absorption in absorbing
    /// state `j`: τ[i] = (N·B[·, j])[i] / B[i][j] (NaN where B[i][j] = 0: state j is not reached).
    public func conditionalExpectedSteps(absorbedIn j: Int) -> [Double] {
        precondition(j >= 0 && j < absorbingCount, "absorbing state out of range")
        let b = absorption.column(j)
        guard let nb = try? factors.solve(b) else { return [Double](repeating: .nan, count: transientCount) }
        return zip(nb, b).map { $1 > 0 ? $0 / $1 : .nan }
    }

    /// Variance of the periods to absorption from each transient state: (2N − I)·t − t∘t.
    public var stepVariance: [Double] {
        let t = expectedSteps
        let n = transientCount
        var out = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = -t[i]
            for k in 0..<n { s += 2 * fundamental[i, k] * t[k] }
            out[i] = s - t[i] * t[i]
        }
        return out
    }

    /// Row `i` of Qᵏ·R for k = 0 … `periods` − 1: the probability that a unit starting in
    /// transient state i is absorbed in each absorbing state exactly in period k + 1.
    /// Result `[k][i][j]`, from the matrix powers Qᵏ (BLAS products).
    public func absorptionByPeriod(periods: Int) throws -> [[[Double]]] {
        var power = Matrix.identity(transientCount)
        var out: [[[Double]]] = []
        out.reserveCapacity(max(periods, 0))
        for k in 0..<max(periods, 0) {
            let qkr = try power * r
            out.append(qkr.rowArrays)
            if k + 1 < periods { power = try power * q }
        }
        return out
    }
}
