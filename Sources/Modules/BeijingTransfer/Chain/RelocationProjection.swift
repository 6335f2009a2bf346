import LinearAlgebra

/// Year-by-year expected flows of one tier's relocation pipeline, with the exact variance of the
/// counts when firms move independently.
///
/// Timing (one chain step per year, year index y = 0 … Y − 1 for forecast years B+1 … T):
/// - π₀ = the initial counts (candidates, contacted, negotiating, signed) at the start of the
///   first forecast year;
/// - during year y each unit makes one transition: expected relocations
///   **r_y = Σᵢ π_y[i]·R[i, relocated]**, withdrawals likewise with R[·, withdrawn];
/// - **π_{y+1} = π_y·Q + n·e_candidate**: `newCandidates` (n) join the candidate pool at the start
///   of every later forecast year (the first year's newcomers are part of the initial pool).
///
/// Variance: a unit that starts in state i relocates in exactly its (k+1)-th year with
/// probability f_k[i] = (Qᵏ·R)[i, relocated] (matrix powers), and by its (k+1)-th year with
/// F_k[i] = Σ_{l≤k} f_l[i]. Each unit's relocation year is a categorical variable, so with
/// independent units the count in year y is a sum of independent Bernoulli variables:
/// **Var r_y = Σ_groups m·f(1 − f)** over the initial states and the yearly cohorts (m units each),
/// and the cumulative count has **Σ m·F(1 − F)**. (Exact for whole-number counts; for fractional
/// counts the same formula is used.)
public struct RelocationProjection: Sendable, Equatable {
    /// Expected relocations in each year (units).
    public let relocations: [Double]
    /// Expected withdrawals in each year (units).
    public let withdrawals: [Double]
    /// Expected units in each transient state at the start of each year, `[y][state]`.
    public let statesAtStart: [[Double]]
    /// Variance of the count of relocations in each year.
    public let relocationVariance: [Double]
    /// Expected relocations up to and including each year.
    public let cumulativeRelocations: [Double]
    /// Variance of the cumulative count.
    public let cumulativeVariance: [Double]
    /// f[k][i] = (Qᵏ·R)[i, relocated]: probability that a unit starting in state i relocates in
    /// exactly its (k+1)-th year.
    let relocationByPeriod: [[Double]]
    let initial: [Double]
    let newCandidates: Double

    /// - Parameters:
    ///   - chain: the tier's absorbing chain (4 transient states in `RelocationState` order,
    ///     absorbing column 0 = relocated, 1 = withdrawn); any transient count works as long as
    ///     `initial` has one entry per transient state and state 0 receives new candidates.
    ///   - initial: units in each transient state at the start of the first year (≥ 0).
    ///   - newCandidates: units joining state 0 at the start of each year after the first (≥ 0).
    ///   - years: number of forecast years Y.
    public init(chain: AbsorbingChain, initial: [Double], newCandidates: Double, years: Int) throws {
        let t = chain.transientCount
        precondition(initial.count == t, "one initial count per transient state")
        let reloc = RelocationOutcome.relocated.rawValue
        let withdrawn = RelocationOutcome.withdrawn.rawValue
        let q = chain.q, r = chain.r
        var pi = initial
        var relocations: [Double] = [], withdrawals: [Double] = [], states: [[Double]] = []
        for _ in 0..<max(years, 0) {
            states.append(pi)
            var rel = 0.0, wd = 0.0
            for i in 0..<t {
                rel += pi[i] * r[i, reloc]
                wd += pi[i] * r[i, withdrawn]
            }
            relocations.append(rel)
            withdrawals.append(wd)
            var next = try q.multiply(pi, .transposed)  // (π·Q)ᵀ = Qᵀ·πᵀ
            next[0] += newCandidates
            pi = next
        }
        // f[k][i] = (Qᵏ R)[i, relocated]; F[k][i] its running sum over k.
        let byPeriod = try chain.absorptionByPeriod(periods: years)
        let f = byPeriod.map { rows in rows.map { $0[reloc] } }
        var bigF: [[Double]] = []
        for k in 0..<f.count {
            bigF.append((0..<t).map { i in (k > 0 ? bigF[k - 1][i] : 0) + f[k][i] })
        }
        func bernoulli(_ p: Double) -> Double { p * (1 - p) }
        var variance: [Double] = [], cumulative: [Double] = [], cumulativeVariance: [Double] = []
        var running = 0.0
        for y in 0..<max(years, 0) {
            var v = 0.0, cv = 0.0
            for i in 0..<t {
                v += initial[i] * bernoulli(f[y][i])
                cv += initial[i] * bernoulli(bigF[y][i])
            }
            if y >= 1 {
                for c in 1...y {  // cohort joining at the start of year c, in its (y − c + 1)-th year
                    v += newCandidates * bernoulli(f[y - c][0])
                    cv += newCandidates * bernoulli(bigF[y - c][0])
                }
            }
            running += relocations[y]
            variance.append(v)
            cumulative.append(running)
            cumulativeVariance.append(cv)
        }
        self.relocationByPeriod = f
        self.initial = initial
        self.newCandidates = newCandidates
        self.relocations = relocations
        self.withdrawals = withdrawals
        self.statesAtStart = states
        self.relocationVariance = variance
        self.cumulativeRelocations = cumulative
        self.cumulativeVariance = cumulativeVariance
    }

    /// Variance of the number of relocations in years `first` … `last` (year indices, inclusive):
    /// Σ over the groups of m·p(1 − p), p = the group's probability of relocating in that window.
    public func countVariance(years first: Int, through last: Int) -> Double {
        let lo = max(first, 0), hi = min(last, relocations.count - 1)
        guard lo <= hi else { return 0 }
        func p(_ state: Int, entry: Int) -> Double {  // entry ≤ hi
            var s = 0.0
            for y in max(lo, entry)...hi { s += relocationByPeriod[y - entry][state] }
            return s
        }
        var v = 0.0
        for i in 0..<initial.count {
            let q = p(i, entry: 0)
            v += initial[i] * q * (1 - q)
        }
        if hi >= 1 {
            for c in 1...hi {
                let q = p(0, entry: c)
                v += newCandidates * q * (1 - q)
            }
        }
        return v
    }
}
