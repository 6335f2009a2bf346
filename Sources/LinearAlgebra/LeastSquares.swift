import CLinearAlgebra

/// The result of a linear least-squares or minimum-norm solve with one or many right-hand sides.
public struct LeastSquaresSolution: Sendable, Equatable {
    /// `X`, one column per right-hand side; its row count is the number of unknowns
    /// (the columns of `op(A)`).
    public let solution: Matrix
    /// For each right-hand side `j`, the residual sum of squares `‖b_j − op(A)·x_j‖₂²`.
    /// For an overdetermined system (`op(A)` has more rows than columns) this is what LAPACK
    /// leaves in the trailing rows of `B`; for a square or underdetermined full-rank system it is
    /// 0 (the system is consistent and solved exactly).
    public let residualSumsOfSquares: [Double]

    /// The first solution column, convenient for a single right-hand side (`[]` when there is none).
    public var x: [Double] { solution.columns > 0 ? solution.column(0) : [] }

    /// `‖b_j − op(A)·x_j‖₂` for each right-hand side.
    public var residualNorms: [Double] { residualSumsOfSquares.map { $0.squareRoot() } }
}

/// Linear least-squares problems (namespace).
///
/// - `solve`: full-rank least squares / minimum norm via QR or LQ (LAPACK `dgels`);
/// - `equalityConstrained`: `min ‖c − A·x‖₂` subject to `B·x = d` (LAPACK `dgglse`);
/// - `nonNegative`: `min ‖A·x − b‖₂` subject to `x ≥ 0` (Lawson–Hanson active set).
public enum LeastSquares {
    /// Solve `op(A)·X ≈ B` for all columns of `B` in one LAPACK call (`dgels`), with `op(A)`
    /// of size `r × c` (`r × c = m × n` for `.none`, `n × m` for `.transposed`):
    ///
    /// - `r ≥ c` (overdetermined): the least-squares solution `x_j = argmin ‖b_j − op(A)·x‖₂`,
    ///   i.e. `x_j = (op(A)ᵀ op(A))⁻¹ op(A)ᵀ b_j`, computed through the QR factorisation
    ///   `A = Q·R` without forming the normal equations;
    /// - `r < c` (underdetermined): the minimum-norm solution `x_j = argmin ‖x‖₂` subject to
    ///   `op(A)·x = b_j`, i.e. `x_j = op(A)ᵀ (op(A) op(A)ᵀ)⁻¹ b_j`, through the LQ factorisation.
    ///
    /// `op(A)` must have full rank `min(r, c)`. Only *exact* rank deficiency (an exactly zero
    /// diagonal entry of the triangular factor) is detected; a numerically rank-deficient
    /// matrix yields a large, inaccurate solution rather than an error.
    ///
    /// Cost: about `2mn² − ⅔n³` flops for the factorisation (m ≥ n) plus `O(mn)` per right-hand side.
    ///
    /// - Parameters:
    ///   - a: the `m × n` coefficient matrix.
    ///   - b: the right-hand sides, `r × k` (`r` = rows of `op(A)`).
    ///   - transpose: `.transposed` solves with `Aᵀ` instead of `A`.
    /// - Returns: `X` (`c × k`) and the residual sums of squares.
    /// - Throws: `dimensionMismatch` when `b` does not have `r` rows; `nonFinite` on NaN/±∞ in `a`
    ///   or `b`; `lapackFailure(routine: "dgels", …)` when `A` is not of full rank.
    public static func solve(
        _ a: Matrix, _ b: Matrix, transpose: Transpose = .none
    ) throws -> LeastSquaresSolution {
        let (r, c) = transpose == .none ? (a.rows, a.columns) : (a.columns, a.rows)
        guard b.rows == r else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "least squares", expected: "\(r) rows in the right-hand side",
                got: "\(b.rows)")
        }
        try a.checkFinite()
        try b.checkFinite()
        let k = b.columns
        if k == 0 {
            return LeastSquaresSolution(solution: Matrix(rows: c, columns: 0), residualSumsOfSquares: [])
        }
        if r == 0 || c == 0 {
            // No equations: x = 0 is the minimum-norm solution. No unknowns: the residual is b.
            let rss = (0..<k).map { j in sumOfSquares(b.elements[(j * r)..<((j + 1) * r)]) }
            return LeastSquaresSolution(solution: Matrix(rows: c, columns: k), residualSumsOfSquares: rss)
        }
        let op = "least squares (dgels)"
        var m = try lapackInt(a.rows, "row count", operation: op)
        var n = try lapackInt(a.columns, "column count", operation: op)
        var nrhs = try lapackInt(k, "right-hand side count", operation: op)
        let ldbCount = Swift.max(a.rows, a.columns)
        var lda = m
        var ldb = try lapackInt(ldbCount, "leading dimension", operation: op)
        _ = try lapackInt(ldbCount * k, "right-hand side storage", operation: op)
        // B is overwritten by X, so it needs max(m, n) rows.
        var bb = [Double](repeating: 0, count: ldbCount * k)
        for j in 0..<k {
            for i in 0..<r { bb[i + j * ldbCount] = b.elements[i + j * r] }
        }
        var aa = a.elements
        var trans = transpose.lapack
        var info: Int32 = 0
        var lwork: Int32 = -1
        var query = 0.0
        aa.withUnsafeMutableBufferPointer { pa in
            bb.withUnsafeMutableBufferPointer { pb in
                dgels_(&trans, &m, &n, &nrhs, pa.baseAddress, &lda, pb.baseAddress, &ldb, &query, &lwork, &info, 1)
            }
        }
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dgels", argument: Int(-info)) }
        let mn = Swift.min(a.rows, a.columns)
        lwork = try workspaceLength(query: query, minimum: mn + Swift.max(mn, k), routine: "dgels")
        var work = [Double](repeating: 0, count: Int(lwork))
        aa.withUnsafeMutableBufferPointer { pa in
            bb.withUnsafeMutableBufferPointer { pb in
                work.withUnsafeMutableBufferPointer { pw in
                    dgels_(&trans, &m, &n, &nrhs, pa.baseAddress, &lda, pb.baseAddress, &ldb,
                           pw.baseAddress, &lwork, &info, 1)
                }
            }
        }
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dgels", argument: Int(-info)) }
        if info > 0 {
            throw LinearAlgebraError.lapackFailure(
                routine: "dgels", info: Int(info),
                reason: "the matrix is not full rank (diagonal element \(info) of its triangular factor is exactly zero); the least squares solution could not be computed")
        }
        var x = Matrix(rows: c, columns: k)
        var rss = [Double](repeating: 0, count: k)
        for j in 0..<k {
            let base = j * ldbCount
            for i in 0..<c { x.elements[i + j * c] = bb[base + i] }
            if r > c { rss[j] = sumOfSquares(bb[(base + c)..<(base + r)]) }
        }
        return LeastSquaresSolution(solution: x, residualSumsOfSquares: rss)
    }

    /// Solve `op(A)·x ≈ b` for a single right-hand side; see `solve(_:_:transpose:)` for the
    /// formulas. The solution is `result.x`, the residual sum of squares
    /// `result.residualSumsOfSquares[0]`.
    public static func solve(
        _ a: Matrix, _ b: [Double], transpose: Transpose = .none
    ) throws -> LeastSquaresSolution {
        try solve(a, Matrix(column: b), transpose: transpose)
    }
}
