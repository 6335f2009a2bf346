import Testing
@testable import ForecastEngine

@Test(arguments: [0.0, 0.15, 0.4])
func monteCarloMeanApproachesTheClosedFormPath(volatility: Double) throws {
    var p = try Fixtures.calibrated(draws: 20_000, seed: 99, trend: .total)
    p.arrivalVolatility = volatility
    let r = try ForecastEngine.run(p, workers: 2)
    for y in r.yearly {
        #expect(abs(y.investmentInPlace.mean - y.expectedInvestmentInPlace) <= 4 * y.investmentInPlace.standardError, "year \(y.year)")
        #expect(y.investmentInPlace.p10 <= y.investmentInPlace.p50 && y.investmentInPlace.p50 <= y.investmentInPlace.p90)
    }
    if volatility > 0 {
        // The shock widens the spread but leaves the mean.
        #expect(r.yearly.last!.investmentInPlace.p90 - r.yearly.last!.investmentInPlace.p10 > 0)
        return
    }
    for (k, stage) in r.stages.enumerated() {
        for (y, e) in stage.expectedEntries.enumerated() {
            // Entries of one stage in one year are Poisson (marking theorem): variance = mean.
            let se = (e / Double(r.draws)).squareRoot()
            #expect(abs(stage.meanEntries[y] - e) <= 4 * se, "stage \(k) year \(y)")
        }
    }
    // Splits add up to the total (means) and match the closed form within the total's error.
    for (y, yf) in r.yearly.enumerated() {
        let sources = r.bySource.map { $0.values[y] }.reduce(0, +)
        let industries = r.byIndustry.map { $0.values[y] }.reduce(0, +)
        let carriers = r.byCarrier.map { $0.values[y] }.reduce(0, +)
        #expect(abs(sources - yf.investmentInPlace.mean) < 1e-9 * yf.investmentInPlace.mean)
        #expect(abs(industries - yf.investmentInPlace.mean) < 1e-9 * yf.investmentInPlace.mean)
        #expect(abs(carriers - yf.investmentInPlace.mean) < 1e-9 * yf.investmentInPlace.mean)
        #expect(abs(yf.domestic.mean + yf.foreign.mean - yf.investmentInPlace.mean) < 1e-9 * yf.investmentInPlace.mean)
    }
}

@Test func sourceMeansApproachTheClosedFormWhenTheSourceMixChanges() throws {
    // A foreign multiplier changes the source mix of arrivals over time; per-source means stay exact.
    var p = try Fixtures.calibrated(draws: 20_000, seed: 8, trend: .byCurrency)
    p.sources[p.sourceIndex("foreign")!].leadRateMultiplier = 0.6
    p.sources[p.sourceIndex("beijing")!].leadRateMultiplier = 1.5
    let r = try ForecastEngine.run(p)
    for (s, series) in r.bySource.enumerated() {
        for y in 0..<r.years.count {
            let e = r.expected.bySource[s].values[y]
            #expect(abs(series.values[y] - e) <= 4 * r.yearly[y].investmentInPlace.standardError, "\(series.id) \(r.years[y])")
        }
    }
}

@Test func resultsAreIdenticalForAnyWorkerCountAndRepeatedRuns() throws {
    let p = try Fixtures.calibrated(draws: 3000, seed: 2021)
    let one = try ForecastEngine.run(p, workers: 1)
    let two = try ForecastEngine.run(p, workers: 2)
    let five = try ForecastEngine.run(p, workers: 5)
    let again = try ForecastEngine.run(p, workers: 5)
    #expect(one == two)
    #expect(one == five)
    #expect(five == again)
    let rawOne = try ForecastEngine.simulateDraws(p, workers: 1)
    let rawThree = try ForecastEngine.simulateDraws(p, workers: 3)
    #expect(rawOne == rawThree)
    // A draw does not depend on how many draws run: the first 1000 draws of a larger run agree.
    var q = p
    q.draws = 1000
    let rawSmall = try ForecastEngine.simulateDraws(q, workers: 2)
    #expect(rawSmall.investmentInPlace.map { Array($0) } == rawOne.investmentInPlace.map { Array($0.prefix(1000)) })
}

@Test func doublingStatisticsAreConsistent() throws {
    let p = try Fixtures.calibrated(draws: 2000)
    let r = try ForecastEngine.run(p)
    #expect(abs(r.targetAmount - 2 * r.baseYearTotal) < 1e-9)
    #expect(abs(r.requiredCAGR - 0.148698355) < 1e-9)
    let last = r.yearly.last!
    #expect(abs(r.gapAtMedian - (r.targetAmount - last.investmentInPlace.p50)) < 1e-9)
    #expect(abs(r.gapAtMean - (r.targetAmount - last.investmentInPlace.mean)) < 1e-9)
    #expect(abs(r.medianCAGR - (pow(last.investmentInPlace.p50 / r.baseYearTotal, 0.2) - 1)) < 1e-12)
    #expect(r.probabilityTargetMet == last.probabilityAtLeastTarget)
    #expect(r.probabilityTargetMet >= 0 && r.probabilityTargetMet <= 1)
}

@Test func majorProjectsAddTheirExpectedAmount() throws {
    var p = try Fixtures.calibrated(draws: 20_000, seed: 5)
    p.majorProjects = [
        MajorProject(
            name: "攻坚", industry: "biomedicine", carrier: "cell_valley", source: "beijing", amount: 300,
            probability: 0.5, expectedYear: 2022)
    ]
    let r = try ForecastEngine.run(p)
    let bio = r.byIndustry.first { $0.id == "biomedicine" }!
    let bioExpected = r.expected.byIndustry.first { $0.id == "biomedicine" }!
    // 2022: 0.5·300·0.3 = 45 on top of the pipeline; binomial SE of the majors part ≈ 45·√(1/N)·2.
    let se = 300 * 0.4 * 0.5 / Double(r.draws).squareRoot()
    #expect(abs(bio.values[2] - bioExpected.values[2]) < 4 * (se + r.yearly[2].investmentInPlace.standardError))
    #expect(bioExpected.values[1] > bioExpected.values[0] + 44)
}

import LibC
