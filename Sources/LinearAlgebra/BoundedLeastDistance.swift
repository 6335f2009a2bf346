
/// Weighted least distance to a target point under linear equalities and lower bounds:
///
///     minimise  q(x) = Σ_i w_i·(x_i − t_i)²
///     subject to  B·x = d,   x_i ≥ l_i  for every i with a bound.
///
/// This is the equality-constrained least-squares problem `min ‖c − A·x‖₂ s.t. B·x = d` with
/// `A = diag(√w)`, `c = √w ⊙ t` (LAPACK `dgglse`), plus bounds. `q` is strictly convex (all
/// `w_i > 0`), so the solution is unique whenever the constraints can be met.
///
/// Method (`solve()`):
/// 1. **Rows.** Dependent rows of `[B | d]` are found by modified Gram–Schmidt (relative
///    tolerance 1e-10) and dropped when consistent (their multiplier is reported as 0);
///    a dependent row with a different right-hand side makes the problem infeasible.
/// 2. **Equality-constrained solution.** `dgglse` on the independent rows. If it meets every
///    bound, it is the answer (`method == .equalityConstrained`).
/// 3. **Phase I.** Otherwise a feasible point is found by non-negative least squares
///    (Lawson–Hanson, `LeastSquares.nonNegative`) on `B·x = d` in the shifted variables
///    `z_i = x_i − l_i ≥ 0` (free variables split as `z⁺ − z⁻`); a residual above
///    `1e-9·max(1, ‖d − B·l‖₂)` means no `x` satisfies the equalities and bounds: `.infeasible`.
/// 4. **Primal active set** (Nocedal & Wright, *Numerical Optimization*, 2nd ed., Alg. 16.3)
///    from that point with an empty working set `W`: solve the equality problem with the
///    bounds in `W` held at `l_i` (`dgglse` on the other columns); step towards it, stopping at
///    the first bound met (added to `W`); at a point where the step is zero, compute the
///    multipliers from `∇q = Bᵀμ + Σ_{i∈W} λ_i·e_i` (`μ` by least squares on the free
///    columns, `dgels`) and release the bound with the most negative `λ_i`, or stop when
///    all `λ_i ≥ 0`. The final `x` is the `dgglse` solution for the final working set, so it
///    is exact to rounding, and satisfies the KKT conditions checked by `kkt`.
public struct BoundedLeastDistance: Sendable, Equatable {
    /// The point to stay close to, `t` (length n).
    public var target: [Double]
    /// The weights `w_i > 0` (length n).
    public var weights: [Double]
    /// The equality rows `B` (p × n) and their right-hand side `d` (length p).
    public var equalities: Matrix
    /// `d` (length p).
    public var rhs: [Double]
    /// `l_i` for bounded variables, nil for free ones (length n).
    public var lowerBounds: [Double?]

    /// A problem; `weights` default to 1, `lowerBounds` to none (all free).
    public init(target: [Double], weights: [Double]? = nil, equalities: Matrix, rhs: [Double], lowerBounds: [Double?]? = nil) {
        self.target = target
        self.weights = weights ?? [Double](repeating: 1, count: target.count)
        self.equalities = equalities
        self.rhs = rhs
        self.lowerBounds = lowerBounds ?? [Double?](repeating: nil, count: target.count)
    }

    /// How the solution was reached.
    public enum Method: String, Sendable, Equatable {
        /// The `dgglse` solution already met every bound.
        case equalityConstrained = "dgglse"
        /// Phase I (NNLS) and the primal active-set loop around `dgglse`.
        case activeSet = "active set (dgglse + NNLS phase I)"
    }

    /// The minimiser and its multipliers.
    public struct Solution: Sendable, Equatable {
        /// The minimiser `x`.
        public let x: [Double]
        /// `dgglse`'s solution of the problem without the bounds.
        public let withoutBounds: [Double]
        /// `μ`, one per row of `B` as given (0 for rows dropped as dependent).
        public let equalityMultipliers: [Double]
        /// `λ_i ≥ 0` for bounds held at `l_i` in the final working set, else 0.
        public let boundMultipliers: [Double]
        /// Indices whose bound is in the final working set (`x_i = l_i`), ascending.
        public let activeBounds: [Int]
        /// Rows of `B` dropped as linear combinations of earlier rows (consistent ones).
        public let droppedRows: [Int]
        /// How `x` was reached.
        public let method: Method
        /// Equality subproblems solved (`dgglse` calls).
        public let iterations: Int
    }

