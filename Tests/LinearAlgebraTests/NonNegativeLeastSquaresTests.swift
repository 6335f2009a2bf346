import NumericTestSupport
import Testing
@testable import LinearAlgebra

// Reference values: scipy 1.17.1 / numpy 2.4.6,
//   from scipy.optimize import nnls
//   x, rnorm = nnls(A, b)
// printed with np.set_printoptions(precision=17); the exact fractions noted were recognised from
// the printed decimals and satisfy the KKT conditions checked in `expectKKT`.

/// Lawson–Hanson optimality: x ≥ 0, w = Aᵀ(b − Ax) ≈ 0 where x > 0 and w ≤ 0 where x = 0.
func expectKKT(_ r: NonNegativeLeastSquaresSolution, tolerance: Double = 1e-10) {
    for (j, xj) in r.x.enumerated() {
        #expect(xj >= 0)
        if xj > 0 { #expect(abs(r.dual[j]) < tolerance) } else { #expect(r.dual[j] < tolerance) }
    }
}

@Test func nnlsScipyDocstringExample() throws {
    // scipy's docstring: A = [[1,0],[1,0],[0,1]], b = [2,1,1] → x = [1.5, 1], rnorm = 0.7071067811865475.
    let a = try Matrix([[1, 0], [1, 0], [0, 1]])
    let r = try LeastSquares.nonNegative(a, [2, 1, 1])
    #expect(maxAbsDifference(r.x, [1.5, 1]) < 1e-14)
    #expect(abs(r.residualNorm - 0.7071067811865476) < 1e-14)
    #expect(r.passiveSet == [0, 1])
    expectKKT(r)
    // b = [−1, −1, −1] → x = 0, rnorm = √3 (docstring).
    let z = try LeastSquares.nonNegative(a, [-1, -1, -1])
    #expect(z.x == [0, 0])
    #expect(abs(z.residualNorm - 3.0.squareRoot()) < 1e-14)
    #expect(z.passiveSet.isEmpty)
}

@Test func nnlsWithOneActiveVariable() throws {
    // A = [[1,2,3],[4,5,6],[7,8,10],[1,-1,2]], b = [1,-2,3,0.5]
    // scipy: x = [0, 0, 0.14765100671140938] (= 22/149), rnorm = 3.3168777264694262.
    let a = try Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 10], [1, -1, 2]])
    let r = try LeastSquares.nonNegative(a, [1, -2, 3, 0.5])
    #expect(maxAbsDifference(r.x, [0, 0, 22.0 / 149]) < 1e-14)
    #expect(abs(r.residualNorm - 3.3168777264694262) < 1e-13)
    #expect(r.passiveSet == [2])
    expectKKT(r)
}

@Test func nnlsSixByFive() throws {
    // A = [[2,1,0,1,3],[1,-1,2,0,1],[0,3,1,-2,1],[1,1,1,1,1],[3,0,-1,1,2],[1,2,-2,1,0]]
    // b = [4,-1,2,3,1,-2]
    // scipy: x = [0, 0.38144329896907225, 0.5154639175257733, 0.16494845360824792, 0.8762886597938143]
    //          (= (0, 37, 50, 16, 85)/97), rnorm = 3.462613279251594.
    let a = try Matrix([
        [2, 1, 0, 1, 3], [1, -1, 2, 0, 1], [0, 3, 1, -2, 1], [1, 1, 1, 1, 1], [3, 0, -1, 1, 2], [1, 2, -2, 1, 0],
    ])
    let b: [Double] = [4, -1, 2, 3, 1, -2]
    let r = try LeastSquares.nonNegative(a, b)
    #expect(maxAbsDifference(r.x, [0, 37.0 / 97, 50.0 / 97, 16.0 / 97, 85.0 / 97]) < 1e-13)
    #expect(abs(r.residualNorm - 3.462613279251594) < 1e-13)
    #expect(r.passiveSet == [1, 2, 3, 4])
    expectKKT(r)
    // With a single subproblem allowed the method cannot finish: typed error, no trap.
    #expect(thrownError { try LeastSquares.nonNegative(a, b, maxIterations: 1) }
        == .notConverged(algorithm: "non-negative least squares (Lawson–Hanson)", iterations: 1))
}

