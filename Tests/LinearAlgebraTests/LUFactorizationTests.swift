import NumericTestSupport
import Testing
@testable import LinearAlgebra

@Test func inverseOfTwoByTwoMatchesHandFormula() throws {
    // [[4, 7], [2, 6]]⁻¹ = 1/(4·6 − 7·2) · [[6, −7], [−2, 4]] (adjugate formula, by hand).
    let a = try Matrix([[4, 7], [2, 6]])
    let inv = try LUFactorization(a).inverse()
    #expect(try inv.maxAbsDifference(Matrix([[0.6, -0.7], [-0.2, 0.4]])) < 1e-15)
    #expect(try (a * inv).maxAbsDifference(.identity(2)) < 1e-14)
}

@Test func inverseTimesMatrixIsIdentityForThreeByThree() throws {
    let a = try Matrix([[3, -1, 2], [1, 4, -2], [2, 0, 5]])
    let inv = try LUFactorization(a).inverse()
    #expect(try (a * inv).maxAbsDifference(.identity(3)) < 1e-14)
    #expect(try (inv * a).maxAbsDifference(.identity(3)) < 1e-14)
}

@Test func solveManyRightHandSidesHasZeroResidual() throws {
    let a = try Matrix([[3, -1, 2], [1, 4, -2], [2, 0, 5]])
    let b = try Matrix([[1, 0, 2], [0, 1, -1], [4, 2, 0]])
    let x = try LUFactorization(a).solve(b)
    let residual = try (a * x).maxAbsDifference(b)
    #expect(residual < 1e-14)
}

@Test func transposedSolve() throws {
    // A = [[1, 2], [3, 4]]; Aᵀx = [7, 10] ⇔ x₁ + 3x₂ = 7, 2x₁ + 4x₂ = 10 ⇒ x = (1, 2) by hand.
    let lu = try LUFactorization(try Matrix([[1, 2], [3, 4]]))
    let x = try lu.solve([7, 10], .transposed)
    #expect(maxAbsDifference(x, [1, 2]) < 1e-14)
    // And the untransposed system with the same factors: x₁ + 2x₂ = 5, 3x₁ + 4x₂ = 11 ⇒ (1, 2).
    #expect(maxAbsDifference(try lu.solve([5, 11]), [1, 2]) < 1e-14)
}

@Test func singularMatrixReportsTheZeroPivot() throws {
    // Rows 1 and 2 are proportional: after pivoting, U[1,1] = 2 − ½·4 = 0 exactly.
    #expect(thrownError { try LUFactorization(try Matrix([[1, 2], [2, 4]])) } == .singular(pivot: 1))
    // All-zero first column: the very first pivot is zero.
    #expect(thrownError { try LUFactorization(try Matrix([[0, 1], [0, 3]])) } == .singular(pivot: 0))
    // Row 2 = 2·row 1; with partial pivoting (all multipliers powers of two, exact) the zero
    // shows up at the third pivot: U = [[4, 2, 2], [0, −½, ½], [0, 0, 0]].
    #expect(thrownError { try LUFactorization(try Matrix([[2, 1, 1], [4, 2, 2], [1, 0, 1]])) } == .singular(pivot: 2))
}

@Test func luRejectsBadShapesAndNonFiniteInput() throws {
    guard case .dimensionMismatch? = thrownError({ try LUFactorization(Matrix(rows: 2, columns: 3)) }) else {
        Issue.record("expected dimensionMismatch for a 2×3 matrix")
        return
    }
    #expect(thrownError { try LUFactorization(try Matrix([[1, .nan], [0, 1]])) } == .nonFinite(row: 0, column: 1))
    #expect(thrownError { try LUFactorization(try Matrix([[1, 0], [.infinity, 1]])) } == .nonFinite(row: 1, column: 0))
    let lu = try LUFactorization(.identity(2))
    guard case .dimensionMismatch? = thrownError({ try lu.solve([1, 2, 3]) }) else {
        Issue.record("expected dimensionMismatch for a right-hand side of length 3")
        return
    }
    #expect(thrownError { try lu.solve([1, .nan]) } == .nonFinite(row: 1, column: 0))
}

@Test func conditionNumberOfDiagonalMatrix() throws {
    // diag(1, 10⁻³): ‖A‖₁ = 1, ‖A⁻¹‖₁ = 1000, so rcond = 10⁻³ exactly (dgecon is exact here).
    let lu = try LUFactorization(try Matrix([[1, 0], [0, 1e-3]]))
    #expect(abs(try lu.reciprocalConditionNumber() - 1e-3) < 1e-15)
    #expect(lu.diagonalOfU == [1, 1e-3])
    #expect(lu.order == 2)
}
