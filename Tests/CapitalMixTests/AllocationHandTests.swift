import LinearAlgebra
import NumericTestSupport
import Testing
@testable import CapitalMix

/// Allocations small enough to solve by hand; the closed forms are derived in the comments.
@Suite struct AllocationHandTests {
    /// One equality, unequal weights (the core solver with a target that does not meet it):
    ///
    ///     min Σ w_i (x_i − t_i)²  s.t.  Σ x_i = F,   w = (1, 2, 4), t = (10, 20, 30), F = 67.
    ///
    /// Stationarity 2 w_i (x_i − t_i) = μ gives x_i = t_i + μ/(2 w_i); the constraint gives
    /// μ/2 · Σ 1/w_i = F − Σ t_i, i.e. μ/2 = 7 / 1.75 = 4, so x = (10 + 4, 20 + 2, 30 + 1) =
    /// (14, 22, 31) and μ = 8.
    @Test func oneEqualityWithWeights() throws {
        let problem = BoundedLeastDistance(
            target: [10, 20, 30], weights: [1, 2, 4], equalities: try Matrix([[1, 1, 1]]), rhs: [67])
        let s = try problem.solve()
        #expect(maxAbsDifference(s.x, [14, 22, 31]) < 1e-12)
        #expect(abs(s.equalityMultipliers[0] - 8) < 1e-12)
        #expect(s.method == .equalityConstrained)
    }

    /// Three categories, leverage 2 each, private shares σ = (0.9, 0.5, 0.1), priorities
    /// (5, 3, 2) → p = (0.5, 0.3, 0.2), F = 100, target private share τ = 0.6.
    ///
    /// Mix row a_c = k_c (σ_c − τ) = (0.6, −0.2, −1.0); at f = pF = (50, 30, 20), a·f = 4 ≠ 0.
    /// Lagrange: f = pF − λ·1 − μ·a. Sum: −3λ − μ·Σa = 0 with Σa = −0.6 ⇒ λ = 0.2 μ.
    /// Mix: a·pF − λ·Σa − μ·‖a‖² = 0 with ‖a‖² = 1.4 ⇒ 4 + 0.12 μ − 1.4 μ = 0 ⇒ μ = 3.125,
    /// λ = 0.625. So f = (50 − 0.625 − 1.875, 30 − 0.625 + 0.625, 20 − 0.625 + 3.125)
    /// = (47.5, 30, 22.5): sum 100, private capital 2·(0.9·47.5 + 0.5·30 + 0.1·22.5) = 120 of
    /// 200 mobilised = 0.6.
    @Test func targetMixThreeCategories() throws {
        let cats = [
            AllocationCategory(id: "a", priority: 5, leverage: 2, ownership: OwnershipShares(state: 0.1, foreign: 0, private: 0.9)),
            AllocationCategory(id: "b", priority: 3, leverage: 2, ownership: OwnershipShares(state: 0.5, foreign: 0, private: 0.5)),
            AllocationCategory(id: "c", priority: 2, leverage: 2, ownership: OwnershipShares(state: 0.9, foreign: 0, private: 0.1)),
        ]
        let r = try FundAllocation.solve(categories: cats, total: 100, targets: [.private: 0.6])
        #expect(maxAbsDifference(r.amounts, [47.5, 30, 22.5]) < 1e-12)
        #expect(r.method == .equalityConstrained)
        #expect(abs(r.mobilisedByClass.private - 120) < 1e-11)
        #expect(abs(r.achievedMix.private - 0.6) < 1e-14)
        // Without a target the mix at priorities is 2·(45 + 15 + 2)/200 = 0.62 private.
        #expect(abs(r.mixAtPriorities.private - 0.62) < 1e-14)
        // Multipliers in the solver's convention ∇q = Bᵀν: ∇q = 2(f − pF) = (−5, 0, 5) =
        // ν₁·1 + ν₂·a ⇒ ν₂ = −6.25, ν₁ = −1.25 (= −2λ, −2μ above).
        #expect(maxAbsDifference(r.solution.equalityMultipliers, [-1.25, -6.25]) < 1e-12)
    }

    /// The same shape with a private target of 0.8 and p = (0.1, 0.3, 0.6); σ_private =
    /// (0.9, 0.5, 0.1), leverage 2, F = 100.
    ///
    /// Without bounds: a = (0.2, −0.6, −1.4), a·pF = −100, Σa = −1.8, ‖a‖² = 2.36;
    /// λ = 0.6 μ and −100 + 1.08 μ − 2.36 μ = 0 ⇒ μ = −78.125, λ = −46.875, so
    /// f = pF − λ − μa = (72.5, 30, −2.5): category c would be negative.
    /// With f ≥ 0: c = 0, then f_a + f_b = 100 and 0.2 f_a − 0.6 f_b = 0 ⇒ f = (75, 25, 0).
    /// KKT: 2(f − pF) = ν₁ + ν₂ a + λ_c e_c. Rows a, b: 130 = ν₁ + 0.2 ν₂, −10 = ν₁ − 0.6 ν₂ ⇒
    /// ν₂ = 175, ν₁ = 95; row c: λ_c = −120 − 95 + 1.4·175 = 30 ≥ 0, so the bound is rightly active.
    @Test func nonNegativeBoundBinds() throws {
        let cats = [
            AllocationCategory(id: "a", priority: 1, leverage: 2, ownership: OwnershipShares(state: 0.1, foreign: 0, private: 0.9)),
            AllocationCategory(id: "b", priority: 3, leverage: 2, ownership: OwnershipShares(state: 0.5, foreign: 0, private: 0.5)),
            AllocationCategory(id: "c", priority: 6, leverage: 2, ownership: OwnershipShares(state: 0.9, foreign: 0, private: 0.1)),
        ]
        let r = try FundAllocation.solve(categories: cats, total: 100, targets: [.private: 0.8])
        #expect(maxAbsDifference(r.withoutBounds, [72.5, 30, -2.5]) < 1e-12)
        #expect(maxAbsDifference(r.amounts, [75, 25, 0]) < 1e-12)
        #expect(r.method == .activeSet)
        #expect(r.atBound == [false, false, true])
        #expect(r.solution.activeBounds == [2])
        #expect(abs(r.solution.boundMultipliers[2] - 30) < 1e-10)
        #expect(maxAbsDifference(r.solution.equalityMultipliers, [95, 175]) < 1e-10)
        #expect(abs(r.achievedMix.private - 0.8) < 1e-14)
        // With c allowed to go negative the dgglse answer stands.
        var free = cats
        free[2].nonNegative = false
        let unbounded = try FundAllocation.solve(categories: free, total: 100, targets: [.private: 0.8])
        #expect(maxAbsDifference(unbounded.amounts, [72.5, 30, -2.5]) < 1e-12)
    }

