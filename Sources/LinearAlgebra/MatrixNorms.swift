extension Matrix {
    /// Largest absolute entry, `max_{i,j} |a_ij|` (0 for an empty matrix, NaN if any entry is NaN).
    public var maxAbs: Double {
        var m = 0.0
        for v in elements {
            if v.isNaN { return .nan }
            m = Swift.max(m, Swift.abs(v))
        }
        return m
    }

    /// Frobenius norm `‖A‖_F = √(Σ_{i,j} a_ij²)`, accumulated with scaling (no spurious overflow).
    public var frobeniusNorm: Double {
        euclideanNorm(elements)
    }

    /// 1-norm `‖A‖₁ = max_j Σ_i |a_ij|` (largest absolute column sum).
    public var oneNorm: Double {
        var best = 0.0
        for j in 0..<columns {
            var s = 0.0
            for i in 0..<rows { s += Swift.abs(elements[i + j * rows]) }
            if s.isNaN { return .nan }
            best = Swift.max(best, s)
        }
        return best
    }

    /// ∞-norm `‖A‖_∞ = max_i Σ_j |a_ij|` (largest absolute row sum).
    public var infinityNorm: Double {
        var sums = [Double](repeating: 0, count: rows)
        for j in 0..<columns {
            for i in 0..<rows { sums[i] += Swift.abs(elements[i + j * rows]) }
        }
        if sums.contains(where: { $0.isNaN }) { return .nan }
        return sums.max() ?? 0
    }

    /// `max_{i,j} |a_ij − b_ij|`, the entry-wise distance used to compare results in tests and
    /// checks (NaN if either matrix holds NaN at a compared position).
    /// - Throws: `dimensionMismatch` when the shapes differ.
    public func maxAbsDifference(_ other: Matrix) throws -> Double {
        guard rows == other.rows, columns == other.columns else {
            throw LinearAlgebraError.dimensionMismatch(
                operation: "maxAbsDifference", expected: "a \(rows)×\(columns) matrix",
                got: "\(other.rows)×\(other.columns)")
        }
        var m = 0.0
        for k in elements.indices {
            let d = Swift.abs(elements[k] - other.elements[k])
            if d.isNaN { return .nan }
            m = Swift.max(m, d)
        }
        return m
    }
}
