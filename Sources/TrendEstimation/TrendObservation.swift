/// One observation of the log level x_t of a series (investment in place, log 亿元) in the
/// linear-Gaussian measurement form the estimator uses:
///
///     level:   y = x_t + c + ε
///     growth:  y = x_t − x_{t−1} + c + ε,        ε ~ N(0, v)
///
/// A full-year level has c = 0; a year-to-date level has c = ln(seasonal share); a growth rate g
/// is y = ln(1 + g). What the figure was (status, currency, months) decides c and v: that
/// translation lives with the dataset (`InvestmentHistory` in ForecastEngine), not here.
public struct TrendObservation: Sendable, Equatable {
    /// Which linear function of the states is observed.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// x_t.
        case level
        /// x_t − x_{t−1}.
        case growth
    }

    public var year: Int
    public var kind: Kind
    /// y, on the log scale.
    public var value: Double
    /// c, a known offset on the log scale (0 for a full-year level or growth).
    public var offset: Double
    /// v, the variance of the measurement error on the log scale (> 0).
    public var variance: Double
    /// What the observation is, for reports ("2021 domestic_in_place_q1 (published)").
    public var label: String

    public init(year: Int, kind: Kind, value: Double, offset: Double = 0, variance: Double, label: String = "") {
        self.year = year
        self.kind = kind
        self.value = value
        self.offset = offset
        self.variance = variance
        self.label = label
    }

    /// The earliest year whose state the observation involves.
    public var earliestYear: Int { kind == .growth ? year - 1 : year }
}
