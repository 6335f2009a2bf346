import CLinearAlgebra
import Foundation

/// The short probe `BLASKernelChoice` times each kernel family with: the two operations the
/// toolkit's large work is made of — a dgemm (n = 512) and an LU factorisation, dgetrf
/// (n = 1536, large enough for the blocked code paths of big tables) — on fixed, well-conditioned matrices, calling BLAS/LAPACK directly so that only
/// the kernels are timed (the copy of the input before each factorisation is outside the clock).
/// `seconds()` returns the best of `repeats` runs, the one least disturbed by other load; about
/// 0.1 s per run on one core of the 2-core machine. Run it with one BLAS thread
/// (`OPENBLAS_NUM_THREADS=1`, as the kernel choice does): a family's speed is its kernels', and
/// one thread is not disturbed by the other core's load.
public enum BLASKernelProbe {
    public static func seconds(repeats: Int = 5, gemmOrder g: Int = 512, luOrder n: Int = 1536) -> Double {
        let a = matrix(g, seed: 1).elements, b = matrix(g, seed: 2).elements
        var c = [Double](repeating: 0, count: g * g)
        let lu = matrix(n, seed: 3).elements
        var work = lu
        var ipiv = [Int32](repeating: 0, count: n)
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
            work.withUnsafeMutableBufferPointer { w in lu.withUnsafeBufferPointer { w.baseAddress!.update(from: $0.baseAddress!, count: $0.count) } }
            var nn = Int32(n), lda = Int32(n), info: Int32 = 0
            let start = DispatchTime.now().uptimeNanoseconds
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        cblas_dgemm(
                            CblasColMajor, CblasNoTrans, CblasNoTrans, Int32(g), Int32(g), Int32(g), 1, pa.baseAddress, Int32(g),
                            pb.baseAddress, Int32(g), 0, pc.baseAddress, Int32(g))
                    }
                }
            }
            work.withUnsafeMutableBufferPointer { pw in dgetrf_(&nn, &nn, pw.baseAddress, &lda, &ipiv, &info) }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            guard info == 0, c[0].isFinite else { return .nan }
            best = min(best, elapsed)
        }
        return best
    }

    /// An n × n matrix with entries in [0, 1) from a fixed linear congruential sequence, plus n on
    /// the diagonal (diagonally dominant: LU needs no large pivots).
    static func matrix(_ n: Int, seed: UInt64) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        var x = seed &* 0x9E37_79B9_7F4A_7C15
        for k in 0..<(n * n) {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            m.elements[k] = Double(x >> 11) / Double(1 << 53)
        }
        for i in 0..<n { m.elements[i * n + i] += Double(n) }
        return m
    }
}
