import Testing
@testable import LinearAlgebra

@Test func matrixLayoutAndAccessors() throws {
    let m = try Matrix([[1, 2, 3], [4, 5, 6]])
    #expect(m.elements == [1, 4, 2, 5, 3, 6])  // column-major
    #expect(m[1, 2] == 6)
    #expect(m.column(1) == [2, 5])
    #expect(m.row(0) == [1, 2, 3])
    #expect(m.rowArrays == [[1, 2, 3], [4, 5, 6]])
    #expect(m.columnSums == [5, 7, 9])
    #expect(m.rowSums == [6, 15])
    #expect(m.transposed.rowArrays == [[1, 4], [2, 5], [3, 6]])
    #expect(thrownError { try Matrix([[1, 2], [3]]) } != nil)
    #expect(thrownError { try Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 3]) } != nil)
    // rows·columns overflows Int: an error, not a trap.
    #expect(thrownError { try Matrix(rows: Int.max, columns: 2, columnMajor: []) } != nil)
}

@Test func matrixNorms() throws {
    let m = try Matrix([[3, -4], [0, 12]])
    // ‖·‖_F = √(9 + 16 + 144) = 13; ‖·‖₁ = max(3, 16) = 16; ‖·‖_∞ = max(7, 12) = 12.
    #expect(m.frobeniusNorm == 13)
    #expect(m.oneNorm == 16)
    #expect(m.infinityNorm == 12)
    #expect(m.maxAbs == 12)
    #expect(try m.maxAbsDifference(try Matrix([[3, -4], [0.5, 12]])) == 0.5)
    #expect(thrownError { try m.maxAbsDifference(.identity(3)) } != nil)
    // Scaling keeps huge entries from overflowing: ‖(3·10²⁰⁰, 4·10²⁰⁰)‖ = 5·10²⁰⁰.
    let big = Matrix(column: [3e200, 4e200])
    #expect(abs(big.frobeniusNorm / 5e200 - 1) < 1e-15)
}

@Test func productsMatchHandComputation() throws {
    let a = try Matrix([[1, 2], [3, 4]])
    let b = try Matrix([[5, 6], [7, 8]])
    #expect(try (a * b).rowArrays == [[19, 22], [43, 50]])
    #expect(try Matrix.product(a, b, transA: .transposed).rowArrays == [[26, 30], [38, 44]])
    #expect(try Matrix.product(a, b, transB: .transposed, alpha: 2).rowArrays == [[34, 46], [78, 106]])
    #expect(try a.multiply([1, 1]) == [3, 7])
    #expect(try a.multiply([1, 1], .transposed) == [4, 6])
    #expect(thrownError { try a * Matrix(rows: 3, columns: 1) } != nil)
}

@Test func allFiniteCheckFindsEveryNonFiniteEntry() throws {
    // Σ 0·vₖ is ±0 exactly when every entry is finite: checked in the eight-lane body and in the
    // tail, for ∞, −∞ and NaN, and with −0 and huge finite values (which must not count).
    for count in [0, 1, 7, 8, 9, 64, 67] {
        var values: [Double] = []
        for k in 0..<count {
            let v: Double = k % 3 == 0 ? -0.0 : (k % 3 == 1 ? 1e308 : -Double(k))
            values.append(v)
        }
        let m = try Matrix(rows: 1, columns: count, columnMajor: values)
        #expect(m.isAllFinite, "count \(count)")
        for position in [0, count / 2, count - 1] where count > 0 {
            for bad in [Double.infinity, -Double.infinity, Double.nan] {
                let saved = values[position]
                values[position] = bad
                let withBad = try Matrix(rows: 1, columns: count, columnMajor: values)
                #expect(!withBad.isAllFinite, "count \(count) position \(position) \(bad)")
                #expect(thrownError { try withBad.checkFinite() } != nil)
                values[position] = saved
            }
        }
    }
}

@Test func luWithTheCallersOneNormEqualsThePlainFactorisation() throws {
    // The norm handed over (as `LeontiefModel` does) is the one dlange computes, and the factors
    // are the same.
    let a = try Matrix([[4, -2, 1], [3, 6, -4], [2, 1, 8]])
    let plain = try LUFactorization(a)
    // ‖a‖₁ = max(4 + 3 + 2, 2 + 6 + 1, 1 + 4 + 8) = 13.
    #expect(plain.oneNorm == 13)
    let given = try LUFactorization(a, checkedOneNorm: 13)
    #expect(given.factors == plain.factors && given.pivots == plain.pivots)
    #expect(try given.reciprocalConditionNumber() == plain.reciprocalConditionNumber())
}
