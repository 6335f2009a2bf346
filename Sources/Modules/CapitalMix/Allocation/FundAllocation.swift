import LinearAlgebra

/// One fund category as the allocation sees it (no names, no ScenarioKit types).
public struct AllocationCategory: Sendable, Equatable {
    /// Identifier (for messages only).
    public var id: String
    /// Relative weight of the desired allocation (≥ 0; normalised to shares `p_c`).
    public var priority: Double
    /// `k_c`: 亿元 of social capital each 亿元 of fund money brings (≥ 0).
    public var leverage: Double
    /// Ownership of the social capital the category attracts (sums to 1).
    public var ownership: OwnershipShares
    /// Minimum fund money over the horizon (亿元, ≥ 0; 0 = none).
    public var minimum: Double
    /// Whether `f_c ≥ 0` is required (else only `f_c ≥ minimum` when a minimum is set).
    public var nonNegative: Bool

    /// A category; by default without minimum and non-negative.
    public init(id: String, priority: Double, leverage: Double, ownership: OwnershipShares, minimum: Double = 0, nonNegative: Bool = true) {
        self.id = id
        self.priority = priority
        self.leverage = leverage
        self.ownership = ownership
        self.minimum = minimum
        self.nonNegative = nonNegative
    }

    /// The lower bound on `f_c`: `max(0, minimum)` when non-negative, `minimum` when one is set,
    /// else none.
    public var lowerBound: Double? {
        if nonNegative { return Swift.max(0, minimum) }
        return minimum > 0 ? minimum : nil
    }
}

/// The allocation of the guidance fund over categories (docs/MODULES.md, capital-mix):
///
///     minimise   Σ_c w_c·(f_c − p_c·F)²
///     subject to Σ_c f_c = F
///                Σ_c f_c·k_c·(σ_{c,k} − τ_k) = 0     for each targeted ownership class k
///                f_c ≥ max(0, m_c)  (non-negative categories),  f_c ≥ m_c (others with a minimum)
///
/// with `F` the fund total (亿元), `p_c = priority_c / Σ priority` the priority shares,
/// `k_c` the leverage, `σ_{c,k}` the share of class k in the capital category c attracts,
/// `τ_k` the target share of class k in the mobilised social capital `Σ_c k_c·f_c`, `m_c` the
/// minimums, `w_c` the weights (the module uses `w_c = 1`: deviations in 亿元 count alike).
/// The mix equation is the target `Σ_c k_c f_c σ_{c,k} / Σ_c k_c f_c = τ_k` multiplied out.
/// Solved by `BoundedLeastDistance` (LAPACK `dgglse`; active set with an NNLS phase I when a
/// bound binds). When all three classes are targeted, the three mix rows sum to zero (shares
/// sum to 1), so one is dropped as dependent.
public enum FundAllocation {
    /// What the allocation found.
    public struct Result: Sendable, Equatable {
        /// `F` (亿元).
        public let total: Double
        /// `p_c` (shares summing to 1).
        public let priorityShares: [Double]
        /// `f_c` (亿元), summing to `F`.
        public let amounts: [Double]
        /// The equality-constrained solution without bounds (亿元), for comparison.
        public let withoutBounds: [Double]
        /// Categories held at their bound (`f_c = max(0, m_c)` or `m_c`).
        public let atBound: [Bool]
        /// `k_c·f_c` (亿元).
        public let mobilised: [Double]
        /// Mobilised social capital by class, `Σ_c k_c f_c σ_{c,k}` (亿元).
        public let mobilisedByClass: OwnershipShares
        /// Shares of the mobilised capital by class (NaN when nothing is mobilised).
        public let achievedMix: OwnershipShares
        /// The mix the priority allocation `f = p·F` would mobilise (NaN when nothing).
        public let mixAtPriorities: OwnershipShares
        /// Targets as given.
        public let targets: [OwnershipClass: Double]
        /// Smallest and largest `σ_{c,k}` over categories with `k_c > 0` (the range a single-class
        /// target must lie in when every category is non-negative).
        public let ranges: [OwnershipClass: ClosedRange<Double>]
        /// Whether the bounds bound (`.activeSet`) or the dgglse solution stood.
        public let method: BoundedLeastDistance.Method
        /// The solver's full output (multipliers, working set) and the problem it solved.
        public let solution: BoundedLeastDistance.Solution
        public let problem: BoundedLeastDistance
    }

    /// Why the allocation has no answer; the module turns each into a located error.
    public enum Failure: Error, Sendable, Equatable {
        /// The category list is empty.
        case noCategories
        /// `F < 0` or not finite.
        case negativeTotal(Double)
        /// Every priority is 0.
        case zeroPriorities
        /// Σ minimums (亿元) exceeds the fund total.
        case minimumsExceedTotal(minimums: Double, total: Double)
        /// The given targets sum to more than 1, or all three are given and do not sum to 1.
        case targetSum(Double)
        /// `τ_k` is outside what the categories attracting capital can give.
        case targetOutOfRange(OwnershipClass, target: Double, range: ClosedRange<Double>?)
        /// The targets, minimums and bounds together cannot be met (each one alone can).
        case infeasible(residual: Double)
        /// LAPACK or the active-set loop failed (message from the solver).
        case solver(String)
    }

