import CLinearAlgebra

/// The solution of an equality-constrained least-squares problem.
public struct ConstrainedLeastSquaresSolution: Sendable, Equatable {
    /// The minimiser `x` (length `n`).
    public let x: [Double]
    /// `‖c − A·x‖₂²` at the solution, recomputed from the original `A` and `c`.
    public let residualSumOfSquares: Double
    /// `‖B·x − d‖_∞`, how well the constraints hold at the returned `x` (rounding level when
    /// the problem is well posed).
    public let constraintViolation: Double
}

extension LeastSquares {
    /// Equality-constrained least squares (LSE) through LAPACK `dgglse`:
    ///
    ///     minimise ‖c − A·x‖₂  subject to  B·x = d,
    ///
    /// with `A` of size `m × n`, `B` of size `p × n`. The problem has a unique solution when
    /// `p ≤ n ≤ m + p`, `rank(B) = p` and `rank([A; B]) = n`; `dgglse` uses the generalised RQ
    /// factorisation of `(B, A)`. Equivalently, `x` solves the KKT system
    ///
    ///     ⎡ AᵀA  Bᵀ ⎤ ⎡ x ⎤   ⎡ Aᵀc ⎤
    ///     ⎣ B    0  ⎦ ⎣ λ ⎦ = ⎣ d   ⎦
    ///
    /// (which is *not* how it is computed: forming `AᵀA` squares the condition number).
    ///
    /// - Throws: `dimensionMismatch` when `A` and `B` have different column counts, `c` does not
    ///   have `m` entries or `d` does not have `p` entries, or `p ≤ n ≤ m + p` fails;
    ///   `nonFinite` on NaN/±∞ (vector positions are reported as `row: k, column: 0`);
    ///   `lapackFailure(routine: "dgglse", info: 1, …)` when `B` lacks full row rank,
    ///   `info: 2` when `[A; B]` lacks full column rank (exact rank deficiency only).
    public static func equalityConstrained(
        a: Matrix, c: [Double], b: Matrix, d: [Double]
    ) throws -> ConstrainedLeastSquaresSolution {
        let op = "equality-constrained least squares"
        let mm = a.rows, nn = a.columns, pp = b.rows
        guard b.columns == nn else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: op, expected: "B with \(nn) columns (the columns of A)", got: "\(b.columns)")
        }
        guard c.count == mm else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: op, expected: "c of length \(mm) (the rows of A)", got: "\(c.count)")
        }
        guard d.count == pp else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: op, expected: "d of length \(pp) (the rows of B)", got: "\(d.count)")
        }
        guard pp <= nn, nn <= mm + pp else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: op, expected: "p ≤ n ≤ m + p for A (m×n) and B (p×n)",
                got: "m = \(mm), n = \(nn), p = \(pp)")
        }
        try a.checkFinite()
        try b.checkFinite()
        try checkFinite(c)
        try checkFinite(d)
        if nn == 0 {
            return ConstrainedLeastSquaresSolution(x: [], residualSumOfSquares: sumOfSquares(c), constraintViolation: 0)
        }
        var m = try lapackInt(mm, "row count of A", operation: op)
        var n = try lapackInt(nn, "column count", operation: op)
        var p = try lapackInt(pp, "row count of B", operation: op)
        var lda = Swift.max(m, 1)
        var ldb = Swift.max(p, 1)
        // Buffers of at least one element so LAPACK always receives valid pointers.
        var aa = a.elements.isEmpty ? [0.0] : a.elements
        var bb = b.elements.isEmpty ? [0.0] : b.elements
        var cc = c.isEmpty ? [0.0] : c
        var dd = d.isEmpty ? [0.0] : d
        var x = [Double](repeating: 0, count: nn)
        var info: Int32 = 0
        var lwork: Int32 = -1
        var query = 0.0
        dgglse_(&m, &n, &p, &aa, &lda, &bb, &ldb, &cc, &dd, &x, &query, &lwork, &info)
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dgglse", argument: Int(-info)) }
        lwork = try workspaceLength(query: query, minimum: mm + nn + pp, routine: "dgglse")
        var work = [Double](repeating: 0, count: Int(lwork))
        dgglse_(&m, &n, &p, &aa, &lda, &bb, &ldb, &cc, &dd, &x, &work, &lwork, &info)
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dgglse", argument: Int(-info)) }
        if info == 1 {
            throw LinearAlgebraError.lapackFailure(
                routine: "dgglse", info: 1,
                reason: "the constraint matrix B does not have full row rank (rank(B) < p)")
        }
        if info == 2 {
            throw LinearAlgebraError.lapackFailure(
                routine: "dgglse", info: 2,
                reason: "the stacked matrix [A; B] does not have full column rank (rank < n)")
        }
        if info > 0 {
            throw LinearAlgebraError.lapackFailure(routine: "dgglse", info: Int(info), reason: "unexpected failure")
        }
        let ax = try a.multiply(x)
        let residual = (0..<mm).map { c[$0] - ax[$0] }
        let bx = try b.multiply(x)
        var violation = 0.0
        for i in 0..<pp { violation = Swift.max(violation, Swift.abs(bx[i] - d[i])) }
        return ConstrainedLeastSquaresSolution(
            x: x, residualSumOfSquares: sumOfSquares(residual), constraintViolation: violation)
    }
}
