import NumericTestSupport
import Testing
@testable import CapitalMix

/// The allocation against scipy (numpy 2.4.6, scipy 1.17.1): the bound-free solution from
/// `scipy.linalg.lapack.dgglse`, the bounded optimum from an exact enumeration of active sets
/// (each subset solved with dgglse, the cheapest feasible one kept; SLSQP at ftol 1e-15 agrees to
/// 2e-14 / 2e-14 / 3.5e-11). Values below are the output of
/// Tests/CapitalMixTests/Fixtures/make_fixture.py, pasted. Every solution is also checked against
/// the KKT conditions.
@Suite struct AllocationFixtureTests {
    static func cat(
        _ priority: Double, _ leverage: Double, _ state: Double, _ foreign: Double, _ priv: Double,
        minimum: Double = 0, nonNegative: Bool = true
    ) -> AllocationCategory {
        AllocationCategory(
            id: "c", priority: priority, leverage: leverage, ownership: OwnershipShares(state: state, foreign: foreign, private: priv),
            minimum: minimum, nonNegative: nonNegative)
    }

    /// Checks the KKT conditions of `r` within `tol` (scaled by the fund total).
    static func expectKKT(_ r: FundAllocation.Result, tol: Double = 1e-9) {
        let k = r.problem.kkt(r.solution)
        let s = max(1, r.total)
        #expect(k.stationarity < tol * s, "stationarity \(k.stationarity)")
        #expect(k.equality < tol * s, "equalities \(k.equality)")
        #expect(k.bound <= tol * s, "bounds \(k.bound)")
        #expect(k.dual <= tol * s, "dual feasibility \(k.dual)")
        #expect(k.complementarity < tol * s, "complementarity \(k.complementarity)")
    }

    /// Case "free": four categories all allowed negative, private target 0.55, F = 120 —
    /// plain dgglse (also equal to the KKT system solved by numpy to 1.4e-14).
    @Test func freeCategoriesMatchScipyDgglse() throws {
        let cats = [
            Self.cat(4, 2.0, 0.3, 0.0, 0.7, nonNegative: false),
            Self.cat(3, 3.0, 0.6, 0.1, 0.3, nonNegative: false),
            Self.cat(2, 1.5, 0.1, 0.4, 0.5, nonNegative: false),
            Self.cat(1, 4.0, 0.2, 0.0, 0.8, nonNegative: false),
        ]
        let r = try FundAllocation.solve(categories: cats, total: 120, targets: [.private: 0.55])
        let scipy = [48.27158326016974, 34.6982733391864, 23.70968685981854, 13.320456540825292]
        #expect(maxAbsDifference(r.amounts, scipy) < 1e-9)
        #expect(abs(r.problem.objective(r.amounts) - 3.596136962247667) < 1e-9)
        #expect(r.method == .equalityConstrained)
        #expect(abs(r.achievedMix.private - 0.55) < 1e-12)
        Self.expectKKT(r)
    }

    /// Case "nonneg": six non-negative categories, private target 0.72, F = 100. dgglse alone
    /// gives −2.76 for the sixth; the optimum holds it at 0 (active set {5}).
    @Test func nonNegativeCaseMatchesEnumeration() throws {
        let cats = [
            Self.cat(5, 2.8, 0.22, 0.0, 0.78),
            Self.cat(4, 2.8, 0.70, 0.0, 0.30),
            Self.cat(3, 4.0, 0.10, 0.10, 0.80),
            Self.cat(2, 1.0, 0.90, 0.0, 0.10),
            Self.cat(1, 2.0, 0.05, 0.60, 0.35),
            Self.cat(1, 3.0, 0.40, 0.20, 0.40),
        ]
        let r = try FundAllocation.solve(categories: cats, total: 100, targets: [.private: 0.72])
        let scipyFree = [44.39949454672717, 11.745728604294928, 34.885634742597496, 10.168715110241596, 1.561236008238716, -2.7608090120998896]
        let scipy = [44.393589202280005, 10.468755601406889, 35.02348109761684, 9.417570692244267, 0.696603406452028, 0.0]
        #expect(maxAbsDifference(r.withoutBounds, scipyFree) < 1e-9)
        #expect(maxAbsDifference(r.amounts, scipy) < 1e-9)
        #expect(abs(r.problem.objective(r.amounts) - 728.1412720869694) < 1e-8)
        #expect(r.solution.activeBounds == [5])
        #expect(r.method == .activeSet)
        Self.expectKKT(r)
    }

