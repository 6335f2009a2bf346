/// Errors raised by the linear-algebra layer. Every one is a value a caller can report;
/// nothing in this module traps on user data.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Shapes do not fit, e.g. `(3×4) · (5×2)`. `operation` names what was attempted.
    case dimensionMismatch(operation: String, expected: String, got: String)
    /// The matrix is exactly singular: `U[pivot, pivot] = 0` in the LU factorisation
    /// (`pivot` is 0-based).
    case singular(pivot: Int)
    /// An input holds NaN or ±infinity at (row, column), 0-based.
    case nonFinite(row: Int, column: Int)
    /// LAPACK rejected argument number `argument` (1-based, as LAPACK's INFO = −argument).
    case lapackArgument(routine: String, argument: Int)
    /// A LAPACK routine failed to converge or reported rank deficiency (INFO > 0).
    case lapackFailure(routine: String, info: Int, reason: String)
    /// An iterative algorithm (not LAPACK) stopped after `iterations` steps without meeting its
    /// optimality test, e.g. the active-set non-negative least squares.
    case notConverged(algorithm: String, iterations: Int)
    /// An argument is outside its admissible range (e.g. a non-positive iteration limit or weight).
    case invalidArgument(name: String, reason: String)

    /// A one-line, human-readable message (positions 1-based).
    public var description: String {
        switch self {
        case let .dimensionMismatch(operation, expected, got):
            return "dimension mismatch in \(operation): expected \(expected), got \(got)"
        case let .singular(pivot):
            return "matrix is singular: zero pivot at row/column \(pivot + 1)"
        case let .nonFinite(row, column):
            return "non-finite value (NaN or infinity) at row \(row + 1), column \(column + 1)"
        case let .lapackArgument(routine, argument):
            return "LAPACK \(routine) rejected argument \(argument)"
        case let .lapackFailure(routine, info, reason):
            return "LAPACK \(routine) failed (info \(info)): \(reason)"
        case let .notConverged(algorithm, iterations):
            return "\(algorithm) did not converge within \(iterations) iterations"
        case let .invalidArgument(name, reason):
            return "invalid argument \(name): \(reason)"
        }
    }
}
