/// Evidence that the table is productive, i.e. that the spectral radius ρ(A) of the technical
/// coefficients is below 1, so that `L = (I − A)⁻¹ = I + A + A² + … ≥ 0` exists.
public struct ProductivityReport: Equatable, Sendable {
    /// How ρ(A) < 1 was established.
    public enum Method: String, Sendable {
        /// A ≥ 0 and v = (I − A)⁻¹·1 > 0. Then A·v = v − 1, so by the Collatz–Wielandt
        /// formula minᵢ (vᵢ−1)/vᵢ ≤ ρ(A) ≤ maxᵢ (vᵢ−1)/vᵢ < 1. Rigorous, one solve.
        case collatzWielandt = "collatz-wielandt"
        /// A has negative entries: ρ(A) ≤ ρ(|A|) bounded by Collatz–Wielandt with power
        /// iteration on |A|. Rigorous.
        case absoluteValueBound = "absolute-value-bound"
        /// A has negative entries and the bound via |A| was not below 1: ρ(A) from all
        /// eigenvalues (LAPACK `dgeev` through `LinearAlgebra.spectralRadius(of:)`, O(n³)).
        case eigenvalues = "eigenvalues"
        /// As `eigenvalues`, but LAPACK failed: ρ(A) estimated from the growth of ‖Aᵏu‖
        /// (power iteration). An estimate, not a proof.
        case powerIteration = "power-iteration"
    }

    /// The method used.
    public var method: Method
    /// A lower bound of ρ(A), when the method gives one.
    public var spectralRadiusLowerBound: Double?
    /// An upper bound of ρ(A) (< 1), when the method gives one.
    public var spectralRadiusUpperBound: Double?
    /// ρ(A) itself, for `eigenvalues` (computed) and `powerIteration` (estimated).
    public var spectralRadius: Double?
    /// True when some technical coefficient is negative.
    public var hasNegativeCoefficients: Bool
    /// Reciprocal condition number of `I − A` in the 1-norm, `1 / (‖I − A‖₁·‖L‖₁)`: estimated
    /// from the LU factors (LAPACK `dgecon`), or exact with GMRES (A ≥ 0 there, so L ≥ 0 and
    /// `‖L‖₁` is the largest output multiplier). Values near machine precision (≲ 1e-12) mean
    /// results carry few correct digits.
    public var reciprocalConditionNumber: Double

    public init(
        method: Method, spectralRadiusLowerBound: Double? = nil, spectralRadiusUpperBound: Double? = nil,
        spectralRadius: Double? = nil, hasNegativeCoefficients: Bool,
        reciprocalConditionNumber: Double
    ) {
        self.method = method
        self.spectralRadiusLowerBound = spectralRadiusLowerBound
        self.spectralRadiusUpperBound = spectralRadiusUpperBound
        self.spectralRadius = spectralRadius
        self.hasNegativeCoefficients = hasNegativeCoefficients
        self.reciprocalConditionNumber = reciprocalConditionNumber
    }
}
