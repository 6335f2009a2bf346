import LinearAlgebra

/// How `LeontiefModel` solves systems with `I − A`.
public enum LeontiefSolverChoice: String, Sendable, CaseIterable {
    /// `IOAnalysis` picks: Krylov for tables of at least `LeontiefSolverChoice.krylovMinimumSectors`
    /// sectors when the analysis forms no n × n matrix (L, G, extraction), LU otherwise.
    /// `LeontiefModel` itself treats it as `.factorization`.
    case automatic = "auto"
    /// One LU factorisation (`RecursiveLU`, LAPACK `dgetrf`); every solve then uses the factors.
    case factorization = "lu"
    /// GMRES on the unfactored `I − A` (`LockstepGMRES` over `TwoSidedProduct`), O(n²) per
    /// step instead of the LU's (2/3)·n³. Used only when A ≥ 0 (then `‖L‖₁` is exact, see
    /// `ProductivityReport.reciprocalConditionNumber`); falls back to `.factorization` when A
    /// has a negative entry or GMRES does not reach its tolerance.
    case krylov = "gmres"

    /// Smallest table for which `.automatic` uses Krylov. Below it the LU is cheap anyway
    /// (Benchmarks/README.md, IO, "Krylov solves", has the timings behind the choice).
    public static let krylovMinimumSectors = 1000

    /// The choice for a table of `sectors` sectors; `formsInverse` when L itself is needed.
    public func resolved(sectors: Int, formsInverse: Bool) -> LeontiefSolverChoice {
        switch self {
        case .automatic:
            return sectors >= Self.krylovMinimumSectors && !formsInverse ? .krylov : .factorization
        case .factorization, .krylov:
            return self
        }
    }
}

/// How the standard solves of a `LeontiefModel` were done.
public struct LeontiefSolverReport: Equatable, Sendable {
    /// The method.
    public enum Method: String, Sendable {
        /// LU factorisation of `I − A`.
        case luFactorization = "lu"
        /// GMRES on `I − A` (no factorisation).
        case gmres = "gmres"
    }

    /// The method used.
    public var method: Method
    /// Passes over `I − A` (GMRES only; each pass applies `I − A` and `(I − A)ᵀ` to every
    /// system at once).
    public var matrixPasses: Int?
    /// Largest relative residual `‖b − (I − A)·x‖₂ / ‖b‖₂` (or with `(I − A)ᵀ`) of the
    /// standard solves, computed from the solutions (GMRES only).
    public var largestRelativeResidual: Double?
    /// Why GMRES was asked for and not used, e.g. negative coefficients; nil otherwise.
    public var fallbackReason: String?

    public init(
        method: Method, matrixPasses: Int? = nil, largestRelativeResidual: Double? = nil,
        fallbackReason: String? = nil
    ) {
        self.method = method
        self.matrixPasses = matrixPasses
        self.largestRelativeResidual = largestRelativeResidual
        self.fallbackReason = fallbackReason
    }
}

/// `I − A` as the model keeps it: factored, or as it is for GMRES.
enum LeontiefSolver: Sendable {
    /// The LU factors.
    case factored(LUFactorization)
    /// `I − A` itself (n × n, column-major).
    case iterative(Matrix)

    /// Relative residual at which a GMRES solution is accepted.
    static let tolerance = 1e-13
    /// Steps per GMRES cycle.
    static let restart = 40
    /// Most passes over `I − A` for one set of solves before falling back to LU: at n = 7,987
    /// a pass costs about 1/100 of the LU (Benchmarks/README.md, IO, "Krylov solves"), so a run
    /// that fails costs at most about half an LU more; converging runs took 12–29 on the tables
    /// measured (random, NBS, a 49-region table).
    static let maxPasses = 60

    /// GMRES on `m` for `m·X = forward` and `mᵀ·Y = transposed`, all columns in lockstep.
    static func krylov(
        _ m: Matrix, forward: Matrix, transposed: Matrix
    ) -> (forward: Matrix, transposed: Matrix, solution: LockstepGMRES.Solution) {
        let n = m.rows, kf = forward.columns, kt = transposed.columns
        var b = Matrix(rows: n, columns: kf + kt)
        b.elements.replaceSubrange(0..<(n * kf), with: forward.elements)
        b.elements.replaceSubrange((n * kf)..<(n * (kf + kt)), with: transposed.elements)
        let solution = LockstepGMRES.solve(
            b, tolerance: tolerance, restart: restart, maxApplications: maxPasses,
            apply: TwoSidedProduct.lockstepOperator(m, forwardColumns: kf))
        var xf = Matrix(rows: n, columns: kf), xt = Matrix(rows: n, columns: kt)
        xf.elements = Array(solution.solutions.elements[0..<(n * kf)])
        xt.elements = Array(solution.solutions.elements[(n * kf)...])
        return (xf, xt, solution)
    }

    /// `(I − A)⁻¹·forward` and `(I − A)⁻ᵀ·transposed`. GMRES falls back to factoring a copy
    /// of `I − A` (n² more memory) if it does not converge.
    func solve(forward: Matrix, transposed: Matrix) throws -> (forward: Matrix, transposed: Matrix) {
        switch self {
        case .factored(let lu):
            return (try lu.solve(forward), try lu.solve(transposed, .transposed))
        case .iterative(let m):
            let r = Self.krylov(m, forward: forward, transposed: transposed)
            if r.solution.converged { return (r.forward, r.transposed) }
            let lu = try LUFactorization(m)
            return (try lu.solve(forward), try lu.solve(transposed, .transposed))
        }
    }

    /// `L = (I − A)⁻¹`; for `.iterative` through the LU of a copy (n² more memory).
    func inverse() throws -> Matrix {
        switch self {
        case .factored(let lu): return try lu.inverse()
        case .iterative(let m): return try LUFactorization(m).inverse()
        }
    }
}
