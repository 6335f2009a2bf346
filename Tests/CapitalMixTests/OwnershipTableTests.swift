import ScenarioKit
import ScenarioKitTesting
import Testing
@testable import CapitalMix

/// `capital-mix.ownership-by-year` against a direct per-draw computation on `SyntheticOutputs`
/// (its own loops and its own numpy-style quantile, no module code) and against hand arithmetic.
@Suite struct OwnershipTableTests {
    static let years = [2021, 2022]
    /// bySource[source][year][draw], 亿元.
    static let bySource: [String: [[Double]]] = [
        "beijing": [[10, 20, 30, 40, 50], [50, 40, 30, 20, 10]],
        "other_domestic": [[100, 90, 80, 70, 60], [60, 70, 80, 90, 100]],
        "foreign": [[5, 5, 5, 5, 5], [10, 0, 10, 0, 10]],
    ]
    /// The default shares: beijing 0.6/0/0.4, other_domestic 0.22/0/0.78, foreign 0/1/0.
    static let shares: [String: [Double]] = [
        "beijing": [0.6, 0, 0.4], "other_domestic": [0.22, 0, 0.78], "foreign": [0, 1, 0],
    ]

    static func run(_ parameters: RawParameter? = nil) throws -> ResultTable {
        let outputs = EngineOutputs.synthetic(years: years, draws: nil, bySource: bySource)
        let results = try ModuleHarness.run(
            CapitalMixModule.self, parameters: parameters, context: .testing(targetYear: 2022), outputs: outputs)
        return try #require(results.table("capital-mix.ownership-by-year"))
    }

    /// numpy's default quantile (linear interpolation between order statistics).
    static func npQuantile(_ values: [Double], _ q: Double) -> Double {
        let s = values.sorted()
        let h = q * Double(s.count - 1)
        let lo = Int(h), hi = min(lo + 1, s.count - 1)
        return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
    }

    static func summary(_ cell: ResultCell) -> QuantileSummary? {
        if case let .quantiles(q) = cell { return q }
        return nil
    }

    /// Hand arithmetic for 2021, state capital: per draw 0.6·Beijing + 0.22·other =
    /// (28, 31.8, 35.6, 39.4, 43.2); mean 35.6; P10 at h = 0.4: 28 + 0.4·3.8 = 29.52; P50 35.6;
    /// P90 at h = 3.6: 39.4 + 0.6·3.8 = 41.68. Private: 0.4·Beijing + 0.78·other =
    /// (82, 78.2, 74.4, 70.6, 66.8): mean 74.4, P10 68.32, P90 80.48. Foreign 5 in every draw;
    /// total 115 in every draw, so the state share's P50 is 35.6/115.
    @Test func handComputedYear() throws {
        let t = try Self.run()
        let row = try #require(t.row("2021"))
        let state = try #require(Self.summary(row.cells[0]))
        #expect(abs(state.mean - 35.6) < 1e-12 && abs(state.p10 - 29.52) < 1e-12)
        #expect(abs(state.p50 - 35.6) < 1e-12 && abs(state.p90 - 41.68) < 1e-12)
        let priv = try #require(Self.summary(row.cells[2]))
        #expect(abs(priv.mean - 74.4) < 1e-12 && abs(priv.p10 - 68.32) < 1e-12 && abs(priv.p90 - 80.48) < 1e-12)
        let foreign = try #require(Self.summary(row.cells[1]))
        #expect(foreign == QuantileSummary(mean: 5, p10: 5, p50: 5, p90: 5))
        let stateShare = try #require(Self.summary(row.cells[4]))
        #expect(abs(stateShare.p50 - 35.6 / 115) < 1e-14)
    }

