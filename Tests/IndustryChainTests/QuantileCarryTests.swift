import Foundation
import ScenarioKit
import Testing
@testable import IndustryChain

/// P10/P50/P90 are carried through the draws: the module's quantiles equal those of each
/// draw's impact computed on its own (L·B·I by hand) and summarised with QuantileSummary.
@Suite struct QuantileCarryTests {
    let amounts: [String: [[Double]]] = [
        "alpha": [[1, 7, 2, 0.5, 3, 9, 4], [2, 2, 8, 1, 0, 5, 6]],
        "beta": [[4, 0, 1, 6, 2, 3, 8], [1, 9, 3, 3, 7, 0, 2]],
        "other": [[2, 3, 5, 1, 1, 4, 0], [6, 1, 0, 2, 5, 3, 1]],
    ]

    /// Output and value added of one draw and year through bridge.csv, by hand.
    func direct(_ year: Int, _ draw: Int) -> (output: Double, valueAdded: Double) {
        let a = amounts["alpha"]![year][draw], b = amounts["beta"]![year][draw], o = amounts["other"]![year][draw]
        let dx = TestSupport.leontiefTimes([a + 0.5 * o, b + 0.5 * o])
        return (dx[0] + dx[1], 0.6 * dx[0] + 0.65 * dx[1])
    }

    func expectSame(_ q: QuantileSummary?, _ values: [Double]) {
        guard let q else { Issue.record("no quantile cell"); return }
        let d = QuantileSummary(of: values)
        for (a, b) in [(q.mean, d.mean), (q.p10, d.p10), (q.p50, d.p50), (q.p90, d.p90)] {
            #expect(TestSupport.close(a, b, relative: 1e-12))
        }
    }

    @Test func quantilesMatchPerDrawComputation() throws {
        let (dataset, io) = try TestSupport.millerBlair()
        let m = try IndustryChainModule(
            parameters: TestSupport.parameters(["bridge": .text("bridge.csv")]),
            context: TestSupport.context(dataset: dataset, io: io, industries: TestSupport.millerBlairIndustries))
        var results = ResultSet()
        try m.analyze(TestSupport.outputs(years: [2021, 2022], amounts: amounts), into: &results)
        let table = try #require(TestSupport.table(results, "industry-chain.impact-by-year"))
        #expect(table.rows.map(\.label.en) == ["2021", "2022", "2021–2022 total"])
        for y in 0..<2 {
            expectSame(TestSupport.quantiles(table.rows[y].cells[1]), (0..<7).map { direct(y, $0).output })
            expectSame(TestSupport.quantiles(table.rows[y].cells[2]), (0..<7).map { direct(y, $0).valueAdded })
        }
        // The total row sums the years within each draw before taking quantiles.
        expectSame(TestSupport.quantiles(table.rows[2].cells[1]), (0..<7).map { direct(0, $0).output + direct(1, $0).output })
        // Investment column: the forecast's total in place.
        expectSame(TestSupport.quantiles(table.rows[0].cells[0]), (0..<7).map { d in ["alpha", "beta", "other"].reduce(0) { $0 + amounts[$1]![0][d] } })
    }
}
