extension DrawTable {
    /// The p-quantile of year index `y` over the draws.
    public func quantile(_ p: Double, year y: Int) -> Double {
        QuantileSummary.quantile(sorted: draws(year: y).sorted(), p)
    }

    /// Share of the draws of year index `y` that satisfy `condition`.
    public func fraction(year y: Int, where condition: (Double) -> Bool) -> Double {
        guard draws > 0 else { return .nan }
        return Double(draws(year: y).count(where: condition)) / Double(draws)
    }

    /// Element-wise `self / other` (e.g. an industry's share of the total per draw); 0 where the
    /// denominator is 0.
    public func divided(by other: DrawTable) -> DrawTable {
        precondition(years == other.years && draws == other.draws, "DrawTables of different shapes")
        return DrawTable(
            years: years, draws: draws, values: zip(values, other.values).map { $1 == 0 ? 0 : $0 / $1 })
    }
}