    /// Case "two-targets": state 0.3 and foreign 0.2, a minimum of 8 on category 3, category 5
    /// free, weights (1, 2, 1, 0.5, 1, 3, 1, 1), F = 80. dgglse alone breaks the bounds of
    /// categories 2 and 3; the optimum has {3, 4, 7} active — category 2 is NOT among them
    /// (a bound met on the way is released by its negative multiplier) — and category 5 at −24.3.
    @Test func twoTargetsMinimumAndFreeCategoryMatchEnumeration() throws {
        let cats = [
            Self.cat(4, 1.5, 0.11, 0.77, 0.12),
            Self.cat(5, 1.5, 0.42, 0.20, 0.38),
            Self.cat(5, 4.0, 0.14, 0.71, 0.15),
            Self.cat(6, 3.0, 0.63, 0.12, 0.25, minimum: 8),
            Self.cat(5, 1.5, 0.37, 0.56, 0.07),
            Self.cat(4, 4.0, 0.23, 0.72, 0.05, nonNegative: false),
            Self.cat(4, 1.5, 0.32, 0.19, 0.49),
            Self.cat(3, 2.5, 0.22, 0.62, 0.16),
        ]
        let r = try FundAllocation.solve(
            categories: cats, total: 80, targets: [.state: 0.3, .foreign: 0.2], weights: [1, 2, 1, 0.5, 1, 3, 1, 1])
        let scipyFree = [
            20.207837373181256, 22.7421483084053, -10.042965906286089, -8.176045859438439, 14.803116732155193,
            -5.347204962018578, 41.05874953575416, 4.754364778247211,
        ]
        let scipy = [
            36.230139980951705, 7.11436957024648, 10.851116725651856, 8.0, 0.0, -24.308344724676004, 42.11271844782594, 0.0,
        ]
        #expect(maxAbsDifference(r.withoutBounds, scipyFree) < 1e-9)
        #expect(maxAbsDifference(r.amounts, scipy) < 1e-9)
        #expect(abs(r.problem.objective(r.amounts) - 5371.6747603808735) < 1e-7)
        #expect(r.solution.activeBounds == [3, 4, 7])
        #expect(abs(r.achievedMix.state - 0.3) < 1e-12 && abs(r.achievedMix.foreign - 0.2) < 1e-12)
        Self.expectKKT(r)
    }

    /// Optimality without the fixture: on random instances (3–12 categories, some with minimums,
    /// some free, a reachable private target) the solution meets the KKT conditions, which for this
    /// strictly convex problem certify the unique optimum. Deterministic pseudo-random numbers
    /// (LCG), so the instances are the same each run.
    @Test func randomInstancesMeetKKT() throws {
        var seed: UInt64 = 20_251_129
        func uniform() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        var solved = 0
        for _ in 0..<60 {
            let n = 3 + Int(uniform() * 10)
            let cats = (0..<n).map { _ -> AllocationCategory in
                let a = uniform(), b = uniform() * (1 - a)
                return AllocationCategory(
                    id: "x", priority: uniform() * 5, leverage: 0.5 + uniform() * 4,
                    ownership: OwnershipShares(state: a, foreign: b, private: 1 - a - b),
                    minimum: uniform() < 0.2 ? uniform() * 5 : 0, nonNegative: uniform() < 0.85)
            }
            let ranges = FundAllocation.ranges(cats)
            let target = ranges[.private].map { $0.lowerBound + (0.2 + 0.6 * uniform()) * ($0.upperBound - $0.lowerBound) } ?? 0.5
            do {
                let r = try FundAllocation.solve(categories: cats, total: 100, targets: [.private: target])
                solved += 1
                Self.expectKKT(r, tol: 1e-8)
            } catch {
                // Only a genuinely unreachable combination may fail, never the solver itself.
                switch error {
                case .infeasible, .minimumsExceedTotal: continue
                default: Issue.record("unexpected failure \(error)")
                }
            }
        }
        #expect(solved >= 40)
    }
}