    /// A minimum turns into a bound: priorities (1, 1), F = 10, minimum 7 on b ⇒ desired (5, 5),
    /// feasible set f_a + f_b = 10, f_b ≥ 7 ⇒ (3, 7); λ_b = 2(7 − 5) − ν with ν = 2(3 − 5) = −4 ⇒ 8.
    @Test func minimumBinds() throws {
        let cats = [
            AllocationCategory(id: "a", priority: 1, leverage: 1, ownership: OwnershipShares(state: 0, foreign: 0, private: 1)),
            AllocationCategory(id: "b", priority: 1, leverage: 1, ownership: OwnershipShares(state: 1, foreign: 0, private: 0), minimum: 7),
        ]
        let r = try FundAllocation.solve(categories: cats, total: 10)
        #expect(maxAbsDifference(r.amounts, [3, 7]) < 1e-12)
        #expect(abs(r.solution.boundMultipliers[1] - 8) < 1e-10)
        #expect(abs(r.achievedMix.state - 0.7) < 1e-14)
    }

    /// When all three classes are targeted the mix rows sum to zero (shares sum to 1): one is
    /// dropped as dependent and the answer equals the two-target one.
    @Test func threeTargetsDropOneDependentRow() throws {
        let cats = [
            AllocationCategory(id: "a", priority: 2, leverage: 1, ownership: OwnershipShares(state: 0.6, foreign: 0.2, private: 0.2)),
            AllocationCategory(id: "b", priority: 1, leverage: 2, ownership: OwnershipShares(state: 0.1, foreign: 0.6, private: 0.3)),
            AllocationCategory(id: "c", priority: 1, leverage: 3, ownership: OwnershipShares(state: 0.2, foreign: 0.1, private: 0.7)),
            AllocationCategory(id: "d", priority: 1, leverage: 1, ownership: OwnershipShares(state: 0.3, foreign: 0.3, private: 0.4)),
        ]
        let two = try FundAllocation.solve(categories: cats, total: 50, targets: [.state: 0.3, .foreign: 0.3])
        let three = try FundAllocation.solve(categories: cats, total: 50, targets: [.state: 0.3, .foreign: 0.3, .private: 0.4])
        #expect(maxAbsDifference(two.amounts, three.amounts) < 1e-10)
        #expect(three.solution.droppedRows == [3])
        #expect(abs(three.achievedMix.private - 0.4) < 1e-12)
    }

    /// Failures: targets outside the categories' range, jointly infeasible targets, minimums
    /// above the total, target shares above 1.
    @Test func failures() throws {
        // Mixes reachable: the convex hull of (0.5, 0.5, 0), (0.5, 0, 0.5), (0, 0.5, 0.5).
        let hull = [
            AllocationCategory(id: "a", priority: 1, leverage: 1, ownership: OwnershipShares(state: 0.5, foreign: 0.5, private: 0)),
            AllocationCategory(id: "b", priority: 1, leverage: 1, ownership: OwnershipShares(state: 0.5, foreign: 0, private: 0.5)),
            AllocationCategory(id: "c", priority: 1, leverage: 1, ownership: OwnershipShares(state: 0, foreign: 0.5, private: 0.5)),
        ]
        #expect(throws: FundAllocation.Failure.targetOutOfRange(.state, target: 0.6, range: 0...0.5)) {
            try FundAllocation.solve(categories: hull, total: 10, targets: [.state: 0.6])
        }
        // state 0.1 and foreign 0.1 are each in [0, 0.5] but need private 0.8 > 0.5.
        var joint: FundAllocation.Failure?
        do { _ = try FundAllocation.solve(categories: hull, total: 10, targets: [.state: 0.1, .foreign: 0.1]) } catch { joint = error }
        guard case .infeasible? = joint else { Issue.record("expected infeasible, got \(String(describing: joint))"); return }
        // The corner state 0.5 / foreign 0.5 is reachable (all money in a).
        let corner = try FundAllocation.solve(categories: hull, total: 10, targets: [.state: 0.5, .foreign: 0.5])
        #expect(maxAbsDifference(corner.amounts, [10, 0, 0]) < 1e-9)
        #expect(throws: FundAllocation.Failure.minimumsExceedTotal(minimums: 12, total: 10)) {
            var m = hull
            m[0].minimum = 12
            return try FundAllocation.solve(categories: m, total: 10)
        }
        #expect(throws: FundAllocation.Failure.targetSum(1.2)) {
            try FundAllocation.solve(categories: hull, total: 10, targets: [.state: 0.6, .private: 0.6])
        }
        #expect(throws: FundAllocation.Failure.zeroPriorities) {
            try FundAllocation.solve(categories: hull.map { var c = $0; c.priority = 0; return c }, total: 10)
        }
    }
}
