import CDenseKernels
import Dispatch

/// `Y = M·X` and `Z = Mᵀ·W` for one square column-major matrix `M` (n × n) in a single pass
/// over its entries.
///
/// Column mⱼ of M is read once and gives both `Zⱼc = mⱼ · W[:, c]` for every column c of W
/// (dot products) and `Y[:, c] += Xⱼc · mⱼ` for every column c of X (axpy). When M is far
/// larger than the caches (`I − A` of an EXIOBASE-size table is 510 MB), both products cost
/// one trip through memory, where OpenBLAS's `dgemm` with a few columns costs two slower ones
/// (Benchmarks/README.md, IO, "Krylov solves", has the measurement that justifies the hand
/// loop). The column loop is C (`CDenseKernels`), compiled for AVX-512F, AVX2 + FMA and the
/// baseline and picked at run time, since Swift compiles a function for one instruction set.
///
/// The columns are split into a fixed number of ranges (not one per core), each with its own
/// partial Y, added in range order: the results are the same bits at any thread count.
public enum TwoSidedProduct {
    /// Column ranges (each with a partial Y) for a large matrix; fixed, so that the
    /// results do not depend on the number of cores.
    static let ranges = 8

    /// The instruction-set variant the column loop uses on this CPU: "avx512f", "avx2+fma" or
    /// "baseline" (for `binhai doctor`).
    public static var kernel: String { String(cString: binhai_two_sided_kernel()) }

    /// The `apply` of `LockstepGMRES` for systems `M·x_c = b_c` (columns c below
    /// `forwardColumns`) and `Mᵀ·x_c = b_c` (the others): each step's block is split, both
    /// products are made in one pass, and the results are put back in the block's order.
    public static func lockstepOperator(_ m: Matrix, forwardColumns: Int) -> ([Int], Matrix) -> Matrix {
        { columns, block in
            let n = m.rows
            // The active columns come in increasing order, so the forward ones are first.
            let f = columns.prefix { $0 < forwardColumns }.count
            var x = Matrix(rows: n, columns: f), w = Matrix(rows: n, columns: columns.count - f)
            x.elements = Array(block.elements[0..<(n * f)])
            w.elements = Array(block.elements[(n * f)...])
            let p = products(m, times: x, transposeTimes: w)
            var out = Matrix(rows: n, columns: columns.count)
            out.elements = p.forward.elements + p.transposed.elements
            return out
        }
    }

    /// `(M·X, Mᵀ·W)` in one pass over `m`.
    /// - Parameters:
    ///   - m: n × n.
    ///   - x: n × kf (kf may be 0).
    ///   - w: n × kt (kt may be 0).
    /// - Returns: `forward` = M·X (n × kf), `transposed` = Mᵀ·W (n × kt).
    /// - Precondition: `m` is square and `x`, `w` have its number of rows (a programming error
    ///   otherwise; the callers build all three from one table).

    public static func products(
        _ m: Matrix, times x: Matrix, transposeTimes w: Matrix
    ) -> (forward: Matrix, transposed: Matrix) {
        let n = m.rows
        precondition(m.columns == n && x.rows == n && w.rows == n, "TwoSidedProduct: dimensions")
        let kf = x.columns, kt = w.columns
        var z = Matrix(rows: n, columns: kt)
        var y = Matrix(rows: n, columns: kf)
        guard n > 0, kf + kt > 0 else { return (y, z) }
        let blocks = n * n >= 1 << 16 ? Swift.min(ranges, n) : 1
        var partial = [Double](repeating: 0, count: blocks * n * kf)
        m.elements.withUnsafeBufferPointer { mp in
            x.elements.withUnsafeBufferPointer { xp in
                w.elements.withUnsafeBufferPointer { wp in
                    z.elements.withUnsafeMutableBufferPointer { zp in
                        partial.withUnsafeMutableBufferPointer { pp in
                            let mb = SharedPointer(base: UnsafeMutablePointer(mutating: mp.baseAddress!))
                            let xb = SharedPointer(base: UnsafeMutablePointer(mutating: xp.baseAddress ?? mp.baseAddress!))
                            let wb = SharedPointer(base: UnsafeMutablePointer(mutating: wp.baseAddress ?? mp.baseAddress!))
                            let zb = SharedPointer(base: zp.baseAddress ?? UnsafeMutablePointer(mutating: mp.baseAddress!))
                            let pb = SharedPointer(base: pp.baseAddress ?? UnsafeMutablePointer(mutating: mp.baseAddress!))
                            let work: @Sendable (Int) -> Void = { b in
                                binhai_two_sided_columns(
                                    mb.base, n, b * n / blocks, (b + 1) * n / blocks, xb.base, kf, wb.base, kt,
                                    pb.base + b * n * kf, zb.base)
                            }
                            if blocks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: blocks, execute: work) }
                        }
                    }
                }
            }
        }
        // Partial Y's added in range order.
        let size = n * kf
        y.elements.withUnsafeMutableBufferPointer { yp in
            partial.withUnsafeBufferPointer { pp in
                for b in 0..<blocks {
                    let p = pp.baseAddress! + b * size
                    for k in 0..<size { yp[k] += p[k] }
                }
            }
        }
        return (y, z)
    }
}
