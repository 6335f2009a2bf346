import Testing
@testable import InputOutput
import LinearAlgebra

/// The one-pass `I − A` against the definition computed the slow way: A = Z·x̂⁻¹ column by
/// column, then I − A; the sign flag, the 1-norm (as LAPACK's dlange gives it through
/// `LUFactorization`) and the exact way back to A and forth again.
@Suite struct IdentityMinusCoefficientsTests {
    /// Z (column-major n×n) with entries in [0, 10), or [−5, 5) with negatives, and 1/x.
    static func table(n: Int, negatives: Bool, seed: UInt64) -> (z: [Double], inverseX: [Double]) {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) * 0x1.0p-53
        }
        let z = (0..<(n * n)).map { _ in negatives ? next() * 10 - 5 : next() * 10 }
        let inverseX = (0..<n).map { j in j == 1 ? 0 : 1 / (50 + 100 * next()) }  // sector 1 idle
        return (z, inverseX)
    }

    @Test(arguments: [(5, false), (5, true), (1100, false), (1100, true)])
    func onePassEqualsScaleThenNegate(n: Int, negatives: Bool) throws {
        // n = 1100: 1.2 M entries, so the parallel path (64 column blocks) runs.
        let (z, inverseX) = Self.table(n: n, negatives: negatives, seed: UInt64(n) &+ (negatives ? 7 : 0))
        var a = z
        var anyNegative = false
        for j in 0..<n { for i in 0..<n { a[i + j * n] *= inverseX[j]; if a[i + j * n] < 0 { anyNegative = true } } }
        var expected = a
        for k in 0..<(n * n) { expected[k] = -expected[k] }
        for i in 0..<n { expected[i + i * n] += 1 }

        var m = z
        let formed = IdentityMinusCoefficients.form(&m, n: n, inverseX: inverseX)
        #expect(m.map(\.bitPattern) == expected.map(\.bitPattern))
        #expect(formed.negative == anyNegative && formed.negative == negatives)
        let reference = try LUFactorization(try Matrix(rows: n, columns: n, columnMajor: expected))
        #expect(formed.oneNorm == reference.oneNorm)
        formed.restoreCoefficients(&m)
        #expect(m.map(\.bitPattern) == a.map(\.bitPattern))
        formed.reformIdentityMinusCoefficients(&m)
        #expect(m.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test func aNonFiniteEntryMakesTheNormNonFinite() {
        var (z, inverseX) = Self.table(n: 6, negatives: false, seed: 3)
        z[4 + 2 * 6] = .nan
        #expect(!IdentityMinusCoefficients.form(&z, n: 6, inverseX: inverseX).oneNorm.isFinite)
        var (w, wx) = Self.table(n: 6, negatives: false, seed: 4)
        w[0] = .infinity
        #expect(!IdentityMinusCoefficients.form(&w, n: 6, inverseX: wx).oneNorm.isFinite)
    }
}
