/// A quantity per year and per draw: `value(year: y, draw: d)` with year index y over
/// `EngineOutputs.years`. Stored year-major (all draws of year 0, then year 1, …) so that one
/// year's draws are contiguous (a BLAS right-hand-side block).
public struct DrawTable: Sendable, Equatable {
    /// Number of year indices y = 0 ..< years, over `EngineOutputs.years` (forecast years B+1 … T).
    public let years: Int
    /// Number of Monte Carlo draws per year.
    public let draws: Int
    /// `values[y * draws + d]`.
    public let values: [Double]

    /// A table of `years` × `draws` values stored year-major, `values[y * draws + d]`.
    /// - Precondition: `values.count == years * draws`.
    public init(years: Int, draws: Int, values: [Double]) {
        precondition(values.count == years * draws, "DrawTable needs years × draws values")
        self.years = years
        self.draws = draws
        self.values = values
    }

    /// The value of year index `y` (0 = first forecast year) in draw `d`: `values[y * draws + d]`.
    public func value(year y: Int, draw d: Int) -> Double { values[y * draws + d] }

    /// All draws of year index `y`.
    public func draws(year y: Int) -> ArraySlice<Double> { values[(y * draws)..<((y + 1) * draws)] }

    /// Mean and quantiles of year index `y`.
    public func summary(year y: Int) -> QuantileSummary { QuantileSummary(of: Array(draws(year: y))) }
}
