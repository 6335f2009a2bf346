import EngineTestSupport
import Testing
@testable import ForecastEngine

@Test func outOfRangeParametersAreNamed() throws {
    var p = ForecastParameters()
    p.pipeline.transitions[1].advance = 1.2
    #expect(throws: ForecastError.probabilityOutOfRange(parameter: "pipeline.transitions.signed.advance", value: 1.2)) {
        try p.validate()
    }
    p = ForecastParameters()
    p.disbursement = DisbursementSchedule(shares: [0.3, 0.4, 0.2])
    #expect(throws: ForecastError.self) { try p.validate() }
    do {
        try p.validate()
    } catch let ForecastError.scheduleDoesNotSumToOne(parameter, sum) {
        #expect(parameter == "disbursement.shares")
        #expect(abs(sum - 0.9) < 1e-12)
    }
    p = ForecastParameters()
    p.plan.targetYear = 2020
    #expect(throws: ForecastError.targetYearNotAfterBaseYear(baseYear: 2020, targetYear: 2020)) { try p.validate() }
    p = ForecastParameters()
    p.majorProjects = [
        MajorProject(name: "x", industry: "automotive", carrier: "streets_towns", source: "beijing", amount: -5,
                     probability: 0.5, expectedYear: 2022)
    ]
    #expect(throws: ForecastError.negativeValue(parameter: "majorProjects[0].amount", value: -5)) { try p.validate() }
    p.majorProjects[0].amount = 5
    p.majorProjects[0].industry = "shipbuilding"
    #expect(throws: ForecastError.unknownIdentifier(parameter: "majorProjects[0].industry", id: "shipbuilding")) {
        try p.validate()
    }
    p = ForecastParameters()
    p.sources[2].projectSize.tailExponent = 0.9
    #expect(throws: ForecastError.self) { try p.validate() }
    p = ForecastParameters()
    p.exchangeRate = YearPath([2022: -7], initial: 6.9)
    #expect(throws: ForecastError.nonPositiveValue(parameter: "exchangeRate.2022", value: -7)) { try p.validate() }
    p = ForecastParameters()
    p.targets.perStage = [100, 100]
    #expect(throws: ForecastError.self) { try p.validate() }
    p = ForecastParameters()
    p.pipeline.transitions[0] = StageTransition(advance: 0, dropOut: 0)
    #expect(throws: ForecastError.self) { try ForecastEngine.run(p) }
}

@Test func implausibleSizesAreErrorsNotTraps() throws {
    var p = ForecastParameters()
    p.sources[0].leadArrivalRate = 1e15
    do {
        _ = try ForecastEngine.run(p)
        Issue.record("expected an error")
    } catch let ForecastError.invalidValue(parameter, _) {
        #expect(parameter == "sources.beijing.leadArrivalRate")
    }
    p = ForecastParameters()
    p.arrivalVolatility = 2
    #expect(throws: ForecastError.self) { try p.validate() }
    p = ForecastParameters()
    p.effortScale = .nan
    #expect(throws: ForecastError.nonFinite(parameter: "effortScale")) { try p.validate() }
    #expect(throws: ForecastError.self) {
        try ForecastEngine.requiredEffort(probability: 1.5, parameters: ForecastParameters())
    }
}

@Test func yearPathCarriesTheLastValueForward() {
    let path = YearPath([2021: 1.1, 2023: 1.3], initial: 1)
    #expect(path.value(in: 2020) == 1)
    #expect(path.value(in: 2021) == 1.1)
    #expect(path.value(in: 2022) == 1.1)
    #expect(path.value(in: 2030) == 1.3)
}
