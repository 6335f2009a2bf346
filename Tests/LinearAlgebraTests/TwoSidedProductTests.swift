import CDenseKernels
import NumericTestSupport
import Testing
@testable import LinearAlgebra

/// `TwoSidedProduct` (the one-pass M·X and Mᵀ·W of the GMRES solves) against BLAS `dgemm`
/// (`Matrix.product`), for every instruction-set variant of its C column loop that this CPU runs.
/// Sizes cover n below and above the parallel threshold, n not a multiple of the 8 lanes, of
/// the column pairs or of the 2048-row blocks (2100), an odd number of columns per range, and
/// kt, kf around the loop's groups of 8 and 2 (0, 1, 2, 3, 7, 8, 9).
/// Tolerance: entries are in [−0.5, 0.5), so each sum of n products is off by at most
/// about n·ε·(n/4) in absolute terms; 1e-12·n relative to the sum of |products| is far above
/// rounding and far below any wrong index, which moves a sum by O(1).
@Suite struct TwoSidedProductTests {
    func random(_ rows: Int, _ columns: Int, _ rng: inout SplitMix64) -> Matrix {
        var m = Matrix(rows: rows, columns: columns)
        for k in 0..<(rows * columns) { m.elements[k] = rng.uniform() - 0.5 }
        return m
    }

    /// |a − b| within 1e-12·n·(1 + |b|) entry by entry.
    func close(_ a: Matrix, _ b: Matrix, n: Int) -> Bool {
        a.rows == b.rows && a.columns == b.columns
            && zip(a.elements, b.elements).allSatisfy { abs($0 - $1) <= 1e-12 * Double(n) * (1 + abs($1)) }
    }

    @Test(arguments: [(1, 1, 1), (5, 3, 2), (37, 9, 3), (300, 7, 2), (513, 8, 1), (2100, 2, 9), (257, 0, 4), (129, 5, 0)])
    func agreesWithDGEMM(n: Int, kt: Int, kf: Int) throws {
        var rng = SplitMix64(seed: UInt64(n * 100 + kt * 10 + kf))
        let m = random(n, n, &rng), x = random(n, kf, &rng), w = random(n, kt, &rng)
        let p = TwoSidedProduct.products(m, times: x, transposeTimes: w)
        let y = try Matrix.product(m, x), z = try Matrix.product(m, w, transA: .transposed)
        #expect(close(p.forward, y, n: n))
        #expect(close(p.transposed, z, n: n))
        // The same bits every time (fixed ranges, partial sums added in range order).
        let again = TwoSidedProduct.products(m, times: x, transposeTimes: w)
        #expect(again.forward.elements == p.forward.elements)
        #expect(again.transposed.elements == p.transposed.elements)
    }

    /// Each variant of the C loop the CPU supports (0 baseline, 1 AVX2 + FMA, 2 AVX-512F) over
    /// one column range, against dgemm; the baseline always runs.
    @Test(arguments: [0, 1, 2])
    func everyKernelVariant(variant: Int32) throws {
        let n = 203, kt = 9, kf = 3
        var rng = SplitMix64(seed: 99)
        let m = random(n, n, &rng), x = random(n, kf, &rng), w = random(n, kt, &rng)
        var y = Matrix(rows: n, columns: kf), z = Matrix(rows: n, columns: kt)
        let status = m.elements.withUnsafeBufferPointer { mp in
            x.elements.withUnsafeBufferPointer { xp in
                w.elements.withUnsafeBufferPointer { wp in
                    y.elements.withUnsafeMutableBufferPointer { yp in
                        z.elements.withUnsafeMutableBufferPointer { zp in
                            binhai_two_sided_columns_variant(
                                variant, mp.baseAddress, n, 0, n, xp.baseAddress, kf, wp.baseAddress, kt,
                                yp.baseAddress, zp.baseAddress)
                        }
                    }
                }
            }
        }
        if variant == 0 { #expect(status == 0) }
        guard status == 0 else { return }  // this CPU lacks the instruction set
        #expect(close(y, try Matrix.product(m, x), n: n))
        #expect(close(z, try Matrix.product(m, w, transA: .transposed), n: n))
    }

    @Test func namesItsKernel() {
        #expect(["avx512f", "avx2+fma", "baseline"].contains(TwoSidedProduct.kernel))
    }
}
