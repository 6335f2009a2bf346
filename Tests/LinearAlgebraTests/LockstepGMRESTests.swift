import NumericTestSupport
import Testing
@testable import LinearAlgebra

/// `LockstepGMRES` against LAPACK's LU solve and against properties from the theory of GMRES
/// (Saad 2003, §6.5): in exact arithmetic GMRES on a diagonalisable operator with d distinct
/// eigenvalues finds the solution in at most d steps (the residual polynomial of degree d with
/// those roots vanishes), and it never stops with a residual above the tolerance claiming success.
@Suite struct LockstepGMRESTests {
    /// I − A with A ≥ 0 random and column sums 0.6 (a productive Leontief matrix).
    func leontief(_ n: Int, seed: UInt64) -> Matrix {
        var rng = SplitMix64(seed: seed)
        var m = Matrix(rows: n, columns: n)
        for j in 0..<n {
            var column = (0..<n).map { _ in rng.uniform() }
            let s = column.reduce(0, +)
            column = column.map { 0.6 * $0 / s }
            for i in 0..<n { m[i, j] = (i == j ? 1 : 0) - column[i] }
        }
        return m
    }

    /// `apply` for M on the first `forward` columns and Mᵀ on the others.
    func operatorOf(_ m: Matrix, forward: Int) -> ([Int], Matrix) -> Matrix {
        TwoSidedProduct.lockstepOperator(m, forwardColumns: forward)
    }

    @Test func matchesLUForwardAndTransposedTogether() throws {
        let n = 400
        let m = leontief(n, seed: 3)
        var rng = SplitMix64(seed: 4)
        var b = Matrix(rows: n, columns: 5)
        for k in 0..<(n * 5) { b.elements[k] = rng.uniform() }
        // Columns 0–1 with M, 2–4 with Mᵀ.
        let s = LockstepGMRES.solve(b, apply: operatorOf(m, forward: 2))
        #expect(s.converged)
        #expect(s.relativeResiduals.allSatisfy { $0 <= 1e-13 })
        let lu = try LUFactorization(m)
        var bf = Matrix(rows: n, columns: 2), bt = Matrix(rows: n, columns: 3)
        bf.elements = Array(b.elements[0..<(2 * n)])
        bt.elements = Array(b.elements[(2 * n)...])
        let expected = try lu.solve(bf).elements + lu.solve(bt, .transposed).elements
        // cond₁(M) ≤ ‖M‖₁·‖M⁻¹‖₁ ≤ 1.6 / (1 − 0.6) = 4, so a 1e-13 residual bounds the error by ~4e-13.
        #expect(allClose(s.solutions.elements, expected, relative: 1e-12, absolute: 1e-14))
        // Far fewer passes than n: the spectrum of I − A is clustered around 1.
        #expect(s.operatorApplications < 30)
    }

    /// diag(1, 2, 3) repeated: three distinct eigenvalues, so three steps solve every system, and the
    /// fourth application is the residual check.
    @Test func finiteTerminationOnThreeEigenvalues() {
        let n = 30
        let d = (0..<n).map { Double($0 % 3 + 1) }
        var rng = SplitMix64(seed: 5)
        var b = Matrix(rows: n, columns: 2)
        for k in 0..<(2 * n) { b.elements[k] = rng.uniform() + 0.1 }
        let s = LockstepGMRES.solve(b) { _, block in
            var out = block
            for k in 0..<out.elements.count { out.elements[k] *= d[k % n] }
            return out
        }
        #expect(s.converged)
        #expect(s.operatorApplications == 4)
        for k in 0..<(2 * n) { #expect(abs(s.solutions.elements[k] - b.elements[k] / d[k % n]) < 1e-13) }
    }

    @Test func zeroRightHandSideNeedsNoWork() {
        let b = Matrix(rows: 10, columns: 2)
        var calls = 0
        let s = LockstepGMRES.solve(b) { _, block in calls += 1; return block }
        #expect(s.converged && calls == 0 && s.solutions.elements.allSatisfy { $0 == 0 })
        #expect(s.relativeResiduals == [0, 0])
    }

    /// A singular operator (a zero row and column) with b outside its range: no solution, so GMRES must
    /// report failure, within its budget, without trapping or looping.
    @Test func singularOperatorIsReportedNotConverged() {
        let n = 50
        var m = leontief(n, seed: 8)
        for i in 0..<n { m[i, 0] = 0; m[0, i] = 0 }
        let b = Matrix(column: [Double](repeating: 1, count: n))
        let s = LockstepGMRES.solve(b, maxApplications: 60, apply: operatorOf(m, forward: 1))
        #expect(!s.converged)
        #expect(s.operatorApplications <= 60)
        #expect(s.relativeResiduals[0] > 1e-3)
    }

    @Test func nonFiniteRightHandSideIsNotAccepted() {
        let m = leontief(20, seed: 9)
        var b = Matrix(column: [Double](repeating: 1, count: 20))
        b.elements[3] = .nan
        let s = LockstepGMRES.solve(b, apply: operatorOf(m, forward: 1))
        #expect(!s.converged)
    }

    /// Restarts: a cycle of 2 steps on an operator with 6 distinct eigenvalues cannot finish in one
    /// cycle, but restarted GMRES still converges (the operator is positive definite).
    @Test func convergesAcrossRestarts() {
        let n = 60
        let d = (0..<n).map { 1 + Double($0 % 6) / 5 }
        let b = Matrix(column: (0..<n).map { Double($0 % 7) + 1 })
        let s = LockstepGMRES.solve(b, restart: 2, maxApplications: 200) { _, block in
            var out = block
            for k in 0..<out.elements.count { out.elements[k] *= d[k % n] }
            return out
        }
        #expect(s.converged)
        #expect(s.operatorApplications > 6)  // more than one short cycle was needed
        for k in 0..<n { #expect(abs(s.solutions.elements[k] - b.elements[k] / d[k]) < 1e-12 * (1 + abs(b.elements[k]))) }
    }
}