    /// Why there is no solution.
    public enum Failure: Error, Sendable, Equatable {
        /// Shapes or values do not fit (message says which).
        case invalid(String)
        /// Row `row` of `[B | d]` is a combination of earlier rows with a different right-hand
        /// side: `B·x = d` has no solution at all.
        case inconsistentRows(row: Int)
        /// No `x` meets the equalities and the bounds; `residual` is the phase-I distance
        /// `min ‖B·x − d‖₂` over the bounds.
        case infeasible(residual: Double)
        /// A LAPACK routine or the active-set loop failed (message from the solver).
        case solver(String)
    }

    /// Solve the problem (method above).
    public func solve() throws(Failure) -> Solution {
        let n = target.count, p = equalities.rows
        guard weights.count == n, lowerBounds.count == n, equalities.columns == n, rhs.count == p else {
            throw .invalid("expected t, w, bounds of length n = \(n), B with n columns and d with one entry per row of B")
        }
        guard target.allSatisfy(\.isFinite), rhs.allSatisfy(\.isFinite), equalities.elements.allSatisfy(\.isFinite),
            lowerBounds.allSatisfy({ $0?.isFinite ?? true })
        else { throw .invalid("non-finite input") }
        guard weights.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw .invalid("weights must be finite and > 0") }

        let (kept, dropped) = try independentRows()
        let b = subRows(kept)
        let d = kept.map { rhs[$0] }
        let all = Array(0..<n)
        var eqpCount = 1
        let free = try equalityProblem(b: b, d: d, free: all, fixed: [:])
        let bounded = all.filter { lowerBounds[$0] != nil }
        let scale = Swift.max(1, maxAbs(target), maxAbs(rhs), bounded.map { abs(lowerBounds[$0]!) }.max() ?? 0)
        let feasibilityTol = 1e-12 * scale

        func finish(_ x: [Double], working: [Int], method: Method) throws(Failure) -> Solution {
            let (mu, lambda) = try multipliers(x: x, b: b, working: Set(working))
            var fullMu = [Double](repeating: 0, count: p)
            for (r, row) in kept.enumerated() { fullMu[row] = mu[r] }
            return Solution(
                x: x, withoutBounds: free, equalityMultipliers: fullMu, boundMultipliers: lambda,
                activeBounds: working.sorted(), droppedRows: dropped, method: method, iterations: eqpCount)
        }

        /// `x` with components a rounding below their bound set to the bound (so that a category
        /// with no money shows 0, not −7e-15); B·x = d still holds to rounding.
        func snapped(_ x: [Double]) -> [Double] {
            var y = x
            for i in bounded where y[i] < lowerBounds[i]! { y[i] = lowerBounds[i]! }
            return y
        }

        if bounded.allSatisfy({ free[$0] >= lowerBounds[$0]! - feasibilityTol }) {
            // Bounds met (to rounding): the equality-constrained solution is the answer.
            return try finish(snapped(free), working: [], method: .equalityConstrained)
        }

