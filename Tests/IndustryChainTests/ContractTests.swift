import Foundation
import ScenarioKit
import ScenarioKitTesting
import Testing
@testable import IndustryChain

/// The industry-chain module keeps the SDK's contract on the Miller & Blair table, and shares its
/// table and factored technology through `ModuleContext.shared`.
@Suite struct ContractTests {
    @Test func keepsTheContract() throws {
        let (dataset, io) = try TestSupport.millerBlair()
        let context = TestSupport.context(dataset: dataset, io: io, industries: TestSupport.millerBlairIndustries)
        try ModuleHarness.verifyContract(IndustryChainModule.self, context: context)
        try ModuleHarness.verifyContract(
            IndustryChainModule.self, parameters: ["projects": ["alpha": 100], "households": "VA001:TC"], context: context)
    }

    @Test func buildsShareTheTableAndItsFactors() throws {
        let (dataset, io) = try TestSupport.millerBlair()
        let shared = SharedResources()
        let plain = TestSupport.context(dataset: dataset, io: io, industries: TestSupport.millerBlairIndustries)
        let context = ModuleContext(
            scenarioID: plain.scenarioID, baseYear: plain.baseYear, targetYear: plain.targetYear,
            datasetFolder: plain.datasetFolder, ioTableFolder: plain.ioTableFolder, industries: plain.industries,
            carriers: plain.carriers, sources: plain.sources, shared: shared)
        let a = try ModuleHarness.make(IndustryChainModule.self, parameters: ["projects": ["alpha": 100]], context: context)
        #expect(shared.count == 2)  // the table and its technology
        let b = try ModuleHarness.make(IndustryChainModule.self, parameters: ["projects": ["beta": 50]], context: context)
        #expect(shared.count == 2)  // other parameters, same table and technology settings
        _ = try ModuleHarness.make(IndustryChainModule.self, parameters: ["households": "VA001:TC"], context: context)
        #expect(shared.count == 3)  // Type II: another technology on the same table
        // Shared or not, the numbers are the same.
        let unshared = try ModuleHarness.make(IndustryChainModule.self, parameters: ["projects": ["alpha": 100]], context: plain)
        let outputs = TestSupport.outputs(years: [2021, 2022], amounts: ["alpha": [[10], [20]], "beta": [[5], [6]]])
        var r1 = ResultSet(), r2 = ResultSet(), r3 = ResultSet()
        try a.analyze(outputs, into: &r1)
        try unshared.analyze(outputs, into: &r2)
        try b.analyze(outputs, into: &r3)
        #expect(r1 == r2)
        #expect(r1 != r3)
    }
}

/// The regional reading on the Miller & Blair table: region = sector 01 twice its national
/// share, sector 02 half (RE/TRE = [2/3, 1/3] against x/TNE = [1/3, 2/3]), TRE/TNE = 0.1:
/// SLQ = [2, 0.5]; under SLQ row 2's coefficients are halved, so the regional multipliers are
/// below the national ones, and the table lists both readings.
@Test func regionalReadingOnMillerBlair() throws {
    let (dataset, io) = try TestSupport.millerBlair(extraFiles: [
        "regional-weights.csv": "io_code,region_output_share,status,basis\n01,0.6666666667,assumed,test\n02,0.3333333333,assumed,test\n",
        "regional-total.csv": "quantity,value,status,basis\ntre_over_tne,0.1,assumed,test\n",
    ])
    let context = TestSupport.context(dataset: dataset, io: io, industries: TestSupport.millerBlairIndustries)
    try ModuleHarness.verifyContract(IndustryChainModule.self, parameters: ["regionalize": "slq", "projects": ["alpha": 10]], context: context)
    let outputs = TestSupport.outputs(years: [2021, 2022], amounts: ["alpha": [[10], [20]], "beta": [[5], [6]]])
    let results = try ModuleHarness.run(
        IndustryChainModule.self, parameters: ["regionalize": "slq", "projects": ["alpha": 10]], context: context, outputs: outputs)
    let table = try #require(results.table("industry-chain.national-vs-regional"))
    let national = table.numbers(column: 0), regional = table.numbers(column: 1)
    #expect(!national.isEmpty)
    for k in national.indices { #expect(regional[k] <= national[k] + 1e-12 && regional[k] > 0) }
    // By hand: A = [[0.15, 0.25], [0.2, 0.05]]; SLQ keeps row 1 (SLQ 2 ≥ 1), halves row 2:
    // R = [[0.15, 0.25], [0.1, 0.025]], det(I − R) = 0.85·0.975 − 0.25·0.1 = 0.80375;
    // regional multiplier of sector 01 = (0.975 + 0.1)/0.80375 = 1.337481; alpha is sector 01 only.
    #expect(abs(regional[0] - 1.075 / 0.80375) < 1e-9, "\(regional)")
    #expect(abs(national[0] - 1.15 / 0.7575) < 1e-9)
    let bad = try #require(try ModuleHarness.moduleError(IndustryChainModule.self, parameters: ["regionalize": "lq"], context: context))
    #expect(bad.keyPath == "regionalize")
    let missing = try #require(try ModuleHarness.moduleError(
        IndustryChainModule.self, parameters: ["regionalize": "flq"],
        context: TestSupport.context(dataset: try TestSupport.millerBlair().dataset, io: io, industries: TestSupport.millerBlairIndustries)))
    #expect(missing.keyPath == "regionalize" && missing.message.contains("regional-weights.csv"), "\(missing)")
}
