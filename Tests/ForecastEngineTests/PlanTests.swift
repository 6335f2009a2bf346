import Testing
@testable import ForecastEngine

@Test func requiredCAGRForDoublingOverFiveYears() {
    let plan = DoublingPlan(baseYear: 2020, targetYear: 2025, multiplier: 2)
    // 2^(1/5) − 1 = 0.148698355
    #expect(abs(plan.requiredCAGR - 0.148698355) < 1e-9)
    #expect(abs(plan.requiredCAGR - 0.148698) < 1e-6)
    #expect(plan.forecastYears == [2021, 2022, 2023, 2024, 2025])
}

@Test func cagrOfADoublingIsTheRequiredRate() {
    #expect(abs(DoublingPlan.cagr(from: 100, to: 200, years: 5) - 0.148698355) < 1e-9)
}
