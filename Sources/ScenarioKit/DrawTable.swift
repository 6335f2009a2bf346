/// A quantity per year and per draw: `value(year: y, draw: d)` with year index y over
/// `EngineOutputs.years`. Stored year-major (all draws of year 0, then year 1, …) so that one
/// year's draws are contiguous (a BLAS right-hand-side block).
public struct DrawTable: Sendable, Equatable {
    public let years: Int
    public let draws: Int
    /// `values[y * draws + d]`.
    public let values: [Double]

    public init(years: Int, draws: Int, values: [Double]) {
        precondition(values.count == years * draws, "DrawTable needs years × draws values")
        self.years = years
        self.draws = draws
        self.values = values
    }

    public func value(year y: Int, draw d: Int) -> Double { values[y * draws + d] }

    /// All draws of year index `y`.
    public func draws(year y: Int) -> ArraySlice<Double> { values[(y * draws)..<((y + 1) * draws)] }

    /// Mean and quantiles of year index `y`.
    public func summary(year y: Int) -> QuantileSummary { QuantileSummary(of: Array(draws(year: y))) }
}
