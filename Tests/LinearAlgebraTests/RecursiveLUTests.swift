import CLinearAlgebra
import Testing
@testable import LinearAlgebra

/// `RecursiveLU` against LAPACK's own `dgetrf` (the reference it replaces for large matrices)
/// on the same matrices: the same pivots, factors equal to rounding, and P·A = L·U.
/// Tolerances: entries are below 1 in magnitude and the growth of partial pivoting on these
/// random matrices is small, so rounding differences stay near n·ε ≈ 10⁻¹³ (n ≤ 600,
/// ε = 2.2·10⁻¹⁶); 10⁻¹¹ / 10⁻¹² leave a margin, while a wrong interchange or update changes
/// entries by O(1).

/// Uniform numbers in [−0.5, 0.5) from a 64-bit LCG (Knuth's MMIX constants), column-major.
private func randomMatrix(_ m: Int, _ n: Int, seed: UInt64) -> [Double] {
    var s = seed
    return (0..<(m * n)).map { _ in
        s = s &* 6364136223846793005 &+ 1442695040888963407
        return Double(s >> 11) / 9007199254740992.0 - 0.5
    }
}

private func dgetrfReference(_ a: inout [Double], _ m: Int, _ n: Int) -> (pivots: [Int32], info: Int32) {
    var mm = Int32(m), nn = Int32(n), lda = Int32(max(m, 1)), info: Int32 = 0
    var ipiv = [Int32](repeating: 0, count: min(m, n))
    dgetrf_(&mm, &nn, &a, &lda, &ipiv, &info)
    return (ipiv, info)
}

private func recursive(_ a: inout [Double], _ m: Int, _ n: Int, leaf: Int32, slab: Int32) -> (pivots: [Int32], info: Int32) {
    var ipiv = [Int32](repeating: 0, count: min(m, n))
    let info = a.withUnsafeMutableBufferPointer { pa in
        ipiv.withUnsafeMutableBufferPointer { pp in
            RecursiveLU.factor(
                rows: Int32(m), columns: Int32(n), pa.baseAddress!, lda: Int32(m),
                pivots: pp.baseAddress!, leaf: leaf, slab: slab)
        }
    }
    return (ipiv, info)
}

/// max |(P·A − L·U)ᵢⱼ| for the packed factors of an m × n matrix (square or not).
private func reconstructionError(_ original: [Double], _ lu: [Double], _ pivots: [Int32], _ m: Int, _ n: Int) -> Double {
    var pa = original
    for (i, p) in pivots.enumerated() where Int(p) - 1 != i {
        for j in 0..<n { pa.swapAt(i + j * m, Int(p) - 1 + j * m) }
    }
    let k = min(m, n)
    var worst = 0.0
    for j in 0..<n {
        for i in 0..<m {
            var sum = 0.0
            for t in 0...min(i, j, k - 1) {
                sum += (t == i ? 1.0 : lu[i + t * m]) * lu[t + j * m]
            }
            worst = max(worst, abs(pa[i + j * m] - sum))
        }
    }
    return worst
}

@Test(arguments: [
    (300, 300, Int32(32), Int32(50)), (200, 130, Int32(16), Int32(7)), (130, 200, Int32(16), Int32(7)),
    (129, 129, Int32(128), Int32(1)), (257, 257, Int32(64), Int32(2048)),
])
func recursiveLUGivesDgetrfsPivotsAndFactors(m: Int, n: Int, leaf: Int32, slab: Int32) {
    let a = randomMatrix(m, n, seed: UInt64(m * 1000 + n))
    var reference = a, ours = a
    let r = dgetrfReference(&reference, m, n)
    let o = recursive(&ours, m, n, leaf: leaf, slab: slab)
    #expect(o.info == 0 && r.info == 0)
    // A random matrix pivots at almost every step, so equal pivots test the row interchanges.
    #expect(r.pivots.enumerated().filter { Int($0.element) - 1 != $0.offset }.count > min(m, n) / 2)
    #expect(o.pivots == r.pivots)
    let difference = zip(reference, ours).map { abs($0 - $1) }.max() ?? 0
    #expect(difference < 1e-11)
    #expect(reconstructionError(a, ours, o.pivots, m, n) < 1e-12)
}

@Test func recursiveLUReportsTheFirstZeroPivotAsDgetrfDoes() {
    // Column 250 (0-based 249) is zero: it stays zero under every elimination step, so U(250, 250)
    // is exactly 0 and both report info = 250; column 10 (0-based) zero as well gives info = 11
    // (the first), found in the left half of the recursion.
    let n = 300
    for zeroColumns in [[249], [10, 249]] {
        var a = randomMatrix(n, n, seed: 7)
        for j in zeroColumns { for i in 0..<n { a[i + j * n] = 0 } }
        var reference = a, ours = a
        let r = dgetrfReference(&reference, n, n)
        let o = recursive(&ours, n, n, leaf: 32, slab: 64)
        #expect(r.info == Int32(zeroColumns[0] + 1))
        #expect(o.info == r.info)
        #expect(o.pivots == r.pivots)
    }
}

@Test func largeLUFactorizationSolvesThroughTheRecursiveDriver() throws {
    // n = 600 > the default leaf (128): LUFactorization goes through RecursiveLU. A·x = b with a
    // known x (b computed from it); the solve must give x back, with dgetrf's pivots and factors.
    let n = 600
    var values = randomMatrix(n, n, seed: 42)
    for i in 0..<n { values[i + i * n] += 2 }  // well conditioned
    let a = try Matrix(rows: n, columns: n, columnMajor: values)
    let x = (0..<n).map { Double($0 % 7) - 3 }
    let b = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + values[i + $1 * n] * x[$1] } }
    let lu = try LUFactorization(a)
    let solved = try lu.solve(b)
    #expect(zip(solved, x).map { abs($0 - $1) }.max()! < 1e-12)
    var reference = values
    let r = dgetrfReference(&reference, n, n)
    #expect(lu.pivots == r.pivots)
    #expect(zip(lu.factors, reference).map { abs($0 - $1) }.max()! < 1e-12)
}