@Test func nnlsWithEqualityConstraintByWeighting() throws {
    // Same A, b as above, plus Σx = 1. Reference (scipy 1.17.1): SLSQP
    //   minimize(½‖Ax − b‖², bounds x ≥ 0, eq. constraint Σx = 1, ftol 1e-15) finds the support
    //   {1, 2, 4}; the KKT system on that support solved with np.linalg.solve gives
    //   x = [0, 0.08018867924528293, 0.06603773584905655, 0, 0.8537735849056605]
    //     (= (0, 17, 14, 0, 181)/212), λ = 3.726415094339623, ‖Ax − b‖ = 3.8350420036567163,
    //   and the gradient Aᵀ(Ax − b) + λ·1 = (4.868, ~0, 0, 4.717, ~0) ≥ 0 confirms optimality.
    let a = try Matrix([
        [2, 1, 0, 1, 3], [1, -1, 2, 0, 1], [0, 3, 1, -2, 1], [1, 1, 1, 1, 1], [3, 0, -1, 1, 2], [1, 2, -2, 1, 0],
    ])
    let b: [Double] = [4, -1, 2, 3, 1, -2]
    let e = try Matrix([[1, 1, 1, 1, 1]])
    let r = try LeastSquares.nonNegative(a, b, equality: e, [1])
    // The weighting method is accurate to about √ε relative (see its documentation).
    #expect(maxAbsDifference(r.x, [0, 17.0 / 212, 14.0 / 212, 0, 181.0 / 212]) < 1e-7)
    #expect(abs(r.x.reduce(0, +) - 1) < 1e-7)
    #expect(abs(r.residualNorm - 3.8350420036567163) < 1e-7)
    #expect(r.passiveSet == [1, 2, 4])
    // A heavier explicit weight tightens the constraint on this well-scaled problem.
    let tight = try LeastSquares.nonNegative(a, b, equality: e, [1], weight: 1e6)
    #expect(abs(tight.x.reduce(0, +) - 1) < 1e-9)
}

@Test func nnlsRejectsBadInput() throws {
    let a = try Matrix([[1, 0], [0, 1]])
    guard case .dimensionMismatch? = thrownError({ try LeastSquares.nonNegative(a, [1, 2, 3]) }) else {
        Issue.record("expected dimensionMismatch")
        return
    }
    #expect(thrownError { try LeastSquares.nonNegative(a, [1, .infinity]) } == .nonFinite(row: 1, column: 0))
    guard case .invalidArgument? = thrownError({ try LeastSquares.nonNegative(a, [1, 2], maxIterations: 0) }) else {
        Issue.record("expected invalidArgument")
        return
    }
    guard case .invalidArgument? = thrownError({
        try LeastSquares.nonNegative(a, [1, 2], equality: try Matrix([[1, 1]]), [1], weight: -1)
    }) else {
        Issue.record("expected invalidArgument")
        return
    }
    // Duplicate columns: the second copy is dependent and must not break the iteration.
    let dup = try LeastSquares.nonNegative(try Matrix([[1, 1], [1, 1], [0, 0]]), [1, 3, 0])
    #expect(abs(dup.x[0] + dup.x[1] - 2) < 1e-14)
}

@Test func nnlsWideMatrixReachesZeroResidual() throws {
    // More unknowns than equations: A = [[1,-2,1],[-1,1,2]], b = [-1, 4]. scipy's nnls returns
    // x = [0, 1.2000000000000002, 1.4000000000000001] with rnorm 0.0; the solution set is
    // (0, 1.2, 1.4) + t·(5, 3, 1), t ≥ 0 (null vector = row₁ × row₂), so only the residual and
    // feasibility are compared.
    let a = try Matrix([[1, -2, 1], [-1, 1, 2]])
    let r = try LeastSquares.nonNegative(a, [-1, 4])
    #expect(r.residualNorm < 1e-13)
    #expect(r.x.allSatisfy { $0 >= 0 })
    let t = r.x[0] / 5
    #expect(maxAbsDifference(r.x, [5 * t, 1.2 + 3 * t, 1.4 + t]) < 1e-13)
    expectKKT(r)
}
