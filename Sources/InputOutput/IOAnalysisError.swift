import LinearAlgebra

/// A problem found while analysing an input-output table (as opposed to reading its files,
/// see `IOReadError`). Sectors are named by `Sector.displayName`.
public enum IOAnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The table's arrays do not fit together (only for tables built in code).
    case invalidTable(String)
    /// Gross output is negative or NaN/∞ for a sector (only for tables built in code).
    case invalidGrossOutput(sector: String, value: Double)
    /// `x_j = 0` for a sector that still has intermediate or factor flows.
    case zeroGrossOutputWithFlows(sector: String)
    /// `I − A` is exactly singular: LU met a zero pivot in this sector's column.
    case singular(sector: String)
    /// The table is not productive: the spectral radius of `A` is at least 1, so
    /// `(I − A)⁻¹` is not a non-negative matrix and the Leontief model has no meaning.
    /// `detail` gives the evidence (the entry of `(I − A)⁻¹·1` or the eigenvalue estimate).
    case notProductive(sector: String, detail: String)
    /// The Leontief inverse has a negative entry (row sector, column sector, value).
    case negativeLeontiefInverse(row: String, column: String, value: Double)
    /// The closed (households endogenous) model is not productive.
    case closedModelNotProductive(detail: String)
    /// A factor row label (F.csv) that the table does not have.
    case unknownFactorRow(label: String, available: [String])
    /// A final-demand column label (Y.csv) that the table does not have.
    case unknownFinalDemandColumn(label: String, available: [String])
    /// The household income row sums to zero or less, so consumption shares are undefined.
    case nonPositiveHouseholdIncome(label: String, total: Double)
    /// A demand-change matrix or vector of the wrong length.
    case demandDimension(expectedRows: Int, got: Int)
    /// A linear-algebra failure that is not one of the cases above.
    case linearAlgebra(String)
    /// A result is not a finite number: the inputs are too large or too small for double precision.
    case nonFiniteResult(quantity: String, sector: String, input: String)

    public var description: String {
        switch self {
        case let .invalidTable(reason):
            return "invalid input-output table: \(reason)"
        case let .invalidGrossOutput(sector, value):
            return "gross output of sector \(sector) is \(value); expected a finite x ≥ 0"
        case let .zeroGrossOutputWithFlows(sector):
            return "gross output of sector \(sector) is 0 but the sector has intermediate, final-demand or factor flows; coefficients would divide by zero (a sector with x = 0 must have all-zero rows in Z and Y and an all-zero column in Z and F)"
        case let .singular(sector):
            return "the table is not productive: I − A is singular (zero pivot at sector \(sector))"
        case let .notProductive(sector, detail):
            return "the table is not productive (spectral radius of A ≥ 1): worst sector \(sector); \(detail)"
        case let .negativeLeontiefInverse(row, column, value):
            return "the table is not productive: the Leontief inverse has a negative entry \(value) at row \(row), column \(column)"
        case let .closedModelNotProductive(detail):
            return "the closed model with households endogenous is not productive: \(detail)"
        case let .unknownFactorRow(label, available):
            return "no F.csv row '\(label)'; available rows: \(available.isEmpty ? "(none: no F.csv)" : available.joined(separator: ", "))"
        case let .unknownFinalDemandColumn(label, available):
            return "no Y.csv column '\(label)'; available columns: \(available.joined(separator: ", "))"
        case let .nonPositiveHouseholdIncome(label, total):
            return "household income row '\(label)' sums to \(total); expected a positive total"
        case let .demandDimension(expected, got):
            return "demand change has \(got) rows, expected one per sector (\(expected))"
        case let .linearAlgebra(reason):
            return "linear algebra failed: \(reason)"
        case let .nonFiniteResult(quantity, sector, input):
            return "\(quantity) of sector \(sector) is not a finite number: \(input) is too large or too small for double precision (values up to about 1e300 work; write the table in a larger unit, e.g. 亿元 instead of 元)"
        }
    }
}
