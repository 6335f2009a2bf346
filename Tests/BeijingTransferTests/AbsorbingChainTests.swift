import LinearAlgebra
import Testing
@testable import BeijingTransfer

/// The chain solver on chains with published or closed-form answers (general Q/R, any size).
@Suite struct AbsorbingChainTests {
    /// Drunkard's walk on 0…4, absorbing at 0 and 4, p = 1/2; transient states 1, 2, 3;
    /// absorbing columns (0, 4).
    static func drunkard() throws -> AbsorbingChain {
        let q = try Matrix([[0, 0.5, 0], [0.5, 0, 0.5], [0, 0.5, 0]])
        let r = try Matrix([[0.5, 0], [0, 0], [0, 0.5]])
        return try AbsorbingChain(q: q, r: r)
    }

    /// Grinstead & Snell, Introduction to Probability, Example 11.13 (N), 11.15 (t) and
    /// 11.16 (B).
    @Test func drunkardsWalkGrinsteadSnell() throws {
        let c = try Self.drunkard()
        let n: [[Double]] = [[1.5, 1, 0.5], [1, 2, 1], [0.5, 1, 1.5]]
        #expect(c.fundamental.rowArrays.enumerated().allSatisfy { TestSupport.close($1, n[$0]) })
        #expect(TestSupport.close(c.expectedSteps, [3, 4, 3]))
        let b: [[Double]] = [[0.75, 0.25], [0.5, 0.5], [0.25, 0.75]]
        #expect(c.absorption.rowArrays.enumerated().allSatisfy { TestSupport.close($1, b[$0]) })
    }

    /// Fair gambler's ruin on 0…a started at z (closed forms from the duration difference
    /// equations, Feller Vol. I §XIV.3): E T = z(a − z); Var T = z(a − z)[(a − z)² + z² − 2]/3;
    /// given that the walk ends at a, E T = (a² − z²)/3 (by symmetry, ending at 0 from z is
    /// ending at a from a − z).
    @Test func fairRuinVarianceAndConditionalDuration() throws {
        let c = try Self.drunkard()
        let a = 4.0
        for (i, z) in [1.0, 2, 3].enumerated() {
            #expect(TestSupport.close(c.stepVariance[i], z * (a - z) * ((a - z) * (a - z) + z * z - 2) / 3))
            #expect(TestSupport.close(c.conditionalExpectedSteps(absorbedIn: 1)[i], (a * a - z * z) / 3))
            #expect(TestSupport.close(c.conditionalExpectedSteps(absorbedIn: 0)[i], (a * a - (a - z) * (a - z)) / 3))
        }
    }

    /// Biased gambler's ruin on 0…10 (p = 0.4 up, q = 0.6 down; nine transient states):
    /// P(ruin from z) = ((q/p)^z − (q/p)^a) / (1 − (q/p)^a) and
    /// E T = z/(q − p) − (a/(q − p))·(1 − (q/p)^z)/(1 − (q/p)^a) (Feller Vol. I §XIV.2–3).
    @Test func biasedGamblersRuin() throws {
        let a = 10, p = 0.4, qq = 0.6
        var q = Matrix(rows: a - 1, columns: a - 1)
        var r = Matrix(rows: a - 1, columns: 2)
        for i in 0..<(a - 1) {  // state z = i + 1
            if i + 1 < a - 1 { q[i, i + 1] = p } else { r[i, 1] = p }
            if i > 0 { q[i, i - 1] = qq } else { r[i, 0] = qq }
        }
        let c = try AbsorbingChain(q: q, r: r)
        let rho = qq / p
        for i in 0..<(a - 1) {
            let z = Double(i + 1), A = Double(a)
            let ruin = (pow(rho, z) - pow(rho, A)) / (1 - pow(rho, A))
            let duration = z / (qq - p) - (A / (qq - p)) * (1 - pow(rho, z)) / (1 - pow(rho, A))
            #expect(TestSupport.close(c.absorption[i, 0], ruin))
            #expect(TestSupport.close(c.absorption[i, 1], 1 - ruin))
            #expect(TestSupport.close(c.expectedSteps[i], duration, 1e-11))
        }
    }

    /// Σₖ QᵏR over enough periods is B; each period's rows are probabilities of absorption in
    /// exactly that period.
    @Test func absorptionByPeriodSumsToB() throws {
        let c = try Self.drunkard()
        let periods = try c.absorptionByPeriod(periods: 200)
        for i in 0..<3 {
            for j in 0..<2 {
                let s = periods.reduce(0) { $0 + $1[i][j] }
                #expect(TestSupport.close(s, c.absorption[i, j]))
            }
        }
        // From the middle state the walk cannot be absorbed in its first step.
        #expect(periods[0][1] == [0, 0])
        #expect(periods[1][1] == [0.25, 0.25])
    }

    @Test func invalidChains() throws {
        let q = try Matrix([[0.5, 0.2], [0, 0.5]])
        #expect {
            try AbsorbingChain(q: q, r: Matrix([[0.1], [0.5]]))
        } throws: { e in
            if case let .rowSum(row, sum) = e as? AbsorbingChainError { return row == 0 && abs(sum - 0.8) < 1e-12 }
            return false
        }
        // State 2 never leaves: I − Q is singular.
        #expect {
            try AbsorbingChain(q: Matrix([[0.5, 0.5], [0, 1]]), r: Matrix([[0], [0]]))
        } throws: { e in
            if case .noAbsorption = e as? AbsorbingChainError { return true }
            return false
        }
        #expect(throws: AbsorbingChainError.self) {
            try AbsorbingChain(q: Matrix([[1.5]]), r: Matrix([[-0.5]]))
        }
    }
}

import LibC
