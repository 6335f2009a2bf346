import LinearAlgebra

/// The Leontief quantity model of a table: `I − A` factored once (LU, LAPACK `dgetrf`), or
/// kept unfactored and solved by GMRES (`LeontiefSolverChoice.krylov`, for large tables).
/// Every quantity is a solve, many right-hand sides at a time: `L·b` through
/// `(I − A)·X = B` and `1ᵀL`, `S·L` through the transposed system. The standard ones (L·1,
/// L·x, 1ᵀL, S·L) are computed at construction, in one GMRES run or with one factorisation.
/// The Leontief inverse `L = (I − A)⁻¹` itself is only formed by `leontiefInverse()`.
///
/// Definitions (Miller & Blair 2009, ch. 2): `A = Z·x̂⁻¹` (aᵢⱼ = zᵢⱼ / xⱼ, dimensionless),
/// `S = F·x̂⁻¹` (factor use per unit of output), `x = L·y`.
/// Sectors with `x = 0` and no flows (idle) get zero coefficients.
///
/// Construction checks that the table is productive (see `ProductivityReport`) and throws
/// `IOAnalysisError.singular` / `.notProductive` naming the sector otherwise.
///
/// Memory: `Z` is turned into `A` and then `I − A` in place and handed to the factorisation
/// (or kept for GMRES); pass the table as the last use of its value to avoid a copy of `Z`.
public struct LeontiefModel: Sendable {
    /// The sectors.
    public let sectors: [Sector]
    /// Gross output x (table units).
    public let grossOutput: [Double]
    /// Labels of the rows of `factorCoefficients`.
    public let factorLabels: [String]
    /// Direct factor coefficients `S = F·x̂⁻¹` (m × n), e.g. value added per unit of output.
    public let factorCoefficients: Matrix
    /// Labels of the final-demand columns.
    public let finalDemandLabels: [String]
    /// Final demand `Y` (n × k), kept for the households-endogenous model.
    public let finalDemand: Matrix
    /// `A` itself, only when asked for at construction.
    public let technicalCoefficients: Matrix?
    /// Indices of idle sectors (x = 0, no flows).
    public let idleSectors: [Int]
    /// How productivity was established.
    public let productivity: ProductivityReport
    /// How the standard solves were done (LU or GMRES, with passes and residuals).
    public let solverReport: LeontiefSolverReport
    /// Output multipliers `m = (1ᵀ·L)ᵀ`, the column sums of L (output per unit of final
    /// demand, dimensionless), from the transposed standard solve.
    public let outputMultipliers: [Double]
    /// Factor multipliers: element r is `(S_r·L)ᵀ` for factor row r (factor units per unit of
    /// final demand), from the transposed standard solve.
    public let factorMultipliers: [[Double]]
    /// `w = L·x` (table units), from the forward standard solve; the Ghosh row sums are
    /// `g = x̂⁻¹·L·x` because `G = x̂⁻¹·L·x̂`.
    public let leontiefTimesGrossOutput: [Double]
    /// `I − A`, factored or kept for GMRES.
    let solver: LeontiefSolver
    /// v = (I − A)⁻¹·1 = L·1 (Leontief row sums), a by-product of the productivity check.
    let leontiefRowSums: [Double]

    /// Number of sectors.
    public var sectorCount: Int { sectors.count }

