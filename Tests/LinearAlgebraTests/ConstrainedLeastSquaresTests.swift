import NumericTestSupport
import Testing
@testable import LinearAlgebra

@Test func equalityConstrainedLeastSquaresMatchesScipyAndKKT() throws {
    // Reference (numpy 2.4.6 / scipy 1.17.1):
    //   A = [[1,2,0,1],[0,1,1,0],[1,0,1,3],[2,1,1,1],[1,1,3,0]]; c = [1,-2,3,0.5,4]
    //   B = [[1,1,1,1],[0,1,-1,2]]; d = [1,0.5]
    //   scipy.linalg.lapack.dgglse(A, B, c, d)[3]
    //     → [-0.28350515463917547, -0.3608247422680413, 0.8092783505154642, 0.8350515463917529]
    //   independently, the KKT system [[AᵀA, Bᵀ], [B, 0]]·[x; λ] = [Aᵀc; d] by np.linalg.solve
    //     → [-0.2835051546391749, -0.36082474226804134, 0.8092783505154638, 0.8350515463917525],
    //   i.e. x = (−55, −70, 157, 162)/194, and ‖c − A·x‖² = 12.324742268041234 (= 2391/194).
    let a = try Matrix([[1, 2, 0, 1], [0, 1, 1, 0], [1, 0, 1, 3], [2, 1, 1, 1], [1, 1, 3, 0]])
    let b = try Matrix([[1, 1, 1, 1], [0, 1, -1, 2]])
    let r = try LeastSquares.equalityConstrained(a: a, c: [1, -2, 3, 0.5, 4], b: b, d: [1, 0.5])
    #expect(maxAbsDifference(r.x, [-55.0 / 194, -70.0 / 194, 157.0 / 194, 162.0 / 194]) < 1e-13)
    #expect(abs(r.residualSumOfSquares - 2391.0 / 194) < 1e-11)
    #expect(r.constraintViolation < 1e-14)
}

@Test func equalityConstrainedWithoutConstraintsIsOrdinaryLeastSquares() throws {
    // p = 0: the Strang line fit again, x = (5, −3), ‖e‖² = 6.
    let r = try LeastSquares.equalityConstrained(
        a: try Matrix([[1, 0], [1, 1], [1, 2]]), c: [6, 0, 0], b: Matrix(rows: 0, columns: 2), d: [])
    #expect(maxAbsDifference(r.x, [5, -3]) < 1e-13)
    #expect(abs(r.residualSumOfSquares - 6) < 1e-12)
}

@Test func equalityConstrainedByHand() throws {
    // min (x₁ − 1)² + (x₂ − 3)² s.t. x₁ + x₂ = 2: project (1, 3) on the line ⇒ x = (0, 2),
    // residual (1, 1), sum of squares 2.
    let r = try LeastSquares.equalityConstrained(
        a: .identity(2), c: [1, 3], b: try Matrix([[1, 1]]), d: [2])
    #expect(maxAbsDifference(r.x, [0, 2]) < 1e-14)
    #expect(abs(r.residualSumOfSquares - 2) < 1e-14)
}

@Test func equalityConstrainedValidatesDimensionsAndRank() throws {
    let a = try Matrix([[1, 2, 0, 1], [0, 1, 1, 0], [1, 0, 1, 3], [2, 1, 1, 1], [1, 1, 3, 0]])
    let c: [Double] = [1, -2, 3, 0.5, 4]
    func mismatch(_ body: () throws -> ConstrainedLeastSquaresSolution) -> Bool {
        if case .dimensionMismatch? = thrownError(body) { return true }
        return false
    }
    // p > n: five constraints on four unknowns.
    #expect(mismatch { try LeastSquares.equalityConstrained(a: a, c: c, b: Matrix(rows: 5, columns: 4), d: [0, 0, 0, 0, 0]) })
    // n > m + p: one equation and one constraint for four unknowns.
    #expect(mismatch { try LeastSquares.equalityConstrained(a: try Matrix([[1, 1, 1, 1]]), c: [1], b: try Matrix([[1, 0, 0, 0]]), d: [1]) })
    // Column counts differ, and wrong vector lengths.
    #expect(mismatch { try LeastSquares.equalityConstrained(a: a, c: c, b: try Matrix([[1, 1, 1]]), d: [1]) })
    #expect(mismatch { try LeastSquares.equalityConstrained(a: a, c: [1, 2], b: try Matrix([[1, 1, 1, 1]]), d: [1]) })
    #expect(mismatch { try LeastSquares.equalityConstrained(a: a, c: c, b: try Matrix([[1, 1, 1, 1]]), d: [1, 2]) })
    // NaN.
    #expect(thrownError { try LeastSquares.equalityConstrained(a: a, c: c, b: try Matrix([[1, 1, 1, 1]]), d: [.nan]) }
        == .nonFinite(row: 0, column: 0))
    // rank(B) < p (a zero constraint row): dgglse INFO = 1 (confirmed with scipy's dgglse).
    guard case .lapackFailure("dgglse", 1, _)? = thrownError({
        try LeastSquares.equalityConstrained(a: a, c: c, b: try Matrix([[1, 1, 0, 0], [0, 0, 0, 0]]), d: [1, 0])
    }) else {
        Issue.record("expected dgglse INFO = 1")
        return
    }
    // rank([A; B]) < n (columns 3 and 4 are zero everywhere): INFO = 2 (confirmed with scipy).
    guard case .lapackFailure("dgglse", 2, _)? = thrownError({
        try LeastSquares.equalityConstrained(
            a: try Matrix([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0]]), c: [0, 0, 0],
            b: try Matrix([[1, 0, 0, 0]]), d: [1])
    }) else {
        Issue.record("expected dgglse INFO = 2")
        return
    }
}
