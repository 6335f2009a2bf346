/// Errors raised by the forecast engine. Every out-of-range input is reported with the name of the
/// parameter (a dotted path such as `sources.foreign.projectSize.tailExponent`), never trapped.
public enum ForecastError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A probability (or share) lies outside [0, 1].
    case probabilityOutOfRange(parameter: String, value: Double)
    /// An amount, rate or count is negative where it must not be.
    case negativeValue(parameter: String, value: Double)
    /// A value must be strictly positive (e.g. an exchange rate, a standard deviation).
    case nonPositiveValue(parameter: String, value: Double)
    /// A value is NaN or infinite.
    case nonFinite(parameter: String)
    /// A disbursement schedule (or a set of shares) does not sum to 1.
    case scheduleDoesNotSumToOne(parameter: String, sum: Double)
    /// The plan's target year is not after its base year.
    case targetYearNotAfterBaseYear(baseYear: Int, targetYear: Int)
    /// A reference to an industry, carrier or source that is not in the catalogue.
    case unknownIdentifier(parameter: String, id: String)
    /// Two catalogue entries share one identifier.
    case duplicateIdentifier(parameter: String, id: String)
    /// A value is outside its allowed range for another reason, explained in `reason`.
    case invalidValue(parameter: String, reason: String)
    /// Calibration data are missing or unusable.
    case missingData(parameter: String, reason: String)
    /// The linear-algebra layer failed (e.g. a singular pipeline matrix).
    case linearAlgebra(String)
    /// The run was stopped through its `RunCancellation` (e.g. past a time budget).
    case cancelled

    public var description: String {
        switch self {
        case let .probabilityOutOfRange(parameter, value):
            return "\(parameter): \(value) is not a probability in [0, 1]"
        case let .negativeValue(parameter, value):
            return "\(parameter): \(value) must not be negative"
        case let .nonPositiveValue(parameter, value):
            return "\(parameter): \(value) must be greater than 0"
        case let .nonFinite(parameter):
            return "\(parameter): value is NaN or infinite"
        case let .scheduleDoesNotSumToOne(parameter, sum):
            return "\(parameter): shares sum to \(sum), expected 1"
        case let .targetYearNotAfterBaseYear(baseYear, targetYear):
            return "plan.targetYear: \(targetYear) must be after plan.baseYear \(baseYear)"
        case let .unknownIdentifier(parameter, id):
            return "\(parameter): unknown identifier '\(id)'"
        case let .duplicateIdentifier(parameter, id):
            return "\(parameter): identifier '\(id)' appears more than once"
        case let .invalidValue(parameter, reason):
            return "\(parameter): \(reason)"
        case let .missingData(parameter, reason):
            return "\(parameter): \(reason)"
        case .cancelled:
            return "the run was cancelled"
        case let .linearAlgebra(message):
            return "linear algebra: \(message)"
        }
    }
}

/// Shared checks that turn bad numbers into `ForecastError`s naming the parameter.
enum Check {
    static func finite(_ v: Double, _ name: @autoclosure () -> String) throws {
        if !v.isFinite { throw ForecastError.nonFinite(parameter: name()) }
    }
    static func probability(_ v: Double, _ name: @autoclosure () -> String) throws {
        try finite(v, name())
        if v < 0 || v > 1 { throw ForecastError.probabilityOutOfRange(parameter: name(), value: v) }
    }
    static func nonNegative(_ v: Double, _ name: @autoclosure () -> String) throws {
        try finite(v, name())
        if v < 0 { throw ForecastError.negativeValue(parameter: name(), value: v) }
    }
    static func positive(_ v: Double, _ name: @autoclosure () -> String) throws {
        try finite(v, name())
        if v <= 0 { throw ForecastError.nonPositiveValue(parameter: name(), value: v) }
    }
}