    /// Factors `I − A` for `table` (or keeps it for GMRES) and checks productivity.
    /// Computes the standard solves at once: `(I − A)·[v, w] = [1, x]` and
    /// `(I − A)ᵀ·[m, Mᵀ] = [1, Sᵀ]` (`leontiefRowSums`, `leontiefTimesGrossOutput`,
    /// `outputMultipliers`, `factorMultipliers`).
    /// - Parameters:
    ///   - keepTechnicalCoefficients: keep a copy of `A` (n² more memory).
    ///   - solver: `.krylov` solves by GMRES without factoring (see `LeontiefSolverChoice`);
    ///     `.automatic` and `.factorization` factor.
    /// - Throws: `IOAnalysisError` (`zeroGrossOutputWithFlows`, `singular`, `notProductive`).
    public init(
        _ table: consuming IOTable, keepTechnicalCoefficients: Bool = false,
        solver: LeontiefSolverChoice = .factorization
    ) throws(IOAnalysisError) {
        try table.checkShapes()
        let idle = try table.idleSectors()
        let n = table.sectorCount
        let x = table.grossOutput
        let inverseX = x.map { $0 > 0 ? 1 / $0 : 0 }
        // Move Z out of the table so that its storage is uniquely owned and changed in place.
        var a = Matrix(rows: 0, columns: 0)
        swap(&a, &table.intermediate)
        // I − A in one parallel pass (with the sign check and the 1-norm).
        let formed = IdentityMinusCoefficients.form(&a.elements, n: n, inverseX: inverseX)
        let negative = formed.negative
        var technical: Matrix? = nil
        var absBound: Double? = nil
        var eigenRadius: Double? = nil
        var estimate: Double? = nil
        if negative || keepTechnicalCoefficients {
            // A itself is needed (kept, or checked for ρ(A) < 1): undo the pass in place, exactly.
            formed.restoreCoefficients(&a.elements)
            if keepTechnicalCoefficients { technical = a }
            if negative {
                // The cheap rigorous bound ρ(A) ≤ ρ(|A|) first; all eigenvalues (dgeev) only if it
                // is not below 1; power iteration only if LAPACK fails.
                absBound = SpectralRadiusBound.upperBoundViaAbsolute(a)
                if !(absBound.map { $0 < 1 } ?? false) {
                    let r: Double
                    if let exact = try? spectralRadius(of: a) {
                        r = exact
                        eigenRadius = exact
                    } else {
                        r = SpectralRadiusBound.powerEstimate(a)
                        estimate = r
                    }
                    if !(r < 1) {
                        // Name the sector with the largest column sum of |A|.
                        var worst = 0, worstSum = -1.0
                        for j in 0..<n {
                            var s = 0.0
                            for i in 0..<n { s += abs(a[i, j]) }
                            if s > worstSum { worstSum = s; worst = j }
                        }
                        let how = eigenRadius != nil ? "the eigenvalues give" : "power iteration estimates"
                        throw .notProductive(
                            sector: table.sectors[worst].displayName,
                            detail: "A has negative entries; \(how) ρ(A) = \(r) ≥ 1 (largest column sum of |A|, \(worstSum), in this sector)")
                    }
                }
            }
            formed.reformIdentityMinusCoefficients(&a.elements)
        }
        self.technicalCoefficients = technical
        // Factor coefficients S = F·x̂⁻¹.
        var s = table.factors
        for j in 0..<n {
            for r in 0..<s.rows { s[r, j] *= inverseX[j] }
        }
        // The standard solves: (I − A)·[v, w] = [1, x] and (I − A)ᵀ·[m, Mᵀ] = [1, Sᵀ].
        let nf = s.rows
        var forwardRHS = Matrix(rows: n, columns: 2)
        var transposedRHS = Matrix(rows: n, columns: 1 + nf)
        for i in 0..<n {
            forwardRHS[i, 0] = 1
            forwardRHS[i, 1] = x[i]
            transposedRHS[i, 0] = 1
            for r in 0..<nf { transposedRHS[i, 1 + r] = s[r, i] }
        }
        var krylovStorage: LeontiefSolver? = nil
        var forward = Matrix(rows: 0, columns: 0), transposed = Matrix(rows: 0, columns: 0)
        var solverReport = LeontiefSolverReport(method: .luFactorization)
        var rcond = 0.0
        if solver == .krylov {
            if negative {
                solverReport.fallbackReason = "A has negative entries"
            } else if !formed.oneNorm.isFinite {
                solverReport.fallbackReason = "I − A has a non-finite entry"
            } else if n > 0 {
                let r = LeontiefSolver.krylov(a, forward: forwardRHS, transposed: transposedRHS)
                let worst = r.solution.relativeResiduals.max() ?? 0
                if r.solution.converged {
                    forward = r.forward
                    transposed = r.transposed
                    solverReport = LeontiefSolverReport(
                        method: .gmres, matrixPasses: r.solution.operatorApplications, largestRelativeResidual: worst)
                    // A ≥ 0 here, so L ≥ 0 once v > 0 is checked below, and ‖L‖₁ = max column
                    // sum of L = max m: the condition number is exact, not estimated.
                    let normL = (0..<n).map { transposed[$0, 0] }.max() ?? 0
                    rcond = 1 / (formed.oneNorm * normL)
                    krylovStorage = .iterative(a)
                } else {
                    solverReport.fallbackReason =
                        "GMRES did not reach a relative residual of \(LeontiefSolver.tolerance) in \(r.solution.operatorApplications) passes (largest \(worst))"
                }
            }
        }
        let storage: LeontiefSolver
        if let krylovStorage {
            storage = krylovStorage
        } else {
            let lu: LUFactorization
            do {
                lu = try LUFactorization(consume a, checkedOneNorm: formed.oneNorm.isFinite ? formed.oneNorm : nil)
            } catch let LinearAlgebraError.singular(pivot) {
                throw .singular(sector: table.sectors[min(pivot, n - 1)].displayName)
            } catch {
                throw .linearAlgebra("\(error)")
            }
            do {
                forward = try lu.solve(forwardRHS)
                transposed = try lu.solve(transposedRHS, .transposed)
                rcond = try lu.reciprocalConditionNumber()
            } catch {
                throw .linearAlgebra("\(error)")
            }
            storage = .factored(lu)
        }
        // Productivity: v = L·1.
        let v = forward.column(0)
        let report: ProductivityReport
        if !negative {
            var worst = 0
            for i in 0..<n where v[i] < v[worst] { worst = i }
            if n > 0 && !(v[worst] > 0) {
                throw .notProductive(
                    sector: table.sectors[worst].displayName,
                    detail: "(I − A)⁻¹·1 has entry \(v[worst]) ≤ 0 for this sector, impossible when ρ(A) < 1")
            }
            let ratios = v.map { ($0 - 1) / $0 }
            report = ProductivityReport(
                method: .collatzWielandt, spectralRadiusLowerBound: max(0, ratios.min() ?? 0),
                spectralRadiusUpperBound: ratios.max() ?? 0, hasNegativeCoefficients: false,
                reciprocalConditionNumber: rcond)
        } else if let b = absBound, b < 1 {
            report = ProductivityReport(
                method: .absoluteValueBound, spectralRadiusUpperBound: b, hasNegativeCoefficients: true,
                reciprocalConditionNumber: rcond)
        } else if let r = eigenRadius {
            report = ProductivityReport(
                method: .eigenvalues, spectralRadius: r, hasNegativeCoefficients: true,
                reciprocalConditionNumber: rcond)
        } else {
            report = ProductivityReport(
                method: .powerIteration, spectralRadius: estimate, hasNegativeCoefficients: true,
                reciprocalConditionNumber: rcond)
        }
        self.sectors = table.sectors
        self.grossOutput = x
        self.factorLabels = table.factorLabels
        self.factorCoefficients = s
        self.finalDemandLabels = table.finalDemandLabels
        self.finalDemand = table.finalDemand
        self.idleSectors = idle
        self.productivity = report
        self.solver = storage
        self.solverReport = solverReport
        self.leontiefRowSums = v
        self.leontiefTimesGrossOutput = forward.column(1)
        self.outputMultipliers = transposed.column(0)
        self.factorMultipliers = (0..<nf).map { transposed.column(1 + $0) }
    }