        var x = try phaseOne(b: b, d: d, bounded: bounded)
        var working = Set<Int>()
        let stepTol = 1e-11 * scale
        let maxIterations = 50 + 10 * n
        while eqpCount < maxIterations {
            let fixed = Dictionary(uniqueKeysWithValues: working.map { ($0, lowerBounds[$0]!) })
            let freeIndices = all.filter { !working.contains($0) }
            let xhat = try equalityProblem(b: b, d: d, free: freeIndices, fixed: fixed)
            eqpCount += 1
            let step = (0..<n).map { xhat[$0] - x[$0] }
            if maxAbs(step) <= stepTol {
                x = xhat
                let (_, lambda) = try multipliers(x: x, b: b, working: working)
                let gradientScale = Swift.max(1, (0..<n).map { 2 * weights[$0] * abs(x[$0] - target[$0]) }.max() ?? 0)
                let candidates = working.filter { lambda[$0] < -1e-10 * gradientScale }
                if let release = candidates.min(by: { (lambda[$0], $0) < (lambda[$1], $1) }) {
                    working.remove(release)
                    continue
                }
                return try finish(snapped(x), working: Array(working), method: .activeSet)
            }
            var alpha = 1.0
            var blocking: Int?
            for i in bounded where !working.contains(i) && step[i] < -1e-14 * scale {
                let a = Swift.max(0, (lowerBounds[i]! - x[i]) / step[i])
                if a < alpha || (a == alpha && blocking.map { i < $0 } ?? false) {
                    alpha = a
                    blocking = i
                }
            }
            for i in 0..<n { x[i] += alpha * step[i] }
            if let k = blocking {
                x[k] = lowerBounds[k]!
                working.insert(k)
            }
            for i in bounded where x[i] < lowerBounds[i]! { x[i] = lowerBounds[i]! }
        }
        throw .solver("the active-set loop did not converge within \(maxIterations) subproblems")
    }

    // MARK: - Pieces

    /// Rows of `[B | d]` kept (independent) and dropped (consistent combinations of earlier rows).
    func independentRows() throws(Failure) -> (kept: [Int], dropped: [Int]) {
        let n = equalities.columns
        var basis: [([Double], Double)] = []  // orthonormal B-part and the matching combination of d
        var kept: [Int] = [], dropped: [Int] = []
        let dScale = Swift.max(1, maxAbs(rhs))
        for r in 0..<equalities.rows {
            var v = equalities.row(r)
            var delta = rhs[r]
            let norm0 = norm(v)
            for (q, dq) in basis {
                var c = 0.0
                for j in 0..<n { c += v[j] * q[j] }
                for j in 0..<n { v[j] -= c * q[j] }
                delta -= c * dq
            }
            let residual = norm(v)
            if residual <= 1e-10 * Swift.max(norm0, 1e-300) || norm0 == 0 {
                guard abs(delta) <= 1e-9 * dScale else { throw .inconsistentRows(row: r) }
                dropped.append(r)
            } else {
                basis.append((v.map { $0 / residual }, delta / residual))
                kept.append(r)
            }
        }
        return (kept, dropped)
    }

    /// `B` restricted to `rows`.
    func subRows(_ rows: [Int]) -> Matrix {
        var m = Matrix(rows: rows.count, columns: equalities.columns)
        for (r, row) in rows.enumerated() {
            for j in 0..<equalities.columns { m[r, j] = equalities[row, j] }
        }
        return m
    }

    /// `argmin Σ_{i∈free} w_i (x_i − t_i)²` s.t. `B·x = d` with `x_i = fixed[i]` for the others,
    /// by `dgglse` on the free columns (`A = diag(√w)`, `c = √w ⊙ t`).
    func equalityProblem(b: Matrix, d: [Double], free: [Int], fixed: [Int: Double]) throws(Failure) -> [Double] {
        var x = target
        for (i, v) in fixed { x[i] = v }
        let nf = free.count, p = b.rows
        var rhsFree = d
        for (i, v) in fixed {
            for r in 0..<p { rhsFree[r] -= b[r, i] * v }
        }
        if p == 0 {
            for i in free { x[i] = target[i] }
            return x
        }
        guard nf >= p else { throw .solver("more independent equalities (\(p)) than free variables (\(nf))") }
        var a = Matrix(rows: nf, columns: nf)
        var c = [Double](repeating: 0, count: nf)
        var bf = Matrix(rows: p, columns: nf)
        for (k, i) in free.enumerated() {
            let s = weights[i].squareRoot()
            a[k, k] = s
            c[k] = s * target[i]
            for r in 0..<p { bf[r, k] = b[r, i] }
        }
        do {
            let sol = try LeastSquares.equalityConstrained(a: a, c: c, b: bf, d: rhsFree)
            for (k, i) in free.enumerated() { x[i] = sol.x[k] }
        } catch {
            throw .solver("\(error)")
        }
        return x
    }

    /// A point with `B·x = d` and `x_i ≥ l_i`, by NNLS in `z_i = x_i − l_i` (free variables split).
    func phaseOne(b: Matrix, d: [Double], bounded: [Int]) throws(Failure) -> [Double] {
        let n = target.count, p = b.rows
        var columns: [(index: Int, sign: Double)] = []
        for i in 0..<n {
            columns.append((i, 1))
            if lowerBounds[i] == nil { columns.append((i, -1)) }
        }
        var m = Matrix(rows: p, columns: columns.count)
        var shifted = d
        for (k, col) in columns.enumerated() {
            for r in 0..<p { m[r, k] = col.sign * b[r, col.index] }
        }
        for i in bounded {
            for r in 0..<p { shifted[r] -= b[r, i] * lowerBounds[i]! }
        }
        let z: [Double]
        let residual: Double
        do {
            let s = try LeastSquares.nonNegative(m, shifted, maxIterations: 10 * columns.count + 50)
            z = s.x
            residual = s.residualNorm
        } catch {
            throw .solver("\(error)")
        }
        guard residual <= 1e-9 * Swift.max(1, norm(shifted)) else { throw .infeasible(residual: residual) }
        var x = lowerBounds.map { $0 ?? 0 }
        for (k, col) in columns.enumerated() { x[col.index] += col.sign * z[k] }
        return x
    }

    /// `μ` (least squares on the free columns: `B_Fᵀ·μ ≈ ∇q_F`) and `λ_i = ∇q_i − (Bᵀμ)_i` for
    /// `i ∈ working` (0 elsewhere), with `∇q = 2·w ⊙ (x − t)`.
    func multipliers(x: [Double], b: Matrix, working: Set<Int>) throws(Failure) -> ([Double], [Double]) {
        let n = target.count, p = b.rows
        let g = (0..<n).map { 2 * weights[$0] * (x[$0] - target[$0]) }
        var mu = [Double](repeating: 0, count: p)
        let free = (0..<n).filter { !working.contains($0) }
        if p > 0 && free.count >= p {
            var bf = Matrix(rows: p, columns: free.count)
            for (k, i) in free.enumerated() { for r in 0..<p { bf[r, k] = b[r, i] } }
            do {
                mu = try LeastSquares.solve(bf, free.map { g[$0] }, transpose: .transposed).x
            } catch {
                throw .solver("\(error)")
            }
        }
        var lambda = [Double](repeating: 0, count: n)
        for i in working {
            var btmu = 0.0
            for r in 0..<p { btmu += b[r, i] * mu[r] }
            lambda[i] = g[i] - btmu
        }
        return (mu, lambda)
    }
}

