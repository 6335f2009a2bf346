import CLinearAlgebra

/// Restarted GMRES (Saad & Schultz 1986; Saad 2003, *Iterative Methods for Sparse Linear
/// Systems*, §6.5, Algorithm 6.9) for k linear systems `O_c·x_c = b_c` solved together.
///
/// Each step applies every system's operator once, through a single call of `apply`, so that
/// an operator that is a pass over a large matrix is paid once per step for all k systems (see
/// `TwoSidedProduct`, which applies `M` to some columns and `Mᵀ` to others in one pass). Each
/// system has its own Krylov basis, orthogonalised by classical Gram–Schmidt applied twice
/// (CGS2, as accurate as modified Gram–Schmidt and vectorisable), its own Hessenberg matrix
/// and Givens rotations.
///
/// A column is accepted when its **true** relative residual `‖b_c − O_c·x_c‖₂ / ‖b_c‖₂`,
/// computed from the iterate (one more application at the end of each cycle), is at most
/// `tolerance`; the recurrence's estimate only decides when a cycle ends. The solver stops
/// when every column is accepted, when `maxApplications` is used up, or when a cycle does not
/// halve any remaining residual (stagnation). It never throws: the caller reads `converged`
/// and falls back to a direct solver otherwise. Non-finite inputs give non-finite residuals,
/// which are never accepted.
///
/// Cost per step: one `apply` of k columns plus O(k·n·j) for the j-th basis vector; memory
/// k·n·(steps + 1) doubles for the bases (steps ≤ `restart`).
public enum LockstepGMRES {
    /// The result of `solve`.
    public struct Solution: Sendable {
        /// x_c in column c (n × k).
        public var solutions: Matrix
        /// `‖b_c − O_c·x_c‖₂ / ‖b_c‖₂` from the final iterate (0 when b_c = 0).
        public var relativeResiduals: [Double]
        /// Calls of `apply`, the residual checks included.
        public var operatorApplications: Int
        /// True when every column reached the tolerance.
        public var converged: Bool
    }

