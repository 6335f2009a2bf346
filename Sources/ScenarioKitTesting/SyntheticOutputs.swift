import ScenarioKit

extension EngineOutputs {
    /// Outputs with ONE draw: the given per-year values (亿元) as if the forecast were certain.
    /// - Parameters:
    ///   - years: forecast years, e.g. `Array(2021...2025)`.
    ///   - total: investment in place per year; default the sum of `byIndustry`.
    ///   - byIndustry, bySource, byCarrier: per-year values by id.
    ///   - baseYearTotal: default 1000; `targetAmount` default 2 × it.
    public static func synthetic(
        years: [Int], total: [Double]? = nil, byIndustry: [String: [Double]] = [:], bySource: [String: [Double]] = [:],
        byCarrier: [String: [Double]] = [:], baseYearTotal: Double = 1000, targetAmount: Double? = nil
    ) -> EngineOutputs {
        func wrap(_ v: [Double]) -> [[Double]] { v.map { [$0] } }
        return synthetic(
            years: years, draws: total.map(wrap), byIndustry: byIndustry.mapValues(wrap), bySource: bySource.mapValues(wrap),
            byCarrier: byCarrier.mapValues(wrap), baseYearTotal: baseYearTotal, targetAmount: targetAmount)
    }

    /// Outputs with several draws: `draws[y][d]` per year index y and draw d (every series the same
    /// number of draws).
    /// - Parameter draws: total per year and draw; default the sum of `byIndustry`.
    public static func synthetic(
        years: [Int], draws: [[Double]]?, byIndustry: [String: [[Double]]] = [:], bySource: [String: [[Double]]] = [:],
        byCarrier: [String: [[Double]]] = [:], baseYearTotal: Double = 1000, targetAmount: Double? = nil
    ) -> EngineOutputs {
        let Y = years.count
        let n = draws?.first?.count ?? byIndustry.values.first?.first?.count ?? bySource.values.first?.first?.count ?? 1
        func table(_ rows: [[Double]]) -> DrawTable {
            precondition(rows.count == Y && rows.allSatisfy { $0.count == n }, "expected \(Y) years × \(n) draws")
            return DrawTable(years: Y, draws: n, values: rows.flatMap { $0 })
        }
        var total = draws
        if total == nil {
            var sum = [[Double]](repeating: [Double](repeating: 0, count: n), count: Y)
            for rows in byIndustry.values {
                for y in 0..<Y { for d in 0..<n { sum[y][d] += rows[y][d] } }
            }
            total = sum
        }
        return EngineOutputs(
            years: years, draws: n, baseYearTotal: baseYearTotal, targetAmount: targetAmount ?? 2 * baseYearTotal,
            investmentInPlace: table(total ?? []), byIndustry: byIndustry.mapValues(table),
            bySource: bySource.mapValues(table), byCarrier: byCarrier.mapValues(table))
    }
}
