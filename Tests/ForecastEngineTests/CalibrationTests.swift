import Testing
@testable import ForecastEngine

@Test func calibrationReproducesTheBaseYear() throws {
    let data = BaseYearData(observations: [Fixtures.base2020])
    let cal = try Calibration.calibrate(Fixtures.parameters(), to: data, trend: .none)
    let total = 1184.4 + 39.0 * 6.8976
    #expect(abs(cal.baseYearTotal / total - 1) < 1e-9)
    let model = try ClosedFormModel(cal.parameters)
    let bySource = Dictionary(uniqueKeysWithValues: model.sources.map { ($0.id, $0.baseYearInvestment) })
    #expect(abs(bySource["beijing"]! / (1184.4 * 0.35) - 1) < 1e-9)
    #expect(abs(bySource["other_domestic"]! / (1184.4 * 0.65) - 1) < 1e-9)
    #expect(abs(bySource["foreign"]! / 39.0 - 1) < 1e-9)  // 亿美元
    #expect(abs(try ForecastEngine.expectedPath(cal.parameters).baseYearTotal / total - 1) < 1e-9)
}

@Test func calibratedTrendGrowsTheBaselineAtTheFittedRate() throws {
    let data = BaseYearData(observations: [Fixtures.back2019, Fixtures.base2020])
    var p = Fixtures.parameters()
    p.majorProjects = []
    p.effort = YearPath(initial: 1)
    let cal = try Calibration.calibrate(p, to: data, trend: .total)
    let t19 = Fixtures.back2019.total, t20 = Fixtures.base2020.total
    let g = t20 / t19 - 1  // two points: the least-squares line passes through both
    #expect(abs(cal.trendGrowth["foreign"]! - g) < 1e-12)
    #expect(cal.trendYears == [2019, 2020])
    let path = try ForecastEngine.expectedPath(cal.parameters)
    #expect(abs(path.baseYearTotal / t20 - 1) < 1e-9)
    // Balanced growth: with constant effort the expected total grows exactly at γ.
    for (y, v) in path.investmentInPlace.enumerated() {
        #expect(abs(v / (t20 * pow(1 + g, Double(y + 1))) - 1) < 1e-9)
    }
}

@Test func logLinearTrendIsALeastSquaresFit() throws {
    // ln v = ln 100 + 0.1·x exactly → level 100, growth e^0.1 − 1.
    let years = [2016, 2017, 2018, 2019, 2020]
    let values = years.map { 100 * exp(0.1 * Double($0 - 2020)) }
    let fit = try Calibration.logLinearTrend(years: years, values: values, origin: 2020)
    #expect(abs(fit.level - 100) < 1e-9)
    #expect(abs(fit.growth - (exp(0.1) - 1)) < 1e-12)
    #expect(throws: ForecastError.self) { try Calibration.logLinearTrend(years: [2020], values: [1], origin: 2020) }
}

@Test func calibrationNeedsTheBeijingShare() {
    var o = Fixtures.base2020
    o.beijingShareOfDomestic = nil
    #expect(throws: ForecastError.missingData(
        parameter: "baseYearData.2020.beijingShareOfDomestic",
        reason: "needed to split domestic investment between Beijing and other domestic sources")) {
        try Calibration.calibrate(Fixtures.parameters(), to: BaseYearData(observations: [o]))
    }
}

import LibC

@Test func landingsDecomposeIntoInitialPipelineAndKernel() throws {
    // ℓ_{s,y} = ℓ^init_{s,y} + Σ_{u<y} a_{s,u}·h_{y−u}: the form the simulator uses under shocks.
    let m = try ClosedFormModel(try Fixtures.calibrated(trend: .total))
    let Y = m.yearCount, L = m.landingStage
    for s in m.sources {
        for y in 0..<Y {
            var v = s.initialLandings[y]
            for u in 0..<y { v += s.arrivals[u] * m.landingKernel[y - u] }
            #expect(abs(v - s.entries[L * Y + y]) <= 1e-10 * s.entries[L * Y + y])
        }
    }
}
