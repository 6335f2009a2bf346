import CLinearAlgebra

/// LU factorisation with partial pivoting, `P·A = L·U`, by column recursion around the BLAS
/// (Toledo's recursive LU, as LAPACK's `dgetrf2` but with `dgetrf` at the leaves): for an
/// m × n block with k = min(m, n) > `leaf`, split the columns at n₁ ≈ k / 2 (a multiple of
/// `leaf`),
///
///     factor the left m × n₁ panel (recursively) → P₁, L₁₁, L₂₁, U₁₁
///     A₁₂ ← L₁₁⁻¹ · P₁A₁₂          (dlaswp, dtrsm)
///     A₂₂ ← A₂₂ − L₂₁ · A₁₂         (dgemm)
///     factor A₂₂ (recursively) → P₂, and apply P₂ to L₂₁ (dlaswp)
///
/// with the right-hand updates done in column slabs of at most `slab` columns. The result is
/// what `dgetrf` leaves: L (unit diagonal) and U packed in place, 1-based global pivots, the
/// same pivots as `dgetrf` (the same partial-pivoting choices, computed in another order; the
/// factors agree to rounding).
///
/// Why not `dgetrf` itself for large matrices: OpenBLAS's threaded `dgetrf` packs the panel it
/// is eliminating, the full height of the matrix times its GEMM depth (384 for its
/// SkylakeX/Cooperlake kernels), into its threads' buffers: 25.5 MB at n = 7,987, 5 % of the
/// matrix, and the bulk of what `io analyze` holds above the matrix at its peak. Here the
/// leaves pack at most m × `leaf` and the slabbed updates at most (GEMM depth) × `slab` per
/// call. Measured with Debian's OpenBLAS 0.3.21 on a 2-core AMD EPYC (Cooperlake kernels),
/// n = 7,987, I − A-like matrix, peak RSS above the matrix and time, three interleaved rounds:
/// `dgetrf` 25.5 MB, 3.54–3.69 s; this with leaf 128, slab 2048: 8.0 MB, 3.68–3.78 s (≈ 3 %
/// slower: its slabs re-pack L₂₁ once per slab); slab 1024: 4.9 MB, 3.77–3.80 s.
/// (Benchmarks/README.md, "A recursive LU".)
enum RecursiveLU {
    /// Columns at and below which `dgetrf` factors a block directly.
    static let defaultLeaf: Int32 = 128
    /// Widest slab of columns updated by one `dtrsm` / `dgemm` call.
    static let defaultSlab: Int32 = 2048

    /// Factors the m × n block at `a` (leading dimension `lda`, column-major) in place and
    /// writes min(m, n) pivots, 1-based and relative to the block, to `ipiv`.
    /// - Returns: LAPACK's `info`: 0, or i > 0 when U(i, i) (1-based) is exactly zero (the
    ///   factorisation is completed, as with `dgetrf`).
    static func factor(
        rows m: Int32, columns n: Int32, _ a: UnsafeMutablePointer<Double>, lda: Int32,
        pivots ipiv: UnsafeMutablePointer<Int32>, leaf: Int32 = defaultLeaf, slab: Int32 = defaultSlab
    ) -> Int32 {
        var m = m, n = n, lda = lda
        let k = Swift.min(m, n)
        if k <= Swift.max(leaf, 1) {
            var info: Int32 = 0
            dgetrf_(&m, &n, a, &lda, ipiv, &info)
            return info
        }
        var n1 = (k / 2 + leaf - 1) / leaf * leaf
        if n1 >= k { n1 = k / 2 }
        let n2 = n - n1
        let ld = Int(lda)
        var info = factor(rows: m, columns: n1, a, lda: lda, pivots: ipiv, leaf: leaf, slab: slab)
        let below = m - n1
        var one: Int32 = 1, left = n1
        var j: Int32 = 0
        while j < n2 {
            var w = Swift.min(slab, n2 - j)
            let b = a + Int(n1 + j) * ld
            dlaswp_(&w, b, &lda, &one, &left, ipiv, &one)
            cblas_dtrsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasUnit,
                        n1, w, 1, a, lda, b, lda)
            if below > 0 {
                cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, below, w, n1,
                            -1, a + Int(n1), lda, b, lda, 1, b + Int(n1), lda)
            }
            j += w
        }
        let k2 = Swift.min(below, n2)
        if k2 <= 0 { return info }
        let info2 = factor(
            rows: below, columns: n2, a + Int(n1) * ld + Int(n1), lda: lda, pivots: ipiv + Int(n1),
            leaf: leaf, slab: slab)
        if info == 0 && info2 > 0 { info = info2 + n1 }
        for i in 0..<Int(k2) { ipiv[Int(n1) + i] += n1 }
        var first = n1 + 1, last = n1 + k2
        dlaswp_(&left, a, &lda, &first, &last, ipiv, &one)
        return info
    }
}
