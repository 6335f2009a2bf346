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