extension BoundedLeastDistance {
    /// The Karush–Kuhn–Tucker residuals of `s` for this problem, all ≈ 0 at the optimum:
    /// stationarity `‖∇q − Bᵀμ − λ‖_∞`, equality violation `‖B·x − d‖_∞`, bound violation
    /// `max(l_i − x_i, 0)`, dual infeasibility `max(−λ_i, 0)` and complementarity
    /// `max |λ_i·(x_i − l_i)|`.
    public func kkt(_ s: Solution) -> (stationarity: Double, equality: Double, bound: Double, dual: Double, complementarity: Double) {
        let n = target.count, p = equalities.rows
        var stationarity = 0.0, equality = 0.0, bound = 0.0, dual = 0.0, comp = 0.0
        for i in 0..<n {
            var btmu = 0.0
            for r in 0..<p { btmu += equalities[r, i] * s.equalityMultipliers[r] }
            stationarity = Swift.max(stationarity, abs(2 * weights[i] * (s.x[i] - target[i]) - btmu - s.boundMultipliers[i]))
            if let l = lowerBounds[i] {
                bound = Swift.max(bound, l - s.x[i])
                comp = Swift.max(comp, abs(s.boundMultipliers[i] * (s.x[i] - l)))
            } else if s.boundMultipliers[i] != 0 {
                dual = .infinity
            }
            dual = Swift.max(dual, -s.boundMultipliers[i])
        }
        for r in 0..<p {
            var bx = 0.0
            for i in 0..<n { bx += equalities[r, i] * s.x[i] }
            equality = Swift.max(equality, abs(bx - rhs[r]))
        }
        return (stationarity, equality, bound, dual, comp)
    }

    /// `q(x) = Σ w_i (x_i − t_i)²`.
    public func objective(_ x: [Double]) -> Double {
        var q = 0.0
        for i in 0..<target.count {
            let e: Double = x[i] - target[i]
            q += weights[i] * e * e
        }
        return q
    }
}

func maxAbs(_ v: [Double]) -> Double { v.reduce(0) { Swift.max($0, abs($1)) } }

func norm(_ v: [Double]) -> Double {
    // Scaled to avoid overflow for large amounts.
    let m = maxAbs(v)
    guard m > 0 else { return 0 }
    return m * v.reduce(0) { $0 + ($1 / m) * ($1 / m) }.squareRoot()
}