    /// Every cell (years and the horizon row, amounts and shares) equals the direct per-draw
    /// computation; mean shares sum to 1 in every row.
    @Test func everyCellMatchesDirectPerDrawComputation() throws {
        let t = try Self.run()
        let draws = 5
        // Direct: X[k][y][d] = Σ_s σ_{s,k} I_s[y][d].
        var x = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: draws), count: 2), count: 3)
        for (source, series) in Self.bySource {
            for k in 0..<3 { for y in 0..<2 { for d in 0..<draws { x[k][y][d] += Self.shares[source]![k] * series[y][d] } } }
        }
        func check(_ cell: ResultCell, _ values: [Double], _ what: String) {
            guard let q = Self.summary(cell) else { Issue.record("\(what): not a quantile cell"); return }
            let mean = values.reduce(0, +) / Double(values.count)
            #expect(abs(q.mean - mean) < 1e-12, "\(what) mean")
            #expect(abs(q.p10 - Self.npQuantile(values, 0.1)) < 1e-12, "\(what) P10")
            #expect(abs(q.p50 - Self.npQuantile(values, 0.5)) < 1e-12, "\(what) P50")
            #expect(abs(q.p90 - Self.npQuantile(values, 0.9)) < 1e-12, "\(what) P90")
        }
        #expect(t.rows.count == 3)
        for (y, year) in Self.years.enumerated() {
            let row = try #require(t.row(String(year)))
            let total = (0..<draws).map { d in (0..<3).reduce(0) { $0 + x[$1][y][d] } }
            for k in 0..<3 {
                check(row.cells[k], x[k][y], "\(year) class \(k)")
                check(row.cells[4 + k], (0..<draws).map { x[k][y][$0] / total[$0] }, "\(year) share \(k)")
            }
            check(row.cells[3], total, "\(year) total")
            let meanShares = (4..<7).map { Self.summary(row.cells[$0])!.mean }
            #expect(abs(meanShares.reduce(0, +) - 1) < 1e-14)
        }
        // Horizon row: per draw sums over the years first.
        let horizon = try #require(t.rows.last)
        #expect(horizon.label.en == "2021–2022 total")
        let sums = (0..<3).map { k in (0..<draws).map { d in x[k][0][d] + x[k][1][d] } }
        let totals = (0..<draws).map { d in sums[0][d] + sums[1][d] + sums[2][d] }
        for k in 0..<3 {
            check(horizon.cells[k], sums[k], "horizon class \(k)")
            check(horizon.cells[4 + k], (0..<draws).map { sums[k][$0] / totals[$0] }, "horizon share \(k)")
        }
        check(horizon.cells[3], totals, "horizon total")
        #expect(abs((4..<7).map { Self.summary(horizon.cells[$0])!.mean }.reduce(0, +) - 1) < 1e-14)
    }

    /// The shares' quantiles are per-draw quantiles, not ratios of the amounts' quantiles: in 2022
    /// the total varies, so P90(state / total) ≠ P90(state) / P90(total).
    @Test func shareQuantilesArePerDraw() throws {
        let row = try #require(try Self.run().row("2022"))
        let state = try #require(Self.summary(row.cells[0])), total = try #require(Self.summary(row.cells[3]))
        let share = try #require(Self.summary(row.cells[4]))
        // Per draw: state = (43.2, 39.4, 35.6, 31.8, 28), total = (120, 110, 120, 110, 120);
        // shares sorted (28/120, 31.8/110, 35.6/120, 39.4/110, 43.2/120); P90 at h = 3.6:
        // 39.4/110 + 0.6·(0.36 − 39.4/110) ≈ 0.35927, whereas P90(state)/P90(total) =
        // (39.4 + 0.6·3.8)/120 ≈ 0.34733.
        #expect(abs(share.p90 - (39.4 / 110 + 0.6 * (0.36 - 39.4 / 110))) < 1e-14)
        #expect(abs(state.p90 / total.p90 - 41.68 / 120) < 1e-14)
        #expect(abs(state.p90 / total.p90 - share.p90) > 1e-2)
    }

    /// Changed shares for Beijing (state 0.9 / private 0.1) move the split accordingly:
    /// 2021 draw-mean state = 0.9·30 + 0.22·80 = 44.6.
    @Test func overriddenSourceShares() throws {
        let row = try #require(try Self.run(["ownership_state": ["beijing": 0.9], "ownership_private": ["beijing": 0.1]]).row("2021"))
        #expect(abs(Self.summary(row.cells[0])!.mean - 44.6) < 1e-12)
        #expect(abs(Self.summary(row.cells[2])!.mean - (0.1 * 30 + 0.78 * 80)) < 1e-12)
    }
}