    /// `L·B = (I − A)⁻¹·B` for all columns of `B` (n × k) in one solve, e.g. the output
    /// `Δx = L·Δy` needed to deliver a change in final demand `Δy` (same units as `Δy`).
    public func leontiefTimes(_ b: Matrix) throws(IOAnalysisError) -> Matrix {
        guard b.rows == sectorCount else { throw .demandDimension(expectedRows: sectorCount, got: b.rows) }
        return try leontiefSolves(forward: b, transposed: Matrix(rows: sectorCount, columns: 0)).forward
    }

    /// `(Bᵀ·L)ᵀ = Lᵀ·B`, i.e. each column `c` of `B` gives the row vector `cᵀL`, in one
    /// transposed solve `(I − A)ᵀ·X = B` (e.g. `B = 1` gives the output multipliers).
    public func leontiefTransposeTimes(_ b: Matrix) throws(IOAnalysisError) -> Matrix {
        guard b.rows == sectorCount else { throw .demandDimension(expectedRows: sectorCount, got: b.rows) }
        return try leontiefSolves(forward: Matrix(rows: sectorCount, columns: 0), transposed: b).transposed
    }

    /// `L·B` and `Lᵀ·C` together: with GMRES both share every pass over `I − A` (one run
    /// instead of two); with the LU it is the two solves.
    public func leontiefSolves(forward b: Matrix, transposed c: Matrix) throws(IOAnalysisError) -> (forward: Matrix, transposed: Matrix) {
        guard b.rows == sectorCount else { throw .demandDimension(expectedRows: sectorCount, got: b.rows) }
        guard c.rows == sectorCount else { throw .demandDimension(expectedRows: sectorCount, got: c.rows) }
        do { return try solver.solve(forward: b, transposed: c) } catch { throw .linearAlgebra("\(error)") }
    }

    /// The Leontief inverse `L = (I − A)⁻¹` (n × n, dimensionless), formed from the factors
    /// (LAPACK `dgetri`; with GMRES from the LU of a copy of `I − A`, n² more memory).
    ///
    /// One rule for every output: a table is accepted when ρ(A) < 1 (checked at init). With
    /// negative coefficients (e.g. negative flows in Z), L may still have negative entries; that
    /// is reported as a warning by every analysis (`negativeInverseEntry`), never as an error
    /// of only some options.
    public func leontiefInverse() throws(IOAnalysisError) -> Matrix {
        do { return try solver.inverse() } catch { throw .linearAlgebra("\(error)") }
    }

    /// The most negative entry of L below −1e-9 (row sector, column sector, value), or nil. Only
    /// a table with negative coefficients can have one, so L is formed only for those.
    public func negativeInverseEntry() throws(IOAnalysisError) -> (row: String, column: String, value: Double)? {
        guard productivity.hasNegativeCoefficients else { return nil }
        let l = try leontiefInverse()
        let n = sectorCount
        var worst = 0.0, wi = 0, wj = 0
        l.elements.withUnsafeBufferPointer { p in
            for k in 0..<(n * n) where p[k] < worst {
                worst = p[k]; wi = k % n; wj = k / n
            }
        }
        return worst < -1e-9 ? (sectors[wi].displayName, sectors[wj].displayName, worst) : nil
    }
}
