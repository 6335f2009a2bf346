/// The solution of a non-negative least-squares problem.
public struct NonNegativeLeastSquaresSolution: Sendable, Equatable {
    /// The minimiser `x ≥ 0` (length `n`).
    public let x: [Double]
    /// `‖A·x − b‖₂` at the solution (of the original, unweighted `A` and `b`).
    public let residualNorm: Double
    /// The dual vector `w = Aᵀ(b − A·x)` (the negated gradient of `½‖A·x − b‖²`). At the optimum
    /// `w_j ≈ 0` where `x_j > 0` and `w_j ≤ tolerance` where `x_j = 0` (KKT conditions).
    public let dual: [Double]
    /// The indices of the passive (free) variables at the end, those with `x_j > 0`, ascending.
    public let passiveSet: [Int]
    /// Least-squares subproblems solved (each one `dgels` call).
    public let iterations: Int
}

extension LeastSquares {
    /// Non-negative least squares (NNLS) by the Lawson–Hanson active-set method
    /// (Lawson & Hanson, *Solving Least Squares Problems*, 1974/1995, ch. 23):
    ///
    ///     minimise ‖A·x − b‖₂  subject to  x ≥ 0.
    ///
    /// Method: start from `x = 0` with every variable in the active set `Z` (held at 0) and the
    /// passive set `P` empty. Repeat: compute `w = Aᵀ(b − A·x)`; stop when `Z` is empty or
    /// `max_{j∈Z} w_j ≤ tolerance`; otherwise move `t = argmax_{j∈Z} w_j` to `P` and solve the
    /// unconstrained subproblem `s = argmin ‖A_P·s − b‖₂` (LAPACK `dgels` on the columns in `P`).
    /// While some `s_j ≤ 0`, step back to the feasible point
    /// `x ← x + α(s − x)`, `α = min_{j∈P, s_j ≤ 0} x_j / (x_j − s_j)`, move the variables that
    /// reached 0 back to `Z`, and re-solve. As in the original code, a column whose subproblem
    /// is exactly rank deficient, or whose own coefficient comes out `≤ 0` right after it enters
    /// (possible only through rounding), is rejected until `x` next changes.
    ///
    /// The iteration count is the number of subproblems solved; each costs `O(m·|P|²)`.
    ///
    /// - Parameters:
    ///   - a: the `m × n` matrix.
    ///   - b: the right-hand side, length `m`.
    ///   - maxIterations: limit on subproblem solves; default `max(3n, 30)`.
    ///   - tolerance: optimality threshold on `w`; default `10·ε·max(m, n)·‖A‖₁·‖b‖₂`.
    /// - Throws: `dimensionMismatch` when `b.count != m`; `nonFinite` on NaN/±∞;
    ///   `invalidArgument` for `maxIterations < 1` or a negative/non-finite tolerance;
    ///   `notConverged(algorithm: "non-negative least squares (Lawson–Hanson)", …)` when the limit
    ///   is reached before the optimality test holds.
    public static func nonNegative(
        _ a: Matrix, _ b: [Double], maxIterations: Int? = nil, tolerance: Double? = nil
    ) throws -> NonNegativeLeastSquaresSolution {
        guard b.count == a.rows else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "non-negative least squares", expected: "b of length \(a.rows) (the rows of A)",
                got: "\(b.count)")
        }
        try a.checkFinite()
        try checkFinite(b)
        let s = try lawsonHanson(a, b, maxIterations: maxIterations, tolerance: tolerance)
        return try finish(a, b, x: s.x, iterations: s.iterations)
    }

    /// Non-negative least squares with linear equality constraints, by the **method of weighting**:
    ///
    ///     minimise ‖A·x − b‖₂  subject to  E·x = f,  x ≥ 0
    ///
    /// is replaced by the NNLS problem on the stacked system
    ///
    ///     minimise ‖ [μE; A]·x − [μf; b] ‖₂  subject to  x ≥ 0,
    ///
    /// with the heavily weighted constraint rows placed first (so that Householder QR treats
    /// them stably). As `μ → ∞` its solution tends to the constrained one, with an error of
    /// order `1/μ²` relative to the data; but the optimality test uses the dual vector of the
    /// stacked system, whose rounding noise grows like `ε·μ²`. The default
    /// `μ = ε^(−1/4)·‖A‖_F / ‖E‖_F` (≈ 8·10³ for comparable scales) balances the two, so both
    /// the constraint residual `E·x − f` and the solution error are of relative order
    /// `√ε ≈ 10⁻⁸`. This is an approximation (Lawson & Hanson ch. 22, Van Loan 1985), not an
    /// exact method. A larger `weight` tightens the constraints (error `∝ 1/μ²`) at the price of a
    /// noisier optimality test (`∝ ε·μ²`); it can help on well-scaled problems.
    ///
    /// `residualNorm` and `dual` in the result refer to the original `A`, `b` (without the
    /// weighted rows); the constraint residual is not returned — compute `E·x − f` with
    /// `e.multiply(result.x)` when it matters.
    ///
    /// - Parameters:
    ///   - e: the `q × n` constraint matrix; `f`: its right-hand side (length `q`).
    ///   - weight: `μ > 0`; default as above.
    /// - Throws: as `nonNegative(_:_:maxIterations:tolerance:)`, plus `dimensionMismatch` when
    ///   `E` does not have `n` columns or `f.count != q`, and `invalidArgument` for a non-positive
    ///   or non-finite weight. An infeasible constraint set (no `x ≥ 0` with `E·x = f`) is *not*
    ///   reported as an error: the result then minimises the weighted violation.
    public static func nonNegative(
        _ a: Matrix, _ b: [Double], equality e: Matrix, _ f: [Double], weight: Double? = nil,
        maxIterations: Int? = nil, tolerance: Double? = nil
    ) throws -> NonNegativeLeastSquaresSolution {
        let op = "non-negative least squares with equality constraints"
        guard b.count == a.rows else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: op, expected: "b of length \(a.rows) (the rows of A)", got: "\(b.count)")
        }
        guard e.columns == a.columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: op, expected: "E with \(a.columns) columns (the columns of A)", got: "\(e.columns)")
        }
        guard f.count == e.rows else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: op, expected: "f of length \(e.rows) (the rows of E)", got: "\(f.count)")
        }
        try a.checkFinite()
        try checkFinite(b)
        try e.checkFinite()
        try checkFinite(f)
        let eNorm = e.frobeniusNorm
        let mu: Double
        if let weight {
            guard weight.isFinite, weight > 0 else {
                throw LinearAlgebraError.invalidArgument(name: "weight", reason: "must be finite and > 0, got \(weight)")
            }
            mu = weight
        } else {
            let aNorm = a.frobeniusNorm
            mu = (1 / Double.ulpOfOne).squareRoot().squareRoot() * (aNorm > 0 && eNorm > 0 ? aNorm / eNorm : 1)
        }
        let q = e.rows, m = a.rows, n = a.columns
        var stacked = Matrix(rows: q + m, columns: n)
        for j in 0..<n {
            for i in 0..<q { stacked.elements[i + j * (q + m)] = mu * e.elements[i + j * q] }
            for i in 0..<m { stacked.elements[q + i + j * (q + m)] = a.elements[i + j * m] }
        }
        let rhs = f.map { mu * $0 } + b
        let s = try lawsonHanson(stacked, rhs, maxIterations: maxIterations, tolerance: tolerance)
        return try finish(a, b, x: s.x, iterations: s.iterations)
    }

    /// Residual norm, dual vector and passive set of `x` with respect to `A`, `b`.
    private static func finish(
        _ a: Matrix, _ b: [Double], x: [Double], iterations: Int
    ) throws -> NonNegativeLeastSquaresSolution {
        let ax = try a.multiply(x)
        let r = (0..<b.count).map { b[$0] - ax[$0] }
        let w = try a.multiply(r, .transposed)
        return NonNegativeLeastSquaresSolution(
            x: x, residualNorm: euclideanNorm(r), dual: w,
            passiveSet: x.indices.filter { x[$0] > 0 }, iterations: iterations)
    }

    /// The Lawson–Hanson iteration on validated, finite input.
    private static func lawsonHanson(
        _ a: Matrix, _ b: [Double], maxIterations: Int?, tolerance: Double?
    ) throws -> (x: [Double], iterations: Int) {
        let algorithm = "non-negative least squares (Lawson–Hanson)"
        let m = a.rows, n = a.columns
        let limit = maxIterations ?? Swift.max(3 * n, 30)
        guard limit >= 1 else {
            throw LinearAlgebraError.invalidArgument(name: "maxIterations", reason: "must be ≥ 1, got \(limit)")
        }
        let tol: Double
        if let tolerance {
            guard tolerance.isFinite, tolerance >= 0 else {
                throw LinearAlgebraError.invalidArgument(
                    name: "tolerance", reason: "must be finite and ≥ 0, got \(tolerance)")
            }
            tol = tolerance
        } else {
            tol = 10 * Double.ulpOfOne * Double(Swift.max(m, n)) * a.oneNorm * euclideanNorm(b)
        }
        var x = [Double](repeating: 0, count: n)
        if n == 0 || m == 0 { return (x, 0) }
        var passive = [Bool](repeating: false, count: n)
        var rejected = [Bool](repeating: false, count: n)
        var iterations = 0

        /// Solve the unconstrained subproblem on the passive columns; nil on exact rank deficiency.
        func subproblem(_ cols: [Int]) throws -> [Double]? {
            iterations += 1
            var ap = Matrix(rows: m, columns: cols.count)
            for (k, j) in cols.enumerated() {
                ap.elements.replaceSubrange((k * m)..<((k + 1) * m), with: a.elements[(j * m)..<((j + 1) * m)])
            }
            do {
                return try solve(ap, b).x
            } catch LinearAlgebraError.lapackFailure(routine: "dgels", _, _) {
                return nil
            }
        }

        while true {
            // Dual vector w = Aᵀ(b − A·x).
            let ax = try a.multiply(x)
            let r = (0..<m).map { b[$0] - ax[$0] }
            let w = try a.multiply(r, .transposed)
            var t = -1
            var best = tol
            for j in 0..<n where !passive[j] && !rejected[j] && w[j] > best {
                best = w[j]
                t = j
            }
            if t < 0 { return (x, iterations) }
            if iterations >= limit { throw LinearAlgebraError.notConverged(algorithm: algorithm, iterations: iterations) }
            passive[t] = true
            var cols = (0..<n).filter { passive[$0] }
            guard let first = try subproblem(cols), let tk = cols.firstIndex(of: t), first[tk] > 0 else {
                // Column t is (numerically) dependent on the passive ones: reject it for now.
                passive[t] = false
                rejected[t] = true
                continue
            }
            var s = first
            // Inner loop: restore feasibility while some passive coefficient is not positive.
            while true {
                if s.allSatisfy({ $0 > 0 }) {
                    for (k, j) in cols.enumerated() { x[j] = s[k] }
                    break
                }
                var alpha = Double.infinity
                var blocking = -1
                for (k, j) in cols.enumerated() where s[k] <= 0 {
                    let ratio = x[j] / (x[j] - s[k])
                    if ratio < alpha {
                        alpha = ratio
                        blocking = j
                    }
                }
                for (k, j) in cols.enumerated() { x[j] += alpha * (s[k] - x[j]) }
                if blocking >= 0 { x[blocking] = 0 }
                for j in cols where x[j] <= 0 {
                    x[j] = 0
                    passive[j] = false
                }
                cols = (0..<n).filter { passive[$0] }
                if cols.isEmpty { break }
                if iterations >= limit { throw LinearAlgebraError.notConverged(algorithm: algorithm, iterations: iterations) }
                guard let next = try subproblem(cols) else {
                    throw LinearAlgebraError.notConverged(algorithm: algorithm, iterations: iterations)
                }
                s = next
            }
            // x changed: previously rejected columns may enter again.
            rejected = [Bool](repeating: false, count: n)
        }
    }
}
