import CLinearAlgebra

/// LU factorisation with partial pivoting, `P·A = L·U` (LAPACK `dgetrf`, through `RecursiveLU`
/// above 128 columns), kept so that many systems can be solved with one factorisation
/// (`dgetrs`, all right-hand sides in one call), for `A·X = B` and for the transposed system
/// `Aᵀ·X = B`.
///
/// Cost: ⅔n³ flops to factor, 2n² per right-hand side to solve.
public struct LUFactorization: Sendable {
    /// Order of the matrix.
    public let order: Int
    /// L and U packed as `dgetrf` leaves them (column-major, n × n).
    public private(set) var factors: [Double]
    /// Row interchanges (1-based, as LAPACK returns them).
    public let pivots: [Int32]
    /// 1-norm of the original matrix, kept for the condition estimate.
    public let oneNorm: Double

    /// Factor a square matrix. The matrix is consumed so that its storage is reused in place.
    /// - Throws: `dimensionMismatch` if not square, `nonFinite` on NaN/∞,
    ///   `singular(pivot:)` when an exact zero pivot appears.
    public init(_ matrix: consuming Matrix) throws {
        try self.init(matrix, checkedOneNorm: nil)
    }

    /// Factor a square matrix whose entries the caller has already checked finite and whose
    /// 1-norm (largest column sum of |aᵢⱼ|) it computed in the same pass, e.g. while forming
    /// `I − A`: saves two passes over the n² entries. `nil` checks and computes them here.
    package init(_ matrix: consuming Matrix, checkedOneNorm: Double?) throws {
        guard matrix.isSquare else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "LU factorisation", expected: "a square matrix",
                got: "\(matrix.rows)×\(matrix.columns)")
        }
        if checkedOneNorm == nil { try matrix.checkFinite() }
        let n = matrix.rows
        // Take the storage out of the consumed matrix so dgetrf factors it in place (no n×n copy).
        var a: [Double] = []
        swap(&a, &matrix.elements)
        var ipiv = [Int32](repeating: 0, count: n)
        var info: Int32 = 0
        var nn = try lapackInt(n, "order", operation: "LU factorisation")
        var lda = Swift.max(nn, 1)
        var norm1 = 0.0
        if n > 0 {
            var normType = UInt8(ascii: "1")
            norm1 = checkedOneNorm ?? a.withUnsafeBufferPointer { pa in
                dlange_(&normType, &nn, &nn, pa.baseAddress, &lda, nil, 1)
            }
            // The recursive driver factors large matrices with less BLAS work space than
            // `dgetrf` (see `RecursiveLU`); at or below its leaf size it is `dgetrf`.
            a.withUnsafeMutableBufferPointer { pa in
                ipiv.withUnsafeMutableBufferPointer { pp in
                    info = RecursiveLU.factor(
                        rows: nn, columns: nn, pa.baseAddress!, lda: lda, pivots: pp.baseAddress!)
                }
            }
        }
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dgetrf", argument: Int(-info)) }
        if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info) - 1) }
        self.order = n
        self.factors = a
        self.pivots = ipiv
        self.oneNorm = norm1
    }

    /// Solve `op(A)·X = B` for all columns of `B` in one LAPACK call (`dgetrs`).
    /// - Parameter trans: `.transposed` solves `Aᵀ·X = B` with the same factors.
    public func solve(_ b: consuming Matrix, _ trans: Transpose = .none) throws -> Matrix {
        guard b.rows == order else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "LU solve", expected: "\(order) rows in the right-hand side",
                got: "\(b.rows)")
        }
        try b.checkFinite()
        if order == 0 || b.columns == 0 { return b }
        // Solve in the consumed right-hand side's own storage (no copy when the caller passes
        // its last use).
        var out = Matrix(rows: 0, columns: 0)
        swap(&out, &b)
        var t = trans.lapack
        var n = Int32(order)
        var nrhs = try lapackInt(out.columns, "right-hand side count", operation: "LU solve")
        var lda = Int32(order)
        var ldb = Int32(order)
        var info: Int32 = 0
        factors.withUnsafeBufferPointer { pa in
            pivots.withUnsafeBufferPointer { pp in
                out.elements.withUnsafeMutableBufferPointer { pb in
                    dgetrs_(&t, &n, &nrhs, pa.baseAddress, &lda, pp.baseAddress, pb.baseAddress, &ldb, &info, 1)
                }
            }
        }
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dgetrs", argument: Int(-info)) }
        return out
    }

    /// Solve `op(A)·x = b` for one vector.
    public func solve(_ b: [Double], _ trans: Transpose = .none) throws -> [Double] {
        try solve(Matrix(column: b), trans).elements
    }

    /// The inverse `A⁻¹` (LAPACK `dgetri`). Only form it when the inverse itself is wanted:
    /// a solve is cheaper and more accurate.
    public func inverse() throws -> Matrix {
        var a = factors
        var n = Int32(order)
        var lda = Int32(Swift.max(order, 1))
        var info: Int32 = 0
        if order == 0 { return Matrix(rows: 0, columns: 0) }
        var lwork: Int32 = -1
        var query = 0.0
        pivots.withUnsafeBufferPointer { pp in
            dgetri_(&n, &a, &lda, pp.baseAddress, &query, &lwork, &info)
        }
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dgetri", argument: Int(-info)) }
        lwork = try workspaceLength(query: query, minimum: order, routine: "dgetri")
        var work = [Double](repeating: 0, count: Int(lwork))
        pivots.withUnsafeBufferPointer { pp in
            dgetri_(&n, &a, &lda, pp.baseAddress, &work, &lwork, &info)
        }
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dgetri", argument: Int(-info)) }
        if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info) - 1) }
        return try Matrix(rows: order, columns: order, columnMajor: a)
    }

    /// Estimate of the reciprocal condition number in the 1-norm, `1 / (‖A‖₁ ‖A⁻¹‖₁)`
    /// (LAPACK `dgecon`). Near 0: ill-conditioned; near 1: well-conditioned.
    public func reciprocalConditionNumber() throws -> Double {
        if order == 0 { return 1 }
        var normType = UInt8(ascii: "1")
        var n = Int32(order)
        var lda = Int32(order)
        var anorm = oneNorm
        var rcond = 0.0
        var work = [Double](repeating: 0, count: 4 * order)
        var iwork = [Int32](repeating: 0, count: order)
        var info: Int32 = 0
        factors.withUnsafeBufferPointer { pa in
            dgecon_(&normType, &n, pa.baseAddress, &lda, &anorm, &rcond, &work, &iwork, &info, 1)
        }
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dgecon", argument: Int(-info)) }
        return rcond
    }

    /// The diagonal of `U` (useful to name the weakest pivot).
    public var diagonalOfU: [Double] { (0..<order).map { factors[$0 + $0 * order] } }
}
