import LibC
import Testing
import TrendEstimation
@testable import ForecastEngine

/// How history figures become observations of x_t = ln(investment in place, 亿元).
@Suite struct InvestmentHistoryTests {
    let assumptions = ObservationAssumptions(
        seasonalShares: [3: .init(share: 0.22, logStandardDeviation: 0.15), 11: .init(share: 11.0 / 12, logStandardDeviation: 0.04)],
        partialGrowthLogStandardDeviation: [3: 0.15, 11: 0.03])
    func fx(_ year: Int) -> Double { [2019: 6.8985, 2020: 6.8976, 2021: 6.4515, 2022: 6.7261][year] ?? 7 }
    func record(_ year: Int, _ indicator: String, _ value: Double, _ status: BaseYearData.Status = .published) -> HistoryRecord {
        HistoryRecord(year: year, indicator: indicator, value: value, status: status)
    }

    @Test func indicatorsAreRecognised() {
        #expect(InvestmentHistory.parse("domestic_in_place") == .init(series: .domestic, isGrowth: false, months: 12))
        #expect(InvestmentHistory.parse("foreign_in_place_jan_nov") == .init(series: .foreign, isGrowth: false, months: 11))
        #expect(InvestmentHistory.parse("total_growth_q1") == .init(series: .total, isGrowth: true, months: 3))
        #expect(InvestmentHistory.parse("domestic_in_place_jan_sep")?.months == 9)
        #expect(InvestmentHistory.parse("domestic_in_place_h1")?.months == 6)
        #expect(InvestmentHistory.parse("landed_projects_jan_nov") == nil)
        #expect(InvestmentHistory.parse("domestic_in_place_q5") == nil)
        #expect(InvestmentHistory.parse("exchange_rate") == nil)
    }

    /// Both currencies of one period add into one total level; a partial year carries its share.
    @Test func currenciesOfOnePeriodAddUp() throws {
        let r = try InvestmentHistory.observations(
            [record(2020, "domestic_in_place_jan_nov", 1085.7), record(2020, "foreign_in_place_jan_nov", 35.76)],
            exchangeRate: fx, assumptions: assumptions)
        let o = try #require(r.observations.first)
        #expect(r.observations.count == 1 && o.kind == .level && o.year == 2020)
        #expect(abs(o.value - log(1085.7 + 35.76 * 6.8976)) < 1e-12)
        #expect(abs(o.offset - log(11.0 / 12)) < 1e-12)
        // Shares of the two currencies weight their errors: w_d²·0.02² + w_f²·0.02² + 0.04².
        let wd = 1085.7 / (1085.7 + 35.76 * 6.8976), wf = 1 - wd
        #expect(abs(o.variance - (wd * wd * 4e-4 + wf * wf * 4e-4 + 0.0016)) < 1e-15)
    }

    /// A figure of one currency is read through that currency's share in the nearest year with both.
    @Test func oneCurrencyUsesTheNearestShare() throws {
        let r = try InvestmentHistory.observations(
            [record(2020, "domestic_in_place", 1184.4, .published), record(2020, "foreign_in_place", 39.01, .published),
             record(2021, "domestic_in_place_q1", 337.86)],
            exchangeRate: fx, assumptions: assumptions)
        let q1 = try #require(r.observations.first { $0.year == 2021 })
        let share = 1184.4 / (1184.4 + 39.01 * 6.8976)
        #expect(abs(q1.value - log(337.86)) < 1e-12)
        #expect(abs(q1.offset - (log(0.22) + log(share))) < 1e-12)
        #expect(abs(q1.variance - (0.02 * 0.02 + 0.15 * 0.15 + 0.05 * 0.05)) < 1e-15)
    }

    /// Growth rates of both currencies combine with the previous year's shares; foreign growth in
    /// USD turns into CNY with the change of the exchange rate.
    @Test func growthRatesCombine() throws {
        let r = try InvestmentHistory.observations(
            [record(2020, "domestic_in_place", 1184.4), record(2020, "foreign_in_place", 39.01),
             record(2022, "domestic_growth", 0.262), record(2022, "foreign_growth", 0.167), record(2021, "foreign_growth", 0.10)],
            exchangeRate: fx, assumptions: assumptions)
        let s = 1184.4 / (1184.4 + 39.01 * 6.8976)
        let g2022 = try #require(r.observations.first { $0.year == 2022 })
        let fxRatio = 6.7261 / 6.4515
        #expect(g2022.kind == .growth)
        #expect(abs(g2022.value - log(s * 1.262 + (1 - s) * 1.167 * fxRatio)) < 1e-12)
        let g2021 = try #require(r.observations.first { $0.year == 2021 })
        #expect(abs(g2021.value - log(1.10 * 6.4515 / 6.8976)) < 1e-12)
        #expect(abs(g2021.variance - (0.01 * 0.01 + 0.03 * 0.03)) < 1e-15)
    }

    /// Derived figures repeat other rows and an extrapolated full year repeats its partial year:
    /// neither is used, and both are listed with the reason.
    @Test func repeatedInformationIsNotCountedTwice() throws {
        let r = try InvestmentHistory.observations(
            [record(2019, "domestic_in_place", 955.2, .derived), record(2019, "foreign_in_place", 37.84, .derived),
             record(2020, "domestic_in_place", 1184.4, .extrapolated), record(2020, "foreign_in_place", 39.01, .extrapolated),
             record(2020, "domestic_in_place_jan_nov", 1085.7), record(2020, "foreign_in_place_jan_nov", 35.76),
             record(2020, "domestic_growth", 0.24), record(2020, "foreign_growth", 0.031),
             record(2020, "landed_projects_jan_nov", 7047)],
            exchangeRate: fx, assumptions: assumptions)
        #expect(r.observations.map(\.kind) == [.level, .growth])
        #expect(r.observations.allSatisfy { $0.year == 2020 })
        #expect(r.unused.count == 4)
        #expect(r.unused.filter { $0.contains("derived from other figures") }.count == 2)
        #expect(r.unused.filter { $0.contains("extrapolated from the partial-year figure") }.count == 2)
    }

    @Test func missingSeasonalShareIsAnError() {
        #expect(throws: ForecastError.self) {
            try InvestmentHistory.observations(
                [record(2021, "total_in_place_h1", 500)], exchangeRate: fx, assumptions: ObservationAssumptions())
        }
        do {
            _ = try InvestmentHistory.observations([record(2021, "total_in_place_h1", 500)], exchangeRate: fx, assumptions: ObservationAssumptions())
        } catch {
            #expect("\(error)".contains("history.2021.total_in_place_h1") && "\(error)".contains("seasonal_shares.6"))
        }
    }
}

