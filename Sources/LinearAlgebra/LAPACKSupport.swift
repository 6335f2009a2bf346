// Internal helpers shared by the LAPACK wrappers: 32-bit INTEGER conversion, workspace sizes
// from `lwork = -1` queries, and finiteness checks on vectors.

/// `value` as LAPACK's 32-bit INTEGER, or a `dimensionMismatch` naming `what` when it does not fit
/// (LP64 LAPACK cannot address it).
func lapackInt(_ value: Int, _ what: String, operation: String) throws -> Int32 {
    guard let v = Int32(exactly: value), v >= 0 else {
        throw LinearAlgebraError.dimensionMismatch(
            operation: operation, expected: "\(what) between 0 and \(Int32.max) (32-bit LAPACK integers)",
            got: "\(value)")
    }
    return v
}

/// The workspace length to allocate after a workspace query (`lwork = -1`): the optimal size
/// LAPACK wrote in `work[0]`, never below `minimum` (the documented minimum) nor 1.
func workspaceLength(query: Double, minimum: Int, routine: String) throws -> Int32 {
    var optimal = minimum
    if query.isFinite, query > 0, query < Double(Int32.max) {
        optimal = Swift.max(optimal, Int(query.rounded(.up)))
    }
    return try lapackInt(Swift.max(optimal, 1), "workspace length", operation: routine)
}

/// Throws `nonFinite(row: k, column: 0)` for the first NaN/±∞ entry of a vector.
func checkFinite(_ vector: [Double]) throws {
    for (k, v) in vector.enumerated() where !v.isFinite {
        throw LinearAlgebraError.nonFinite(row: k, column: 0)
    }
}

/// `‖v‖₂ = √(Σ vᵢ²)`, accumulated with scaling (the LAPACK `dnrm2` idea) so that it neither
/// overflows nor underflows needlessly. NaN in, NaN out; ±∞ gives +∞.
func euclideanNorm<C: Collection>(_ values: C) -> Double where C.Element == Double {
    var scale = 0.0
    for v in values {
        if v.isNaN { return .nan }
        scale = Swift.max(scale, Swift.abs(v))
    }
    if scale == 0 || !scale.isFinite { return scale }
    var s = 0.0
    for v in values {
        let r = v / scale
        s += r * r
    }
    return scale * s.squareRoot()
}

/// `Σ vᵢ² = ‖v‖₂²` (may overflow to +∞ only when the true value does).
func sumOfSquares<C: Collection>(_ values: C) -> Double where C.Element == Double {
    let n = euclideanNorm(values)
    return n * n
}
