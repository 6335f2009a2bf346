import Foundation
import LinearAlgebra

/// The transient states of the relocation pipeline, in chain order.
public enum RelocationState: Int, CaseIterable, Sendable {
    /// In the pool of firms/institutions that might relocate (候选).
    case candidate = 0
    /// Contacted by a work team (已接触, 敲门).
    case contacted
    /// In negotiation (洽谈).
    case negotiating
    /// Agreement signed, not yet moved (已签约).
    case signed

    /// Schema key of the probability of advancing out of this state.
    public var advanceKey: String {
        switch self {
        case .candidate: return "p_contact"
        case .contacted: return "p_negotiate"
        case .negotiating: return "p_sign"
        case .signed: return "p_relocate"
        }
    }

    /// Schema key of the probability of withdrawing from this state.
    public var withdrawKey: String { "p_withdraw_\(id)" }

    /// Schema key of the initial count in this state.
    public var countKey: String {
        switch self {
        case .candidate: return "candidates"
        case .contacted: return "contacted"
        case .negotiating: return "negotiating"
        case .signed: return "signed"
        }
    }

    public var id: String {
        switch self {
        case .candidate: return "candidate"
        case .contacted: return "contacted"
        case .negotiating: return "negotiating"
        case .signed: return "signed"
        }
    }
}

/// The absorbing states: column 0 and 1 of R.
public enum RelocationOutcome: Int, CaseIterable, Sendable {
    /// Moved to Binhai (落地): column 0 of R.
    case relocated = 0
    /// Dropped out (退出).
    case withdrawn = 1
}

/// Yearly transition probabilities of one tier: from each transient state, the probability of
/// advancing to the next state (`advance[s]`; from `signed` the next state is `relocated`) and
/// of withdrawing (`withdraw[s]`); the rest, 1 − advance − withdraw, stays for another year.
public struct StageProbabilities: Sendable, Equatable {
    /// Indexed by `RelocationState.rawValue`.
    public var advance: [Double]
    public var withdraw: [Double]

    public init(advance: [Double], withdraw: [Double]) {
        precondition(advance.count == 4 && withdraw.count == 4, "four transient states")
        self.advance = advance
        self.withdraw = withdraw
    }

    /// Work-team effect on the contact probability: with k = teams / referenceTeams,
    ///
    ///     p′ = 1 − (1 − p)^k
    ///
    /// (each reference-sized effort is an independent chance p of contacting a candidate in the
    /// year). Withdrawal of candidates keeps its rate among those NOT contacted, so
    /// w′ = w·(1 − p′)/(1 − p) (w′ = 0 when p = 1), which keeps p′ + w′ ≤ 1.
    /// k = 1 leaves the probabilities unchanged; k = 0 means no contacts at all.
    public func withWorkTeams(_ teams: Double, reference: Double) -> StageProbabilities {
        precondition(reference > 0 && teams >= 0, "teams ≥ 0, reference > 0")
        let k = teams / reference
        let p = advance[0], w = withdraw[0]
        let pNew = WorkTeamEffect.contactProbability(p, ratio: k)
        var out = self
        out.advance[0] = pNew
        out.withdraw[0] = p < 1 ? w * (1 - pNew) / (1 - p) : 0
        return out
    }

    /// Q (4 × 4) and R (4 × 2, columns relocated, withdrawn) of the pipeline
    /// candidate → contacted → negotiating → signed → relocated, each state also → withdrawn.
    public func matrices() -> (q: Matrix, r: Matrix) {
        var q = Matrix(rows: 4, columns: 4)
        var r = Matrix(rows: 4, columns: 2)
        for s in 0..<4 {
            q[s, s] = max(0, 1 - advance[s] - withdraw[s])
            if s < 3 { q[s, s + 1] = advance[s] } else { r[s, RelocationOutcome.relocated.rawValue] = advance[s] }
            r[s, RelocationOutcome.withdrawn.rawValue] = withdraw[s]
        }
        return (q, r)
    }
}

/// The work-team formula on its own (for the module's tables and tests).
public enum WorkTeamEffect {
    /// p′ = 1 − (1 − p)^k with k = teams / reference teams (k ≥ 0).
    public static func contactProbability(_ p: Double, ratio k: Double) -> Double {
        if k == 0 { return 0 }
        if p >= 1 { return 1 }
        return -expm1(k * log1p(-p))
    }
}
