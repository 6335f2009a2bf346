import Testing
@testable import ScenarioKit

@Suite struct QuantileSummaryTests {
    @Test func matchesNumpyLinearInterpolation() {
        // numpy.percentile([1..10], [10, 50, 90]) = [1.9, 5.5, 9.1]; mean 5.5.
        let s = QuantileSummary(of: (1...10).map(Double.init).reversed())
        #expect(abs(s.p10 - 1.9) < 1e-12 && abs(s.p50 - 5.5) < 1e-12 && abs(s.p90 - 9.1) < 1e-12)
        #expect(s.mean == 5.5)
    }

    @Test func drawTableIsYearMajor() {
        let t = DrawTable(years: 2, draws: 3, values: [1, 2, 3, 10, 20, 30])
        #expect(t.value(year: 1, draw: 2) == 30)
        #expect(Array(t.draws(year: 0)) == [1, 2, 3])
        #expect(t.summary(year: 1).p50 == 20)
    }
}
