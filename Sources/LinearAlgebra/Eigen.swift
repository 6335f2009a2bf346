import CLinearAlgebra

/// One eigenvalue `λ = real + i·imaginary` of a real matrix.
public struct Eigenvalue: Sendable, Equatable, Hashable {
    /// Real part.
    public let real: Double
    /// Imaginary part (0 for a real eigenvalue; complex eigenvalues of a real matrix come in
    /// conjugate pairs).
    public let imaginary: Double

    /// `λ = real + i·imaginary`.
    public init(real: Double, imaginary: Double = 0) {
        self.real = real
        self.imaginary = imaginary
    }

    /// Modulus `|λ| = √(real² + imaginary²)` (computed without overflow).
    public var magnitude: Double { Self.hypotenuse(real, imaginary) }

    /// True when the imaginary part is exactly 0.
    public var isReal: Bool { imaginary == 0 }

    private static func hypotenuse(_ x: Double, _ y: Double) -> Double {
        let ax = Swift.abs(x), ay = Swift.abs(y)
        let big = Swift.max(ax, ay), small = Swift.min(ax, ay)
        if big == 0 { return 0 }
        let r = small / big
        return big * (1 + r * r).squareRoot()
    }
}

/// Eigenvalues, and optionally right eigenvectors, of a general real square matrix
/// (LAPACK `dgeev`: balancing, Hessenberg reduction, shifted QR iteration).
///
/// The right eigenvectors satisfy `A·v_j = λ_j·v_j` and are normalised to Euclidean norm 1
/// with largest component real.
public struct EigenDecomposition: Sendable, Equatable {
    /// The eigenvalues in LAPACK's order (not sorted). A complex-conjugate pair appears as two
    /// consecutive entries, the one with positive imaginary part first.
    public let eigenvalues: [Eigenvalue]
    /// Right eigenvectors in LAPACK's packed real form (`n × n`), or nil when not requested:
    /// for a real `λ_j`, column `j` is `v_j`; for a pair `λ_j, λ_{j+1} = conj(λ_j)`,
    /// `v_j = V[:, j] + i·V[:, j+1]` and `v_{j+1} = V[:, j] − i·V[:, j+1]`.
    /// Use `rightEigenvector(_:)` to unpack.
    public let packedRightEigenvectors: Matrix?

    /// Compute the eigenvalues of a square matrix, and its right eigenvectors when
    /// `computeRightEigenvectors` is true. Cost about `10n³` flops (values only) to `26n³`.
    /// - Throws: `dimensionMismatch` if not square, `nonFinite` on NaN/±∞,
    ///   `lapackFailure(routine: "dgeev", …)` when the QR algorithm fails to converge.
    public init(_ matrix: Matrix, computeRightEigenvectors: Bool = false) throws {
        guard matrix.isSquare else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "eigenvalues", expected: "a square matrix", got: "\(matrix.rows)×\(matrix.columns)")
        }
        try matrix.checkFinite()
        let order = matrix.rows
        if order == 0 {
            self.eigenvalues = []
            self.packedRightEigenvectors = computeRightEigenvectors ? Matrix(rows: 0, columns: 0) : nil
            return
        }
        let op = "eigenvalues (dgeev)"
        var n = try lapackInt(order, "order", operation: op)
        var lda = n
        var a = matrix.elements
        var wr = [Double](repeating: 0, count: order)
        var wi = [Double](repeating: 0, count: order)
        var jobvl = UInt8(ascii: "N")
        var jobvr = computeRightEigenvectors ? UInt8(ascii: "V") : UInt8(ascii: "N")
        var ldvl: Int32 = 1
        var ldvr: Int32 = computeRightEigenvectors ? n : 1
        var vl = [Double](repeating: 0, count: 1)
        var vr = [Double](repeating: 0, count: computeRightEigenvectors ? order * order : 1)
        var info: Int32 = 0
        var lwork: Int32 = -1
        var query = 0.0
        dgeev_(&jobvl, &jobvr, &n, &a, &lda, &wr, &wi, &vl, &ldvl, &vr, &ldvr, &query, &lwork, &info, 1, 1)
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dgeev", argument: Int(-info)) }
        lwork = try workspaceLength(
            query: query, minimum: computeRightEigenvectors ? 4 * order : 3 * order, routine: "dgeev")
        var work = [Double](repeating: 0, count: Int(lwork))
        dgeev_(&jobvl, &jobvr, &n, &a, &lda, &wr, &wi, &vl, &ldvl, &vr, &ldvr, &work, &lwork, &info, 1, 1)
        if info < 0 { throw LinearAlgebraError.lapackArgument(routine: "dgeev", argument: Int(-info)) }
        if info > 0 {
            throw LinearAlgebraError.lapackFailure(
                routine: "dgeev", info: Int(info),
                reason: "the QR algorithm failed to compute all eigenvalues (only eigenvalues \(info + 1)…\(order) converged)")
        }
        self.eigenvalues = (0..<order).map { Eigenvalue(real: wr[$0], imaginary: wi[$0]) }
        self.packedRightEigenvectors =
            computeRightEigenvectors ? try Matrix(rows: order, columns: order, columnMajor: vr) : nil
    }

    /// The right eigenvector `v_j` of `eigenvalues[j]`, split into real and imaginary parts
    /// (the imaginary part is all zeros for a real eigenvalue). Nil when eigenvectors were not
    /// computed or `j` is out of range.
    public func rightEigenvector(_ j: Int) -> (real: [Double], imaginary: [Double])? {
        guard let v = packedRightEigenvectors, j >= 0, j < eigenvalues.count else { return nil }
        let n = eigenvalues.count
        let lambda = eigenvalues[j]
        if lambda.imaginary == 0 { return (v.column(j), [Double](repeating: 0, count: n)) }
        // First of a pair (positive imaginary part): v = V[:,j] + i·V[:,j+1];
        // second: v = V[:,j−1] − i·V[:,j].
        if lambda.imaginary > 0, j + 1 < n { return (v.column(j), v.column(j + 1)) }
        if j >= 1 { return (v.column(j - 1), v.column(j).map { -$0 }) }
        return nil
    }

    /// The spectral radius `ρ(A) = max_j |λ_j|` (0 for an empty matrix).
    public var spectralRadius: Double { eigenvalues.reduce(0) { Swift.max($0, $1.magnitude) } }
}

/// The eigenvalues of a general real square matrix (LAPACK `dgeev`, values only), in LAPACK's
/// order; see `EigenDecomposition`.
/// - Throws: as `EigenDecomposition.init(_:computeRightEigenvectors:)`.
public func eigenvalues(of matrix: Matrix) throws -> [Eigenvalue] {
    try EigenDecomposition(matrix).eigenvalues
}

/// The spectral radius `ρ(A) = max_j |λ_j(A)|` of a real square matrix, from all eigenvalues
/// (LAPACK `dgeev`). For a non-negative matrix this is the Perron root; an iteration
/// `x_{k+1} = A·x_k + c` converges for every start iff `ρ(A) < 1`.
/// - Throws: as `EigenDecomposition.init(_:computeRightEigenvectors:)`.
public func spectralRadius(of matrix: Matrix) throws -> Double {
    try EigenDecomposition(matrix).spectralRadius
}
