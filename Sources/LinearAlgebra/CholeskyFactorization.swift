import CLinearAlgebra
import LibC

/// Cholesky factorisation of a symmetric positive definite matrix, `A = L·Lᵀ` (LAPACK `dpotrf`,
/// lower triangle), for solves (`dpotrs`), the log-determinant, the inverse (`dpotri`) and
/// correlated normal draws (`x = m + L·z`).
///
/// Cost: ⅓n³ flops to factor, 2n² per right-hand side to solve.
public struct CholeskyFactorization: Sendable {
    /// Order of the matrix.
    public let order: Int
    /// L in the lower triangle (column-major, n × n); the strict upper triangle is zero.
    public private(set) var factors: [Double]

    /// Factor a symmetric matrix; only its lower triangle is read.
    /// - Throws: `dimensionMismatch` if not square, `nonFinite` on NaN/∞, `singular(pivot:)` when
    ///   the leading minor of that order is not positive (the matrix is not positive definite).
    public init(_ matrix: consuming Matrix) throws {
        guard matrix.isSquare else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Cholesky factorisation", expected: "a square matrix",
                got: "\(matrix.rows)×\(matrix.columns)")
        }
        try matrix.checkFinite()
        let n = matrix.rows
        var a: [Double] = []
        swap(&a, &matrix.elements)
        var nn = try lapackInt(n, "order", operation: "Cholesky factorisation")
        var lda = Swift.max(nn, 1)
        var info: Int32 = 0
        var uplo = UInt8(ascii: "L")
        if n > 0 {
            a.withUnsafeMutableBufferPointer { pa in dpotrf_(&uplo, &nn, pa.baseAddress, &lda, &info, 1) }
        }
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dpotrf", argument: Int(-info)) }
        if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info) - 1) }
        for j in 0..<n { for i in 0..<j { a[i + j * n] = 0 } }
        order = n
        factors = a
    }

    /// L[i, j] (zero above the diagonal).
    public subscript(row: Int, column: Int) -> Double { factors[row + column * order] }

    /// log det A = 2 Σ log L_ii.
    public var logDeterminant: Double {
        var s = 0.0
        for i in 0..<order { s += log(factors[i + i * order]) }
        return 2 * s
    }

    /// Solve `A·x = b`.
    public func solve(_ b: [Double]) throws -> [Double] {
        guard b.count == order else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "Cholesky solve", expected: "\(order) entries in the right-hand side", got: "\(b.count)")
        }
        try checkFinite(b)
        if order == 0 { return b }
        var x = b
        var n = Int32(order), nrhs: Int32 = 1, lda = Int32(order), ldb = Int32(order), info: Int32 = 0
        var uplo = UInt8(ascii: "L")
        factors.withUnsafeBufferPointer { pa in
            x.withUnsafeMutableBufferPointer { px in
                dpotrs_(&uplo, &n, &nrhs, pa.baseAddress, &lda, px.baseAddress, &ldb, &info, 1)
            }
        }
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dpotrs", argument: Int(-info)) }
        return x
    }

    /// The inverse A⁻¹ (both triangles filled; LAPACK `dpotri`).
    public func inverse() throws -> Matrix {
        if order == 0 { return Matrix(rows: 0, columns: 0) }
        var a = factors
        var n = Int32(order), lda = Int32(order), info: Int32 = 0
        var uplo = UInt8(ascii: "L")
        a.withUnsafeMutableBufferPointer { pa in dpotri_(&uplo, &n, pa.baseAddress, &lda, &info, 1) }
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dpotri", argument: Int(-info)) }
        if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info) - 1) }
        for j in 0..<order { for i in 0..<j { a[i + j * order] = a[j + i * order] } }
        return try Matrix(rows: order, columns: order, columnMajor: a)
    }
}
