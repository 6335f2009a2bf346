import NumericTestSupport
import Testing
@testable import LinearAlgebra

@Test func bestFittingLineStrangExample() throws {
    // Strang, "Introduction to Linear Algebra", §4.3: fit b = C + D·t to (0, 6), (1, 0), (2, 0).
    // Normal equations [[3, 3], [3, 5]]·(C, D) = (6, 0) ⇒ C = 5, D = −3; the error vector is
    // e = (1, −2, 1), so ‖e‖² = 6.
    let a = try Matrix([[1, 0], [1, 1], [1, 2]])
    let r = try LeastSquares.solve(a, [6, 0, 0])
    #expect(maxAbsDifference(r.x, [5, -3]) < 1e-13)
    #expect(abs(r.residualSumsOfSquares[0] - 6) < 1e-12)
    #expect(abs(r.residualNorms[0] - 6.0.squareRoot()) < 1e-12)
}

@Test func minimumNormSolutionOfUnderdeterminedSystem() throws {
    // x₁ + 2x₂ + 2x₃ = 9: the minimum-norm solution is aᵀ·9/‖a‖² = (1, 2, 2) (by hand).
    let r = try LeastSquares.solve(try Matrix([[1, 2, 2]]), [9])
    #expect(maxAbsDifference(r.x, [1, 2, 2]) < 1e-14)
    #expect(r.residualSumsOfSquares == [0])
    #expect(r.solution.rows == 3)
}

@Test func transposedLeastSquares() throws {
    // Aᵀ is the Strang matrix above, so solving with `.transposed` gives the same line.
    let a = try Matrix([[1, 1, 1], [0, 1, 2]])
    let r = try LeastSquares.solve(a, [6, 0, 0], transpose: .transposed)
    #expect(maxAbsDifference(r.x, [5, -3]) < 1e-13)
    #expect(abs(r.residualSumsOfSquares[0] - 6) < 1e-12)
}

@Test func manyRightHandSidesMatchNumpyLstsq() throws {
    // Reference: numpy 2.4.6, `X, res, rank, sv = np.linalg.lstsq(A, B, rcond=None)` with
    //   A = [[1,2,0],[0,1,1],[1,0,1],[2,1,1],[1,1,3]], B = [[1,0],[2,1],[3,0],[4,2],[5,-1]]
    // (values printed with np.set_printoptions(precision=17) and pasted below).
    let a = try Matrix([[1, 2, 0], [0, 1, 1], [1, 0, 1], [2, 1, 1], [1, 1, 3]])
    let b = try Matrix([[1, 0], [2, 1], [3, 0], [4, 2], [5, -1]])
    let r = try LeastSquares.solve(a, b)
    let expected = try Matrix([
        [1.273291925465838, 0.7267080745341618],
        [-0.03726708074534113, 0.03726708074534152],
        [1.3788819875776388, -0.37888198757764],
    ])
    #expect(try r.solution.maxAbsDifference(expected) < 1e-13)
    #expect(maxAbsDifference(r.residualSumsOfSquares, [0.7453416149068317, 3.7453416149068324]) < 1e-12)
    // Optimality: the residual is orthogonal to the columns of A, Aᵀ(B − A·X) = 0.
    let residual = try Matrix.product(a, r.solution, alpha: -1)
    var rb = b
    for k in rb.elements.indices { rb.elements[k] += residual.elements[k] }
    #expect(try Matrix.product(a, rb, transA: .transposed).maxAbs < 1e-12)
}

@Test func rankDeficientMatrixIsReported() throws {
    // The second column is zero, so R[1,1] = 0 exactly and dgels reports INFO = 2.
    let a = try Matrix([[1, 0], [2, 0], [3, 0]])
    guard case let .lapackFailure(routine, info, reason)? = thrownError({ try LeastSquares.solve(a, [1, 2, 3]) }) else {
        Issue.record("expected lapackFailure")
        return
    }
    #expect(routine == "dgels")
    #expect(info == 2)
    #expect(reason.contains("not full rank"))
}

@Test func leastSquaresRejectsBadInput() throws {
    let a = try Matrix([[1, 0], [1, 1], [1, 2]])
    guard case .dimensionMismatch? = thrownError({ try LeastSquares.solve(a, [1, 2]) }) else {
        Issue.record("expected dimensionMismatch")
        return
    }
    #expect(thrownError { try LeastSquares.solve(a, [1, .nan, 2]) } == .nonFinite(row: 1, column: 0))
    // Degenerate shapes: no unknowns ⇒ residual is b; no right-hand sides ⇒ empty solution.
    let none = try LeastSquares.solve(Matrix(rows: 2, columns: 0), [3, 4])
    #expect(none.x == [] && none.residualSumsOfSquares == [25])
    let empty = try LeastSquares.solve(a, Matrix(rows: 3, columns: 0))
    #expect(empty.solution.rows == 2 && empty.solution.columns == 0)
}
