import NumericTestSupport
import Testing
@testable import LinearAlgebra

private func sortedValues(_ values: [Eigenvalue]) -> [Eigenvalue] {
    values.sorted { ($0.real, $0.imaginary) < ($1.real, $1.imaginary) }
}

@Test func eigenvaluesOfTriangularMatrixAreItsDiagonal() throws {
    let a = try Matrix([[2, 1, 3], [0, -5, 4], [0, 0, 0.5]])
    let values = sortedValues(try eigenvalues(of: a))
    #expect(maxAbsDifference(values.map(\.real), [-5, 0.5, 2]) < 1e-14)
    #expect(values.allSatisfy { $0.isReal })
    #expect(abs(try spectralRadius(of: a) - 5) < 1e-14)
}

@Test func rotationHasImaginaryPair() throws {
    // Rotation by 90°: λ = ±i, |λ| = 1.
    let a = try Matrix([[0, -1], [1, 0]])
    let values = try eigenvalues(of: a)
    #expect(values.count == 2)
    #expect(maxAbsDifference(values.map(\.real), [0, 0]) < 1e-15)
    #expect(maxAbsDifference(values.map(\.imaginary), [1, -1]) < 1e-15)  // positive one first (LAPACK)
    #expect(abs(try spectralRadius(of: a) - 1) < 1e-15)
}

@Test func companionMatrixRootsAndEigenvectors() throws {
    // p(x) = (x − 2)(x² + 2x + 5) = x³ + x − 10: roots 2 and −1 ± 2i (|−1 ± 2i| = √5 > 2).
    // Companion matrix with last column (10, −1, 0) has characteristic polynomial p.
    let a = try Matrix([[0, 0, 10], [1, 0, -1], [0, 1, 0]])
    let eig = try EigenDecomposition(a, computeRightEigenvectors: true)
    let values = sortedValues(eig.eigenvalues)
    #expect(maxAbsDifference(values.map(\.real), [-1, -1, 2]) < 1e-13)
    #expect(maxAbsDifference(values.map(\.imaginary), [-2, 2, 0]) < 1e-13)
    #expect(abs(eig.spectralRadius - 5.0.squareRoot()) < 1e-13)
    // A·v = λ·v for every (complex) eigenpair: with v = p + i·q and λ = α + iβ,
    // A·p = α·p − β·q and A·q = β·p + α·q.
    for (j, lambda) in eig.eigenvalues.enumerated() {
        let v = try #require(eig.rightEigenvector(j))
        let ap = try a.multiply(v.real), aq = try a.multiply(v.imaginary)
        let expectedP = (0..<3).map { lambda.real * v.real[$0] - lambda.imaginary * v.imaginary[$0] }
        let expectedQ = (0..<3).map { lambda.imaginary * v.real[$0] + lambda.real * v.imaginary[$0] }
        #expect(maxAbsDifference(ap, expectedP) < 1e-12)
        #expect(maxAbsDifference(aq, expectedQ) < 1e-12)
        // Unit Euclidean norm.
        let norm2 = zip(v.real, v.imaginary).reduce(0) { $0 + $1.0 * $1.0 + $1.1 * $1.1 }
        #expect(abs(norm2 - 1) < 1e-13)
    }
    #expect(eig.rightEigenvector(3) == nil)
    #expect(try EigenDecomposition(a).packedRightEigenvectors == nil)
}

@Test func eigenRejectsBadInput() throws {
    guard case .dimensionMismatch? = thrownError({ try eigenvalues(of: Matrix(rows: 2, columns: 3)) }) else {
        Issue.record("expected dimensionMismatch")
        return
    }
    #expect(thrownError { try spectralRadius(of: try Matrix([[1, 0], [0, .nan]])) } == .nonFinite(row: 1, column: 1))
    #expect(try spectralRadius(of: Matrix(rows: 0, columns: 0)) == 0)
}
