import Dispatch
import LinearAlgebra

/// Forms `I − A` from `Z` in place, `A = Z·x̂⁻¹` (aᵢⱼ = zᵢⱼ / xⱼ, 0 for idle sectors), in one
/// parallel pass over the n² entries that also finds whether A has a negative entry and the
/// 1-norm of `I − A` (largest column sum of |·|, for the LU's condition estimate, summed as LAPACK's `dlange`).
///
/// The values are bit-identical to scaling first and negating afterwards ((−zᵢⱼ·sⱼ) + 1 on
/// the diagonal). Before: three serial passes (scale, negate, 1-norm) and a finiteness check,
/// ≈ 0.45 s at n = 7,987 on the 2-core benchmark machine (Benchmarks/README.md, IO).
struct IdentityMinusCoefficients {
    /// A has an entry below zero.
    let negative: Bool
    /// ‖I − A‖₁; not finite if an entry is NaN/±∞ (or the sum overflows).
    let oneNorm: Double
    /// aⱼⱼ as computed, to undo the pass exactly.
    private let diagonal: [Double]

    /// Turns the column-major n×n `z` into `I − A`.
    static func form(_ z: inout [Double], n: Int, inverseX: [Double]) -> IdentityMinusCoefficients {
        precondition(z.count == n * n && inverseX.count == n)
        var diagonal = [Double](repeating: 0, count: n)
        let blocks = n * n >= 1 << 20 ? Swift.min(n, 64) : 1
        var negative = [Bool](repeating: false, count: blocks)
        var norms = [Double](repeating: 0, count: blocks)
        z.withUnsafeMutableBufferPointer { zp in
            diagonal.withUnsafeMutableBufferPointer { dp in
                negative.withUnsafeMutableBufferPointer { np in
                    norms.withUnsafeMutableBufferPointer { sp in
                        let m = SharedPointer(base: zp.baseAddress!), d = SharedPointer(base: dp.baseAddress!)
                        let neg = SharedPointer(base: np.baseAddress!), norm = SharedPointer(base: sp.baseAddress!)
                        let work: @Sendable (Int) -> Void = { b in
                            var anyNegative = false, worst = 0.0
                            for j in (b * n / blocks)..<((b + 1) * n / blocks) {
                                let s = inverseX[j]
                                let column = m.base + j * n
                                var lowest = 0.0
                                for i in 0..<n {
                                    let a = column[i] * s
                                    lowest = Swift.min(lowest, a)
                                    column[i] = -a
                                }
                                d.base[j] = -column[j]
                                column[j] += 1
                                // Summed in dlange's order (the column is still in cache).
                                var sum = 0.0
                                for i in 0..<n { sum += abs(column[i]) }
                                if lowest < 0 { anyNegative = true }
                                // A NaN column sum wins and stays (as in dlange).
                                if !worst.isNaN && !(sum <= worst) { worst = sum }
                            }
                            neg.base[b] = anyNegative
                            norm.base[b] = worst
                        }
                        if blocks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: blocks, execute: work) }
                    }
                }
            }
        }
        var oneNorm = 0.0
        for v in norms where !oneNorm.isNaN && !(v <= oneNorm) { oneNorm = v }
        return IdentityMinusCoefficients(negative: negative.contains(true), oneNorm: oneNorm, diagonal: diagonal)
    }

    /// Turns `I − A` (as formed) back into `A`, exactly.
    func restoreCoefficients(_ m: inout [Double]) {
        let n = diagonal.count
        m.withUnsafeMutableBufferPointer { p in
            for k in 0..<(n * n) { p[k] = -p[k] }
            for j in 0..<n { p[j + j * n] = diagonal[j] }
        }
    }

    /// Turns `A` (as restored) into `I − A` again, with the same values as `form` gave
    /// ((−aᵢⱼ) + 1 on the diagonal).
    func reformIdentityMinusCoefficients(_ m: inout [Double]) {
        let n = diagonal.count
        m.withUnsafeMutableBufferPointer { p in
            for k in 0..<(n * n) { p[k] = -p[k] }
            for i in 0..<n { p[i + i * n] += 1 }
        }
    }
}