    /// Allocate `total` (亿元) over `categories` (see the type's documentation for the problem).
    /// - Parameters:
    ///   - targets: `τ_k` for the targeted classes (each in [0, 1]); empty for none.
    ///   - weights: `w_c > 0`; default 1 for every category.
    public static func solve(
        categories: [AllocationCategory], total: Double, targets: [OwnershipClass: Double] = [:], weights: [Double]? = nil
    ) throws(Failure) -> Result {
        let n = categories.count
        guard n > 0 else { throw .noCategories }
        guard total.isFinite, total >= 0 else { throw .negativeTotal(total) }
        let prioritySum = categories.reduce(0) { $0 + $1.priority }
        guard prioritySum > 0, prioritySum.isFinite else { throw .zeroPriorities }
        let p = categories.map { $0.priority / prioritySum }
        let minimums = categories.reduce(0) { $0 + (($1.lowerBound ?? 0) > 0 ? $1.lowerBound! : 0) }
        if minimums > total * (1 + 1e-12) { throw .minimumsExceedTotal(minimums: minimums, total: total) }

        let targetSum = targets.values.reduce(0, +)
        if targetSum > 1 + 1e-9 || (targets.count == 3 && abs(targetSum - 1) > 1e-9) { throw .targetSum(targetSum) }
        let ranges = Self.ranges(categories)
        let attracting = categories.filter { $0.leverage > 0 }
        // A single-class target outside the categories' range cannot be met when every attracting
        // category is non-negative (a convex combination of their shares); with money allowed
        // to go negative somewhere, only the solver can tell.
        let allNonNegative = attracting.allSatisfy(\.nonNegative)
        for k in targets.keys.sorted() {
            let tau = targets[k]!
            guard let r = ranges[k] else { throw .targetOutOfRange(k, target: tau, range: nil) }
            if allNonNegative && total > 0 && (tau < r.lowerBound - 1e-12 || tau > r.upperBound + 1e-12) {
                throw .targetOutOfRange(k, target: tau, range: r)
            }
        }

        // Rows: the total, then one mix row per targeted class (state, foreign, private order).
        let classes = targets.keys.sorted()
        var b = Matrix(rows: 1 + classes.count, columns: n)
        var d = [Double](repeating: 0, count: 1 + classes.count)
        for c in 0..<n { b[0, c] = 1 }
        d[0] = total
        for (r, k) in classes.enumerated() {
            for (c, cat) in categories.enumerated() { b[r + 1, c] = cat.leverage * (cat.ownership[k] - targets[k]!) }
        }
        let problem = BoundedLeastDistance(
            target: p.map { $0 * total }, weights: weights, equalities: b, rhs: d,
            lowerBounds: categories.map(\.lowerBound))
        let s: BoundedLeastDistance.Solution
        do {
            s = try problem.solve()
        } catch {
            switch error {
            case let .infeasible(residual): throw .infeasible(residual: residual)
            case .inconsistentRows: throw .infeasible(residual: .nan)
            case let .invalid(m), let .solver(m): throw .solver(m)
            }
        }
        let f = s.x
        let mobilised = (0..<n).map { categories[$0].leverage * f[$0] }
        func mix(_ amounts: [Double]) -> (OwnershipShares, OwnershipShares) {
            var by = OwnershipShares(state: 0, foreign: 0, private: 0)
            for (c, cat) in categories.enumerated() {
                for k in OwnershipClass.allCases { by[k] += cat.leverage * amounts[c] * cat.ownership[k] }
            }
            let sum = by.sum
            var shares = OwnershipShares(state: .nan, foreign: .nan, private: .nan)
            if sum > 0 { for k in OwnershipClass.allCases { shares[k] = by[k] / sum } }
            return (by, shares)
        }
        let (byClass, achieved) = mix(f)
        let (_, atPriorities) = mix(p.map { $0 * total })
        let active = Set(s.activeBounds)
        let atBound = (0..<n).map { c in
            active.contains(c) || (categories[c].lowerBound.map { abs(f[c] - $0) <= 1e-9 * Swift.max(1, total) } ?? false)
        }
        return Result(
            total: total, priorityShares: p, amounts: f, withoutBounds: s.withoutBounds, atBound: atBound,
            mobilised: mobilised, mobilisedByClass: byClass, achievedMix: achieved, mixAtPriorities: atPriorities,
            targets: targets, ranges: ranges, method: s.method, solution: s, problem: problem)
    }

    /// For each class k, the smallest and largest `σ_{c,k}` over the categories with `k_c > 0`
    /// (none when no category attracts capital). Every non-negative allocation mobilises a mix
    /// within these ranges (a convex combination of the categories' shares).
    public static func ranges(_ categories: [AllocationCategory]) -> [OwnershipClass: ClosedRange<Double>] {
        var out: [OwnershipClass: ClosedRange<Double>] = [:]
        let attracting = categories.filter { $0.leverage > 0 }
        for k in OwnershipClass.allCases {
            let v = attracting.map { $0.ownership[k] }
            if let lo = v.min(), let hi = v.max() { out[k] = lo...hi }
        }
        return out
    }
}
