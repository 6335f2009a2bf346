import CLinearAlgebra

/// Whether an operand enters a product as itself or transposed.
public enum Transpose: Sendable {
    /// `op(A) = A`.
    case none
    /// `op(A) = Aᵀ` (no copy is made: BLAS/LAPACK read the stored matrix transposed).
    case transposed
    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
    var lapack: UInt8 { self == .none ? UInt8(ascii: "N") : UInt8(ascii: "T") }
}

extension Matrix {
    /// General product `alpha · op(A) · op(B)` through BLAS level 3 (`cblas_dgemm`).
    /// - Throws: `dimensionMismatch` when the inner dimensions differ.
    public static func product(
        _ a: Matrix, _ b: Matrix, transA: Transpose = .none, transB: Transpose = .none,
        alpha: Double = 1
    ) throws -> Matrix {
        let (m, ka) = transA == .none ? (a.rows, a.columns) : (a.columns, a.rows)
        let (kb, n) = transB == .none ? (b.rows, b.columns) : (b.columns, b.rows)
        guard ka == kb else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "matrix product", expected: "inner dimension \(ka)", got: "\(kb)")
        }
        var c = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 { return c }
        if ka == 0 { return c }
        let op = "matrix product"
        let (mm, nn, kk) = (try lapackInt(m, "rows", operation: op), try lapackInt(n, "columns", operation: op),
                            try lapackInt(ka, "inner dimension", operation: op))
        let lda = try lapackInt(Swift.max(a.rows, 1), "leading dimension", operation: op)
        let ldb = try lapackInt(Swift.max(b.rows, 1), "leading dimension", operation: op)
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.elements.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(
                        CblasColMajor, transA.cblas, transB.cblas, mm, nn, kk,
                        alpha, pa.baseAddress, lda, pb.baseAddress, ldb, 0, pc.baseAddress, mm)
                }
            }
        }
        return c
    }

    /// `A · B` (BLAS `dgemm`).
    public static func * (a: Matrix, b: Matrix) throws -> Matrix { try product(a, b) }

    /// Matrix–vector product `op(A) · v` through BLAS level 2 (`cblas_dgemv`).
    public func multiply(_ v: [Double], _ trans: Transpose = .none) throws -> [Double] {
        let (m, n) = trans == .none ? (rows, columns) : (columns, rows)
        guard v.count == n else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "matrix-vector product", expected: "vector of length \(n)",
                got: "\(v.count)")
        }
        var y = [Double](repeating: 0, count: m)
        if m == 0 || n == 0 { return y }
        let op = "matrix-vector product"
        let r32 = try lapackInt(rows, "rows", operation: op)
        let c32 = try lapackInt(columns, "columns", operation: op)
        elements.withUnsafeBufferPointer { pa in
            v.withUnsafeBufferPointer { pv in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(
                        CblasColMajor, trans.cblas, r32, c32, 1, pa.baseAddress,
                        Swift.max(r32, 1), pv.baseAddress, 1, 0, py.baseAddress, 1)
                }
            }
        }
        return y
    }
}