    /// Solves `O_c·x_c = b_c` for every column c of `b` (n × k), starting from x = 0.
    /// - Parameters:
    ///   - tolerance: relative residual at which a column is accepted (default 1e-13).
    ///   - restart: steps per cycle (the size of each basis).
    ///   - maxApplications: most calls of `apply` in all.
    ///   - apply: `apply(columns, V)` returns the n × `columns.count` block whose q-th column
    ///     is `O_{columns[q]}·V[:, q]`.
    public static func solve(
        _ b: Matrix, tolerance: Double = 1e-13, restart: Int = 40, maxApplications: Int = 120,
        apply: (_ columns: [Int], _ block: Matrix) -> Matrix
    ) -> Solution {
        let n = b.rows, k = b.columns
        var x = Matrix(rows: n, columns: k)
        let norms = (0..<k).map { c in norm(b.elements, c * n, n) }
        var relative = [Double](repeating: .infinity, count: k)
        var accepted = [Bool](repeating: false, count: k)
        for c in 0..<k where norms[c] == 0 {
            accepted[c] = true
            relative[c] = 0
        }
        var residual = b.elements  // b − O·x, with x = 0
        var applications = 0
        let cycleTarget = tolerance / 10
        while applications < maxApplications {
            let active = (0..<k).filter { !accepted[$0] }
            let ka = active.count
            let budget = Swift.min(restart, maxApplications - applications - 1)
            if ka == 0 || budget < 1 { break }
            // First basis vectors: the residuals, normalised.
            var beta = [Double](repeating: 0, count: ka)
            var first = [Double](repeating: 0, count: n * ka)
            for (q, c) in active.enumerated() {
                beta[q] = norm(residual, c * n, n)
                let s = 1 / beta[q]
                for i in 0..<n { first[i + q * n] = residual[i + c * n] * s }
            }
            var basis = [first]
            // Per system: the rotated Hessenberg columns (R), the rotations and g = Qᵀ·β·e₁.
            var r = [[[Double]]](repeating: [], count: ka)
            var cosines = [[Double]](repeating: [], count: ka)
            var sines = [[Double]](repeating: [], count: ka)
            var g = beta.map { [$0] }
            var finished = [Bool](repeating: false, count: ka)
            for j in 0..<budget {
                var next = apply(active, block(basis[j], n, ka)).elements
                applications += 1
                for q in 0..<ka where !finished[q] {
                    let offset = q * n
                    // CGS2: h = Vᵀw, w −= V·h, twice.
                    var h = [Double](repeating: 0, count: j + 2)
                    for _ in 0..<2 {
                        var t = [Double](repeating: 0, count: j + 1)
                        for s in 0...j { t[s] = dot(basis[s], next, offset, n) }
                        for s in 0...j {
                            h[s] += t[s]
                            subtract(t[s], basis[s], from: &next, offset, n)
                        }
                    }
                    let hn = norm(next, offset, n)
                    h[j + 1] = hn
                    for s in 0..<j {
                        let a = cosines[q][s] * h[s] + sines[q][s] * h[s + 1]
                        h[s + 1] = -sines[q][s] * h[s] + cosines[q][s] * h[s + 1]
                        h[s] = a
                    }
                    // √(h_j² + hn²) without overflow or underflow in the squares.
                    let scale = Swift.max(abs(h[j]), hn)
                    let d = scale > 0 ? scale * ((h[j] / scale) * (h[j] / scale) + (hn / scale) * (hn / scale)).squareRoot() : 0
                    let cj = d > 0 ? h[j] / d : 1, sj = d > 0 ? hn / d : 0
                    h[j] = d
                    h[j + 1] = 0
                    cosines[q].append(cj)
                    sines[q].append(sj)
                    let gj = g[q][j]
                    g[q][j] = cj * gj
                    g[q].append(-sj * gj)
                    r[q].append(h)
                    if hn > 0 {
                        let s = 1 / hn
                        for i in 0..<n { next[offset + i] *= s }
                    } else {
                        for i in 0..<n { next[offset + i] = 0 }
                    }
                    let estimate = abs(g[q][j + 1])
                    if estimate <= cycleTarget * norms[active[q]] || hn == 0 || !estimate.isFinite {
                        finished[q] = true
                    }
                }
                if finished.allSatisfy({ $0 }) || j + 1 == budget { break }
                basis.append(next)
            }
            // x += V·y with R·y = g (back substitution), per system.
            var update = [Double](repeating: 0, count: n * ka)
            for (q, c) in active.enumerated() {
                let steps = r[q].count
                var y = [Double](repeating: 0, count: steps)
                for row in stride(from: steps - 1, through: 0, by: -1) {
                    var t = g[q][row]
                    for col in (row + 1)..<steps { t -= r[q][col][row] * y[col] }
                    y[row] = t / r[q][row][row]
                }
                for s in 0..<steps { subtract(-y[s], basis[s], from: &x.elements, c * n, n, sourceOffset: q * n) }
                for i in 0..<n { update[i + q * n] = x.elements[i + c * n] }
            }
            // True residuals of the active systems.
            let ox = apply(active, block(update, n, ka)).elements
            applications += 1
            var improved = false
            for (q, c) in active.enumerated() {
                for i in 0..<n { residual[i + c * n] = b.elements[i + c * n] - ox[i + q * n] }
                let rel = norm(residual, c * n, n) / norms[c]
                if rel <= 0.5 * relative[c] { improved = true }
                relative[c] = rel
                if rel <= tolerance { accepted[c] = true }
            }
            if !improved { break }
        }
        return Solution(
            solutions: x, relativeResiduals: relative, operatorApplications: applications,
            converged: accepted.allSatisfy { $0 })
    }

    /// The n × k matrix over `elements` (count n·k by construction).
    private static func block(_ elements: [Double], _ n: Int, _ k: Int) -> Matrix {
        var m = Matrix(rows: n, columns: k)
        m.elements = elements
        return m
    }

    /// ‖v[offset..<offset+n]‖₂ (NaN/∞ propagate).
    private static func norm(_ v: [Double], _ offset: Int, _ n: Int) -> Double {
        dot(v, v, offset, n).squareRoot()
    }

    /// a[offset..<offset+n] · b[offset..<offset+n] (BLAS `ddot`).
    private static func dot(_ a: [Double], _ b: [Double], _ offset: Int, _ n: Int) -> Double {
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                cblas_ddot(Int32(n), ap.baseAddress! + offset, 1, bp.baseAddress! + offset, 1)
            }
        }
    }

    /// y[offset..<offset+n] −= t · v[sourceOffset..<sourceOffset+n] (sourceOffset defaults to
    /// offset; BLAS `daxpy`).
    private static func subtract(
        _ t: Double, _ v: [Double], from y: inout [Double], _ offset: Int, _ n: Int, sourceOffset: Int? = nil
    ) {
        let source = sourceOffset ?? offset
        v.withUnsafeBufferPointer { vp in
            y.withUnsafeMutableBufferPointer { yp in
                cblas_daxpy(Int32(n), -t, vp.baseAddress! + source, 1, yp.baseAddress! + offset, 1)
            }
        }
    }
}
